"""Every live page of the demo renders for a visitor in at most 12 SQL queries without the page cache.

The site, the menu and the footer come from the shared cache (``home.site_cache``), counted warm: the second
request of a page, as every visitor after the first sees it. New page types are covered as the demo grows.
"""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from home.models import SiteSettings

pytestmark = pytest.mark.django_db

BUDGET = 12


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=StringIO())


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


def test_every_live_page_renders_within_the_query_budget(client, demo, subtests):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    seen = set()
    for page in pages:
        kind = type(page).__name__
        if kind == "RegionIndexPage":
            continue  # the network map has a budget of its own (tests/map)
        seen.add(kind)
        with subtests.test(page=page.url):
            status, count = queries_for(client, page.url)
            assert status == 200
            assert count <= BUDGET, f"{page.url} ({kind}): {count} queries"
    assert {
        "HomePage",
        "ContentPage",
        "RegionPage",
        "ActionIndexPage",
        "ActionPage",
        "EventIndexPage",
    } <= seen
    assert {"EventPage", "NewsIndexPage", "NewsPage", "RegionApplicationPage"} <= seen


@pytest.mark.parametrize(
    "url",
    ["/aktionen/?handlungsfeld=energie", "/veranstaltungen/videothek/", "/veranstaltungen/?kind=webinar"],
)
def test_filtered_listings_render_within_the_query_budget(client, demo, url):
    status, count = queries_for(client, url)
    assert status == 200
    assert count <= BUDGET


def test_the_menu_follows_a_renamed_page(client, demo):
    section = Page.objects.live().in_menu().filter(depth=3).first().specific
    assert section.title in client.get("/").content.decode()

    section.title = "Ganz neuer Menüpunkt"
    section.save_revision().publish()

    assert "Ganz neuer Menüpunkt" in client.get("/").content.decode()


def test_the_footer_follows_the_site_settings(client, demo):
    client.get("/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.tagline = "Eine neue Zeile für die Fußzeile"
    settings.save()

    assert "Eine neue Zeile für die Fußzeile" in client.get("/").content.decode()


def test_a_private_page_stays_private_for_visitors(client, demo):
    page = Page.objects.live().filter(depth=4).first()
    client.get(page.url)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert "login" in response["Location"]
