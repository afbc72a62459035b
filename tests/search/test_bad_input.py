"""Garbage, repeated, huge and unknown parameters get a clear 4xx on the page and in the API, never a 500."""

import pytest

from tests.actions.factories import ActionPageFactory

pytestmark = pytest.mark.django_db
API = "/api/v3/actions/search"

BAD = [
    ({"field": "gibt-es-nicht"}, "field"),
    ({"effort": "sehr hoch"}, "effort"),
    ({"sdg": "18"}, "sdg"),
    ({"sdg": "1; DROP TABLE"}, "sdg"),
    ({"sort": "zufall"}, "sort"),
    ({"page": "abc"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "0"}, "page"),
    ({"page": "9" * 500}, "page"),
    ({"page": "²"}, "page"),
    ({"q": "x" * 5000}, "q"),
    ({"region": "<script>alert(1)</script>"}, "region"),
]


@pytest.fixture
def pool(action_index):
    return [ActionPageFactory(parent=action_index) for _ in range(3)]


@pytest.mark.parametrize(("params", "parameter"), BAD)
def test_api_answers_400_naming_the_parameter(client, pool, params, parameter):
    response = client.get(API, params)

    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["detail"]


def test_api_400_names_the_valid_values(client, pool):
    body = client.get(API, {"effort": "sehr hoch"}).json()

    assert body["valid"] == ["low", "medium", "high"]
    assert client.get(API, {"sort": "zufall"}).json()["valid"] == ["relevance", "newest", "effort", "title"]


def test_api_refuses_unknown_parameters(client, pool):
    response = client.get(API, {"felt": "ernaehrungssystem"})

    assert response.status_code == 400
    assert response.json()["parameter"] == "felt"
    assert "field" in response.json()["valid"]


def test_api_page_past_the_last_is_400(client, pool):
    response = client.get(API, {"page": "2"})

    assert response.status_code == 400
    assert response.json()["parameter"] == "page"


def test_api_repeated_values_count_once(client, pool):
    once = client.get(API, {"field": "energie-und-verkehr"}).json()
    twice = client.get(f"{API}?field=energie-und-verkehr&field=energie-und-verkehr").json()

    assert once["total"] == twice["total"] == 3
    assert once["facets"] == twice["facets"]


@pytest.mark.parametrize(("params", "parameter"), [case for case in BAD if case[1] != "page"])
def test_page_answers_400_with_a_message(client, pool, action_index, params, parameter):
    response = client.get(action_index.url, params)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "9" * 500])
def test_garbage_page_number_is_400_on_the_page(client, pool, action_index, page):
    assert client.get(action_index.url, {"page": page}).status_code == 400


def test_page_past_the_last_is_404_on_the_page(client, pool, action_index):
    assert client.get(action_index.url, {"page": "2"}).status_code == 404


def test_page_ignores_unknown_parameters_such_as_tracking(client, pool, action_index):
    response = client.get(action_index.url, {"utm_source": "newsletter"})

    assert response.status_code == 200


def test_page_escapes_the_search_words(client, pool, action_index):
    html = client.get(action_index.url, {"q": "<img src=x onerror=alert(1)>"}).content.decode()

    assert "<img src=x onerror=alert(1)>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
