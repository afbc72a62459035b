"""The "Region starten" page is linked from the home page and the network map while it is live."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from tests.region_applications.factories import RegionApplicationPageFactory
from tests.region_applications.helpers import future, past


@pytest.fixture
def pages(home_page, region_index):
    return {"home": home_page.url, "map": region_index.url}


@pytest.mark.parametrize("where", ["home", "map"])
def test_an_open_application_page_is_linked_with_its_deadline(client, pages, application_page, where):
    html = client.get(pages[where]).content.decode()

    assert f'href="{application_page.url}"' in html
    assert "Jetzt bewerben" in html
    assert "Bewerbungen bis" in html


@pytest.mark.parametrize("where", ["home", "map"])
def test_a_closed_round_says_so(client, pages, closed_page, where):
    html = client.get(pages[where]).content.decode()

    assert f'href="{closed_page.url}"' in html
    assert "Die Bewerbungsphase dieser Runde ist vorbei." in html
    assert "Jetzt bewerben" not in html


def test_the_open_page_wins_over_a_closed_one(client, pages, home_page, region_index):
    RegionApplicationPageFactory(parent=home_page, slug="alte-runde", deadline=past())
    current = RegionApplicationPageFactory(parent=region_index, slug="neue-runde", deadline=future())

    html = client.get(pages["home"]).content.decode()

    assert f'href="{current.url}"' in html
    assert "/alte-runde/" not in html


@pytest.mark.parametrize("where", ["home", "map"])
def test_no_link_without_a_live_public_page(client, pages, application_page, where):
    application_page.unpublish()
    assert "/region-starten/" not in client.get(pages[where]).content.decode()

    application_page.save_revision().publish()
    assert "/region-starten/" in client.get(pages[where]).content.decode()

    PageViewRestriction.objects.create(page=application_page, restriction_type=PageViewRestriction.LOGIN)
    assert "/region-starten/" not in client.get(pages[where]).content.decode()


@pytest.mark.parametrize("where", ["home", "map"])
def test_the_link_costs_no_query_once_cached(client, pages, application_page, where, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(pages[where])

    with CaptureQueriesContext(connection) as captured:
        html = client.get(pages[where]).content.decode()

    assert "/region-starten/" in html
    assert not [query for query in captured if "regionapplicationpage" in query["sql"]]
