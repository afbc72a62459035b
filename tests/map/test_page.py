"""The map page without JavaScript: filters, the accessible list, "near me", and what it hands to map.js."""

import json
import re
from html import unescape

from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from regions.map.page import LIST_PAGE_SIZE, page_links
from regions.models import Initiative, RegionIndexPage
from tests.map.factories import bulk_initiatives, make_region
from tests.map.helpers import FEATURES

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def list_names(page):
    return sorted(node.get_text(strip=True) for node in page.select("#map-list .network-entry__name"))


def feature_names(client, query=""):
    collection = client.get(f"{FEATURES}{query}").json()
    assert not collection["clustered"]
    return sorted(feature["properties"]["name"] for feature in collection["features"])


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?field=ernaehrungssystem",
        "?field=energie-und-verkehr&field=ernaehrungssystem",
        "?layer=initiatives",
        "?layer=regions&layer=members",
        "?layer=members&field=energie-und-verkehr",
    ],
)
def test_list_shows_the_same_entries_as_the_geojson(client, world, region_index, query):
    page = soup(client.get(f"{region_index.url}{query}"))

    assert list_names(page) == feature_names(client, query)


def test_list_is_grouped_by_layer_with_headings(client, world, region_index):
    page = soup(client.get(region_index.url))

    section = page.select_one("section#map-list")
    assert section["tabindex"] == "-1"
    assert section.find("h2")
    headings = [h.get_text(" ", strip=True) for h in section.select("h3")]
    assert headings[0].startswith("Mitmach-Regionen")
    assert headings[1].startswith("Initiativen")
    assert headings[2].startswith("Mitglieder")
    for heading in section.select("h3"):
        assert heading.find_next_sibling().name == "ul"
    solawi = section.select_one(f"[data-entry-id='initiative-{world['solawi'].pk}']")
    assert "Verein" in solawi.get_text()
    assert "Ernährungssystem" in solawi.get_text()
    assert solawi.select_one(".network-entry__region a")["href"] == world["neumarkt"].url
    neumarkt = section.select_one(f"[data-entry-id='region-{world['neumarkt'].pk}']")
    assert neumarkt.select_one("a")["href"] == world["neumarkt"].url
    assert "Aktiv" in neumarkt.get_text()


def test_count_is_a_live_region(client, world, region_index):
    page = soup(client.get(region_index.url))

    count = page.select_one("#map-list [aria-live='polite']")
    assert count["role"] == "status"
    assert "8 Einträge" in count.get_text(" ", strip=True)
    assert count.select_one("[data-view-count]") is not None  # filled in by map.js


def test_filter_form_is_a_plain_get_form_reflecting_the_url(client, world, region_index):
    page = soup(client.get(f"{region_index.url}?field=ernaehrungssystem&layer=initiatives"))

    form = page.select_one("form[data-map-filters]")
    assert form["method"] == "get"
    assert form.select_one("button[type=submit]")
    checked = {(box["name"], box["value"]) for box in form.select("input[type=checkbox][checked]")}
    assert checked == {("field", "ernaehrungssystem"), ("layer", "initiatives")}
    for box in form.select("input[type=checkbox]"):
        assert box.find_parent("label")  # every checkbox has a label
    # Without a layer in the URL every layer is shown and ticked.
    default = soup(client.get(region_index.url)).select("form[data-map-filters] input[name=layer]")
    assert all(box.has_attr("checked") for box in default)


def test_bad_filter_in_the_link_is_explained_and_the_page_still_works(client, world, region_index):
    page = soup(client.get(f"{region_index.url}?field=klimaschutz&layer=events"))

    alert = page.select_one("[role=alert]")
    assert "Gültige Werte" in alert.get_text()
    assert list_names(page) == feature_names(client)  # everything, unfiltered


def test_map_container_skip_link_and_assets(client, world, region_index, settings):
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Beispiel-Kacheln"
    response = client.get(region_index.url)
    html = response.content.decode()
    page = soup(response)

    map_element = page.select_one("#network-map")
    assert map_element["aria-label"]
    assert "ergänzende Ansicht" in map_element["aria-label"]
    skip = page.select_one("a[href='#map-list']")
    assert html.index('href="#map-list"') < html.index('id="network-map"')
    assert "Liste" in skip.get_text()

    config = json.loads(page.select_one("script#map-config").string)
    assert config["tiles"] == {
        "url": "https://tiles.example/{z}/{x}/{y}.png",
        "attribution": "© Beispiel-Kacheln",
        "consent": True,
    }
    assert "Der Kartenhintergrund kommt von tiles.example." in config["text"]["tilesConsent"]
    assert config["featuresUrl"] == FEATURES
    assert config["locale"] == "de"  # the API is not under /en/: the page asks for its language

    scripts = [tag["src"] for tag in page.select("script[src]")]
    styles = [tag["href"] for tag in page.select("link[rel=stylesheet]")]
    for asset in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "/static/map/map.js",
    ):
        assert asset in scripts
    for asset in (
        "/static/vendor/leaflet/leaflet.css",
        "/static/vendor/leaflet.markercluster/MarkerCluster.css",
        "/static/map/map.css",
    ):
        assert asset in styles
    assert all(src.startswith("/static/") for src in scripts + styles)  # nothing from a CDN


def test_no_email_address_or_contact_email_on_the_page(client, world, region_index):
    html = unescape(client.get(region_index.url).content.decode())

    assert not EMAIL.search(html)
    assert "team@" not in html
    assert "Interne Notiz" not in html
    assert "Geheime Region" not in html


def test_long_lists_are_paginated_keeping_the_filters(client, region_index):
    region = make_region(region_index, "Neumarkt", 49.28, 11.46)
    bulk_initiatives(region, LIST_PAGE_SIZE + 5)

    first = soup(client.get(f"{region_index.url}?layer=initiatives"))
    assert len(first.select(".network-entry")) == LIST_PAGE_SIZE
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert "layer=initiatives" in next_link
    assert next_link.endswith("page=2#map-list")

    second = soup(client.get(f"{region_index.url}?layer=initiatives&page=2"))
    assert len(second.select(".network-entry")) == 5
    assert client.get(f"{region_index.url}?page=99").status_code == 404
    assert client.get(f"{region_index.url}?page=abc").status_code == 404


def test_every_page_of_the_list_continues_the_name_order(client, region_index):
    """Pages in the list's second half are read backwards from the end of the name index: same order."""
    region = make_region(region_index, "Neumarkt", 49.28, 11.46)
    bulk_initiatives(region, LIST_PAGE_SIZE * 2 + 7)
    expected = list(Initiative.objects.order_by("name", "pk").values_list("name", flat=True))

    shown = []
    for number in (1, 2, 3):
        page = soup(client.get(region_index.url, {"layer": "initiatives", "page": number}))
        shown += [name.get_text(strip=True) for name in page.select(".network-entry__name")]

    assert shown == expected


def test_a_long_list_links_the_ends_and_two_pages_either_side():
    """250,000 initiatives are 5,000 pages: the links are computed, not found by walking every page."""
    paginator = Paginator(range(250_000), LIST_PAGE_SIZE)

    assert page_links(paginator.page(1)) == [1, 2, 3, None, 5000]
    assert page_links(paginator.page(2500)) == [1, None, 2498, 2499, 2500, 2501, 2502, None, 5000]
    assert page_links(paginator.page(5000)) == [1, None, 4998, 4999, 5000]
    assert page_links(Paginator(range(120), LIST_PAGE_SIZE).page(2)) == [1, 2, 3]


def test_list_page_spanning_two_layers_repeats_the_heading(client, region_index):
    region = make_region(region_index, "Neumarkt", 49.28, 11.46)
    bulk_initiatives(region, LIST_PAGE_SIZE)  # 1 region + 50 initiatives: the last one is on page 2

    first = soup(client.get(region_index.url))
    second = soup(client.get(f"{region_index.url}?page=2"))

    assert [h.get_text(" ", strip=True).split(" (")[0] for h in first.select("#map-list h3")] == [
        "Mitmach-Regionen",
        "Initiativen",
    ]
    assert [h.get_text(" ", strip=True).split(" (")[0] for h in second.select("#map-list h3")] == [
        "Initiativen"
    ]
    assert len(second.select(".network-entry")) == 1


# --- Near me --------------------------------------------------------------------------------------------


def near_results(page):
    section = page.select_one("section[aria-labelledby=near-results-heading]")
    return section, [item.get_text(" ", strip=True) for item in section.select("ol li")]


def test_near_me_by_city_name(client, world, region_index):
    page = soup(client.get(region_index.url, {"near": "muenster"}))

    section, items = near_results(page)
    assert "Münster" in section.find("h2").get_text()
    assert items[0].startswith("Münsterland")
    assert "etwa 0 km" in items[0]
    assert items[1].startswith("Neumarkt")
    assert re.search(r"etwa 4\d\d km", items[1])
    assert section.select_one("a")["href"] == world["muenster"].url
    assert list_names(page)  # the rest of the page still works


def test_near_me_by_coordinates(client, world, region_index):
    page = soup(client.get(region_index.url, {"near": "49,28 11,46"}))

    _section, items = near_results(page)
    assert items[0].startswith("Neumarkt")
    assert "etwa 0 km" in items[0]


@pytest.mark.parametrize(
    ("near", "message"),
    [("Atlantis", "Atlantis"), ("95, 7", "außerhalb"), ("51.5, -190", "außerhalb")],
)
def test_near_me_unknown_place_or_bad_coordinates(client, world, region_index, near, message):
    page = soup(client.get(region_index.url, {"near": near}))

    error = page.select_one("#near-error")
    assert error["role"] == "alert"
    assert message in error.get_text()
    assert page.select_one("#near-input")["aria-invalid"] == "true"
    assert page.select_one("#near-input")["value"] == near
    assert page.select_one("section[aria-labelledby=near-results-heading]") is None
    assert list_names(page) == feature_names(client)


def test_near_form_keeps_the_filters_and_the_filter_form_keeps_near(client, world, region_index):
    page = soup(client.get(f"{region_index.url}?near=Berlin&field=ernaehrungssystem&layer=regions"))

    near_form = page.select_one("form[data-near-form]")
    hidden = {(tag["name"], tag["value"]) for tag in near_form.select("input[type=hidden]")}
    assert hidden == {("field", "ernaehrungssystem"), ("layer", "regions")}
    assert near_form.select_one("button[data-locate]").has_attr("hidden")  # shown by map.js
    filter_form = page.select_one("form[data-map-filters]")
    assert ("near", "Berlin") in {
        (tag["name"], tag["value"]) for tag in filter_form.select("input[type=hidden]")
    }


def test_near_me_passes_the_place_to_the_map(client, world, region_index):
    page = soup(client.get(region_index.url, {"near": "Leipzig"}))

    config = json.loads(page.select_one("script#map-config").string)
    assert config["near"]["name"] == "Leipzig"
    assert round(config["near"]["lat"]) == 51


# --- Structure and queries ------------------------------------------------------------------------------


def test_region_applications_can_be_added_below_the_map_page():
    assert "region_applications.RegionApplicationPage" in RegionIndexPage.subpage_types


def test_page_query_count_does_not_grow_with_entries(client, region_index, django_assert_max_num_queries):
    from tests.map.test_scale import fill

    region = make_region(region_index, "Neumarkt", 49.28, 11.46)
    fill(region, 10)
    client.get(region_index.url)  # warm-up: site root paths and the like are cached after the first view
    with django_assert_max_num_queries(25) as few:
        client.get(f"{region_index.url}?page=1")  # another URL than the warm-up: rendered, not a cached page
    fill(region, 300)
    client.get(region_index.url)  # warm-up again: the new entries started a new content version
    with django_assert_max_num_queries(25) as many:
        client.get(f"{region_index.url}?near=Berlin&field=ernaehrungssystem")

    assert len(many.captured_queries) <= len(few.captured_queries)


def test_anonymous_map_page_renders_in_at_most_12_queries(client, world, region_index):
    bulk_initiatives(world["neumarkt"], LIST_PAGE_SIZE * 3)
    client.get(region_index.url)  # warm-up: site root paths and the map's shared data are cached
    # Another URL: not served whole from a page cache, rendered with the list's second page.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{region_index.url}?page=2")

    assert response.status_code == 200
    assert len(soup(response).select(".network-entry")) == LIST_PAGE_SIZE
    assert len(queries.captured_queries) <= 12
