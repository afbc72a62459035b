import pytest

from tests.actions.factories import ActionPageFactory
from tests.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_site_search_finds_pages_of_every_type(client, action_index, news_index):
    ActionPageFactory(parent=action_index, title="Lastenrad-Verleih aufbauen")
    NewsPageFactory(parent=news_index, title="Lastenrad-Flotte wächst")

    html = client.get("/suche/", {"q": "Lastenrad"}).content.decode()

    assert "Lastenrad-Verleih aufbauen" in html
    assert "Lastenrad-Flotte wächst" in html


def test_site_search_never_shows_drafts(client, action_index):
    draft = ActionPageFactory(parent=action_index, title="Unveröffentlichter Lastenrad-Plan")
    draft.unpublish()

    assert "Unveröffentlichter" not in client.get("/suche/", {"q": "Lastenrad"}).content.decode()


@pytest.mark.parametrize("query", ["", "   ", "x" * 5000, "<script>alert(1)</script>", "AND OR NOT ("])
def test_site_search_handles_odd_queries_without_error(client, home_page, query):
    response = client.get("/suche/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_site_search_page_out_of_range_is_404(client, home_page):
    assert client.get("/suche/", {"q": "Garten", "page": "abc"}).status_code == 404


def test_site_search_falls_back_to_the_database_while_the_engine_is_down(settings, client, action_index):
    page = ActionPageFactory(parent=action_index, title="Lastenrad-Verleih aufbauen")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    page.save_revision().publish()  # indexing fails quietly; publishing does not

    response = client.get("/suche/", {"q": "Lastenrad"})

    assert response.status_code == 200
    assert "Lastenrad-Verleih aufbauen" in response.content.decode()
    assert "möglicherweise unvollständig" in response.content.decode()
