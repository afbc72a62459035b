"""The network map in a real browser, on the demo content, with every tile request blocked.

The map must work without its background: markers, popups, filters and the list come from our own server.
"""

import re
from io import StringIO
from urllib.parse import parse_qs, urlsplit

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from members.models import User
from regions.models import RegionIndexPage, RegionPage

# Close to the Repair-Café and the town hall of Neumarkt, at the zoom from which every marker stands alone.
NEUMARKT_VIEW = "lat=49.2790&lng=11.4610&zoom=15"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo_content", stdout=StringIO())
    return RegionIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def map_page(new_page, live_server):
    """A page whose requests to anything but our live server (the map tiles) fail."""
    blocked = []
    own = urlsplit(live_server.url).netloc

    def block_foreign(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page = new_page()
    page.route("**/*", block_foreign)
    page.blocked = blocked
    return page


def open_map(page, url):
    page.goto(url)
    page.locator("#network-map[data-loaded='true']").wait_for()


def marker(page, name):
    """A marker is a focusable button named after its entry ("Name – Art")."""
    return page.locator(".leaflet-marker-pane").get_by_role(
        "button", name=re.compile("^" + re.escape(name) + " – ")
    )


def close_popup(page):
    page.locator(".leaflet-popup-close-button").click()
    expect(page.locator(".leaflet-popup")).to_have_count(0)


def list_names(page):
    return sorted(name.strip() for name in page.locator("#map-list .network-entry__name").all_inner_texts())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_markers_popups_and_list_work_without_tiles(map_page, demo):
    page = map_page
    open_map(page, demo.url)

    # No tile is asked for before the visitor agrees: the tile server would learn their IP address.
    assert not any("tile.openstreetmap.org" in url for url in page.blocked)
    expect(page.locator(".network-map__consent")).to_contain_text("tile.openstreetmap.org")
    page.get_by_role("button", name="Kartenhintergrund laden").click()
    expect(page.locator("[data-map-notice]")).to_contain_text("Kartenhintergrund")
    assert any("tile.openstreetmap.org" in url for url in page.blocked)
    # Over the whole of Germany, markers near each other are grouped (client-side clusters).
    expect(page.locator(".leaflet-marker-pane .marker-cluster").first).to_be_visible()
    expect(page.locator("[data-view-count]")).to_contain_text("Im Kartenausschnitt")

    # The list below the map holds the same entries as the map's data (same filters, no box).
    api_names = page.evaluate(
        """async () => {
            const config = JSON.parse(document.getElementById("map-config").textContent);
            const collection = await (await fetch(config.featuresUrl)).json();
            return collection.features.map((feature) => feature.properties.name).sort();
        }"""
    )
    assert list_names(page) == sorted(api_names)
    # Every entry is in the view of Germany: single markers and the clusters' counts add up to all of them.
    singles = page.locator(".leaflet-marker-pane .map-marker").count()
    clusters = page.locator(".leaflet-marker-pane .marker-cluster span").all_inner_texts()
    assert singles + sum(int(count) for count in clusters) == len(api_names)
    assert "Repair-Café Neumarkt" in api_names
    assert "Blühende Jura-Wiesen" not in api_names  # pending in the demo

    # Zoomed in, single initiatives show; a region marker's popup links to the region's page.
    neumarkt = RegionPage.objects.get(slug="neumarkt-oberpfalz", locale__language_code="de")
    open_map(page, f"{demo.url}?{NEUMARKT_VIEW}")
    expect(marker(page, "Repair-Café Neumarkt")).to_be_visible()
    expect(marker(page, "Stadtverwaltung Neumarkt – Nachhaltigkeitsbüro")).to_be_visible()
    assert set(
        label.rsplit(" – ", 1)[0]
        for label in page.locator(".map-marker[aria-label]").evaluate_all(
            "nodes => nodes.map((node) => node.getAttribute('aria-label'))"
        )
    ) <= set(list_names(page))

    # A member who takes messages: "Kontakt aufnehmen" leads to the contact form (visitors log in there). The
    # demo's initiatives have no owner to write to: no such link.
    aylin = User.objects.get(username="karte-aylin")
    marker(page, "Aylin K.").click()
    contact = page.locator(".leaflet-popup").get_by_role("link", name="Kontakt aufnehmen")
    expect(contact).to_have_attribute("href", f"/netzwerk/kontakt/member/{aylin.pk}/")
    expect(contact).to_have_accessible_name(re.compile(r"^Kontakt aufnehmen ?: Aylin K\.$"))  # whose, too
    close_popup(page)
    marker(page, "Repair-Café Neumarkt").click()
    expect(page.locator(".leaflet-popup")).to_contain_text("Repair-Café Neumarkt")
    expect(page.locator(".leaflet-popup .map-popup__contact")).to_have_count(0)
    close_popup(page)

    marker(page, neumarkt.title).click()
    popup = page.locator(".leaflet-popup")
    expect(popup).to_contain_text(neumarkt.title)
    expect(popup).to_contain_text("Status: Aktiv")
    link = popup.get_by_role("link", name="Zur Seite der Region")
    assert link.get_attribute("href") == neumarkt.url
    # By keyboard: a pointer click can land while the popup's auto-pan still moves the link (seen once in CI).
    link.press("Enter")
    expect(page.get_by_role("heading", level=1, name=neumarkt.title)).to_be_visible()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_field_filter_changes_map_list_and_url(map_page, demo):
    page = map_page
    open_map(page, f"{demo.url}?{NEUMARKT_VIEW}")
    expect(marker(page, "Repair-Café Neumarkt")).to_be_visible()
    assert "Repair-Café Neumarkt" in list_names(page)

    page.get_by_role("checkbox", name="Energie und Verkehr").check()

    # Repair-Café (economy, social) and the region (food, economy, social) go; the town hall (energy) stays.
    expect(marker(page, "Repair-Café Neumarkt")).to_have_count(0)
    expect(marker(page, "Neumarkt in der Oberpfalz")).to_have_count(0)
    expect(marker(page, "Stadtverwaltung Neumarkt – Nachhaltigkeitsbüro")).to_be_visible()
    expect(page.locator("#map-list")).not_to_contain_text("Repair-Café Neumarkt")
    expect(page.locator("#map-list")).to_contain_text("Lastenrad Münsterland")
    query = parse_qs(urlsplit(page.url).query)
    assert query["field"] == ["energie-und-verkehr"]
    assert {"lat", "lng", "zoom"} <= set(query)

    # The URL keeps the state: reloading shows the same filter and view.
    page.reload()
    page.locator("#network-map[data-loaded='true']").wait_for()
    expect(page.get_by_role("checkbox", name="Energie und Verkehr")).to_be_checked()
    expect(marker(page, "Stadtverwaltung Neumarkt – Nachhaltigkeitsbüro")).to_be_visible()
    expect(marker(page, "Repair-Café Neumarkt")).to_have_count(0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_skip_link_moves_keyboard_focus_to_the_list(map_page, demo):
    page = map_page
    open_map(page, demo.url)

    skip = page.get_by_role("link", name=re.compile("Karte überspringen"))
    skip.focus()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "map-list"
    page.keyboard.press("Tab")  # the next stop is inside the list, not a marker on the map
    assert page.evaluate("document.activeElement.closest('#map-list') !== null")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_map_page_has_no_serious_accessibility_violations(map_page, demo):
    from axe_playwright_python.sync_playwright import Axe

    page = map_page
    open_map(page, f"{demo.url}?{NEUMARKT_VIEW}")

    results = Axe().run(page)
    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], [(v["id"], [node["target"] for node in v["nodes"]]) for v in serious]
