"""Accessibility in the real browser: axe-core on the demo site's main pages, and the map page by keyboard.

The axe test loads the demo content and visits every page in a loop, so the demo is built once (the database
is flushed after each transactional test) and a failure lists every serious or critical violation at once,
with page, rule, impact and the first selectors. Lesser ones (best practices such as landmarks or heading
order) are printed, not fatal. Requests to other hosts (map tiles and the like) are aborted: the tests run
offline and check our markup only.
"""

import io
import re
import time
from urllib.parse import urlsplit

from django.core.management import call_command
from django.urls import reverse

import pytest
from axe_playwright_python.sync_playwright import Axe
from machina.apps.forum_conversation.models import Topic

from actions.models import ActionIndexPage, ActionPage
from demo import forum as forum_demo
from hub_events.models import EventIndexPage, EventPage
from news.models import NewsPage
from regions.models import Initiative, RegionIndexPage, RegionPage
from working_groups.models import WorkingGroup

FAILING_IMPACTS = {"serious", "critical"}
TARGETS_SHOWN = 3
MAX_TABS = 80
# The WCAG 2.x A and AA rules plus axe's best practices (landmarks, heading order, ...); the best practices
# are at most "moderate", so they show up in the summary without failing the test.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def _demo_pages():
    """(label, path) of every page checked, taken from the demo content rather than hard-coded slugs."""

    def first(model, **filters):
        return (
            model.objects.live()
            .filter(locale__language_code="de", **filters)
            .order_by("depth", "path")
            .first()
        )

    def english(model):
        return model.objects.live().filter(locale__language_code="en").order_by("depth", "path").first().url

    event_index = first(EventIndexPage)
    topic = Topic.objects.filter(subject=forum_demo.TOPICS[0][2]).select_related("forum").get()
    topic_url = reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum.pk,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )
    return [
        ("Startseite", "/"),
        ("Aktionspool", first(ActionIndexPage).url),
        ("Aktion", first(ActionPage).url),
        ("Regionen (Karte)", first(RegionIndexPage).url),
        ("Region", first(RegionPage).url),
        ("Veranstaltungen", event_index.url),
        ("Veranstaltung", first(EventPage, path__startswith=event_index.path).url),
        ("Neuigkeit", first(NewsPage).url),
        ("Forum", reverse("forum:index")),
        ("Forumsthema", topic_url),
        ("Registrierung", reverse("account_signup")),
        (
            "Initiative (Profil)",
            Initiative.objects.approved().exclude(location="").order_by("pk").first().get_absolute_url(),
        ),
        ("Mitmacher:innen", reverse("network:directory")),
        ("Arbeitsgruppen", reverse("working_groups:directory")),
        (
            "Arbeitsgruppe",
            WorkingGroup.objects.filter(reports__isnull=False).order_by("pk").first().get_absolute_url(),
        ),
        ("Home (English)", "/en/"),
        ("Action pool (English)", english(ActionIndexPage)),
        ("Regions map (English)", english(RegionIndexPage)),
    ]


def _offline(page, live_server_url):
    """Abort every request that does not go to the live server (tiles, fonts, analytics)."""
    own = urlsplit(live_server_url).netloc

    def handle(route):
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == own:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)


def _visit(page, path):
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else '—'}"
    # Lists and maps filled by script (the map's markers, the action search) are part of the page checked.
    page.wait_for_load_state("networkidle")


def _describe(label, path, violation):
    """One violation: page, rule, impact, what axe says about the first node, the first few selectors."""
    nodes = violation["nodes"]
    first = nodes[0] if nodes else {}
    checks = first.get("any") or first.get("all") or first.get("none") or []
    lines = [f"{label} ({path}): {violation['id']} [{violation['impact']}] {violation['help']}"]
    if checks:
        lines.append(f"      {checks[0]['message']}")
    lines += [f"      {' > '.join(map(str, node['target']))}" for node in nodes[:TARGETS_SHOWN]]
    if len(nodes) > TARGETS_SHOWN:
        lines.append(f"      … und {len(nodes) - TARGETS_SHOWN} weitere")
    return "\n".join(lines)


@pytest.fixture
def demo_site(transactional_db):
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_main_pages_have_no_serious_axe_violations(demo_site, new_page, live_server, capsys):
    page = new_page()
    _offline(page, live_server.url)
    axe = Axe()
    failing, minor, tally = [], [], []
    started = time.monotonic()
    for label, path in _demo_pages():
        _visit(page, path)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        failing += [_describe(label, path, v) for v in serious]
        minor += [_describe(label, path, v) for v in violations if v not in serious]
        tally.append(
            f"  {label:<17} {len(serious)} schwer, {len(violations) - len(serious)} leichter  {path}"
        )

    with capsys.disabled():
        print(f"\naxe-core auf {len(tally)} Seiten ({time.monotonic() - started:.1f} s):", *tally, sep="\n")
        for line in minor:
            print("  (nicht fatal) " + line)
    assert not failing, "axe-core meldet schwere Verstöße:\n" + "\n".join(failing)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_map_page_skip_link_moves_focus_into_the_list(region, new_page, live_server):
    """From the top of the map page, Tab reaches a link past the map to the list, and it moves focus there.

    The contract: a link whose name contains "Liste" and whose href is "#<id of the list>".
    """
    page = new_page()
    _offline(page, live_server.url)
    _visit(page, region.get_parent().url)

    skip = page.get_by_role("link", name=re.compile("Liste"))
    assert skip.count() >= 1, "Kein Link zur Liste auf der Kartenseite"
    skip = skip.first
    href = skip.get_attribute("href") or ""
    assert re.fullmatch(r"#[\w-]+", href), f"Der Link zur Liste zeigt nicht auf eine id: {href!r}"

    # From the top of the document (nothing focused), Tab by Tab: the header and the filter forms come first.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if skip.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail(
            f"Der Link zur Liste ist mit der Tab-Taste nicht erreichbar ({MAX_TABS} Schritte von oben)"
        )

    page.keyboard.press("Enter")
    focus_in_list = page.evaluate(
        "id => { const list = document.getElementById(id);"
        " return !!list && list.contains(document.activeElement); }",
        href[1:],
    )
    assert focus_in_list, f"Nach dem Link liegt der Fokus nicht in {href}"
