"""Search in two languages: each language finds its own tree's pages, its words stemmed by its own rules.

The engine tests run on every reachable engine (database always, on SQLite and on PostgreSQL; OpenSearch
locally when started, always in CI), the pages through the action pool, the API and the site search.
"""

from django.http import QueryDict
from django.utils import translation

from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest

from adoptions.models import Adoption, AdoptionStatus
from search.queries import parse_query
from search.service import search_actions
from tests.actions.factories import ActionPageFactory
from tests.helpers import english_tree
from tests.search.helpers import translate

pytestmark = pytest.mark.django_db
API = "/api/v3/actions/search"


@pytest.fixture
def actions(action_index, region):
    """Two German actions; in English one is translated, the other an alias that shows the German text."""
    garden = ActionPageFactory(
        parent=action_index,
        title="Gemeinschaftsgarten anlegen",
        summary="Ein Garten für die ganze Straße.",
        body=[("paragraph", RichText("<p>Im Garten wachsen Gemüse und gute Nachbarschaft.</p>"))],
    )
    garden.save_revision().publish()
    Adoption.objects.create(action=garden, region=region, status=AdoptionStatus.CONFIRMED)
    bike = ActionPageFactory(parent=action_index, title="Lastenrad-Verleih", summary="Räder für alle.")
    english_tree()
    garden_en = translate(
        garden,
        title="Start a community garden",
        summary="A garden for the whole street.",
        body="Vegetables and good neighbourhood grow here.",
    )
    english = Locale.objects.get(language_code="en")
    return {
        "garden": garden,
        "bike": bike,
        "garden_en": garden_en,
        "bike_en": bike.get_translation(english),
        "index_en": action_index.get_translation(english),
        "region_en": region.get_translation(english),
    }


def run(engine, language, **params):
    querydict = QueryDict(mutable=True)
    for key, value in params.items():
        querydict[key] = value
    with translation.override(language):
        return search_actions(parse_query(querydict), engine=engine)


def ids(result):
    return {action.pk for action in result.actions}


def test_english_finds_an_english_action_by_a_stemmed_word(actions, make_engine):
    engine = make_engine()

    assert ids(run(engine, "en", q="gardens")) == {actions["garden_en"].pk}  # the page says "garden"
    assert ids(run(engine, "en", q="growing vegetable")) == {actions["garden_en"].pk}
    assert run(engine, "de", q="gardens").total == 0  # not a German word of any German page


def test_german_keeps_german_stemming_and_its_own_pages(actions, make_engine):
    engine = make_engine()

    assert ids(run(engine, "de", q="Gärten")) == {actions["garden"].pk}
    assert ids(run(engine, "de", q="Garten")) == {actions["garden"].pk}
    assert run(engine, "en", q="Gärten").total == 0  # the English translation has no German words


def test_each_language_lists_its_own_tree_with_its_facet_counts(actions, make_engine):
    engine = make_engine()

    english, german = run(engine, "en"), run(engine, "de")

    assert ids(english) == {actions["garden_en"].pk, actions["bike_en"].pk}
    assert ids(german) == {actions["garden"].pk, actions["bike"].pk}
    regions = next(facet for facet in english.facets if facet.key == "region")
    assert [(option.value, option.count) for option in regions.options] == [("neumarkt", 1)]


def test_an_untranslated_page_is_found_in_english_by_its_german_words(actions, make_engine):
    assert ids(run(make_engine(), "en", q="Lastenrad")) == {actions["bike_en"].pk}


def test_the_english_pool_lists_english_pages_linking_to_english_addresses(client, actions):
    english = client.get(actions["index_en"].url).content.decode()
    german = client.get(actions["garden"].get_parent().url).content.decode()

    assert actions["index_en"].url.startswith("/en/")
    assert "Start a community garden" in english
    assert "Gemeinschaftsgarten anlegen" not in english
    assert f'href="{actions["garden_en"].url}"' in english
    assert "Gemeinschaftsgarten anlegen" in german
    assert "Start a community garden" not in german


def test_the_english_pool_searches_in_english(client, actions):
    html = client.get(actions["index_en"].url, {"q": "gardens"}).content.decode()

    assert "Start a community garden" in html
    assert "Lastenrad-Verleih" not in html


def test_an_english_action_page_links_to_the_english_region(client, actions):
    html = client.get(actions["garden_en"].url).content.decode()

    assert f'href="{actions["region_en"].url}"' in html


def test_api_locale_en_answers_english_pages_and_labels(client, actions):
    body = client.get(API, {"q": "gardens", "locale": "en"}).json()

    assert body["locale"] == "en"
    assert [result["title"] for result in body["results"]] == ["Start a community garden"]
    assert body["results"][0]["url"].startswith("/en/")
    assert next(facet["label"] for facet in body["facets"] if facet["key"] == "effort") == "Effort"


def test_api_locale_defaults_to_the_language_of_the_request(client, actions):
    english = client.get(API, {"q": "gardens"}, HTTP_ACCEPT_LANGUAGE="en").json()
    german = client.get(API, {"q": "Gärten"}, HTTP_ACCEPT_LANGUAGE="de").json()

    assert english["locale"] == "en"
    assert [result["title"] for result in english["results"]] == ["Start a community garden"]
    assert german["locale"] == "de"
    assert [result["title"] for result in german["results"]] == ["Gemeinschaftsgarten anlegen"]


@pytest.mark.parametrize("value", ["fr", "EN", "de-x", "\u00e9"])
def test_api_unknown_locale_is_a_400_naming_the_valid_ones(client, actions, value):
    response = client.get(API, {"locale": value})

    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == "locale"
    assert body["valid"] == ["de", "en"]


def test_api_error_messages_follow_the_requested_locale(client, actions):
    german = client.get(API, {"locale": "de", "sort": "bogus"}, HTTP_ACCEPT_LANGUAGE="en").json()
    english = client.get(API, {"locale": "en", "sort": "bogus"}, HTTP_ACCEPT_LANGUAGE="de").json()

    assert german["detail"] == "Unbekannte Sortierung „bogus“."
    assert english["detail"] == "Unknown sort order “bogus”."


def test_site_search_shows_the_pages_of_the_visitors_language(client, actions):
    english = client.get("/en/suche/", {"q": "Lastenrad"}).content.decode()
    german = client.get("/suche/", {"q": "Lastenrad"}).content.decode()

    assert f'href="{actions["bike_en"].url}"' in english
    assert f'href="{actions["bike"].url}"' not in english
    assert f'href="{actions["bike"].url}"' in german
    assert f'href="{actions["bike_en"].url}"' not in german
