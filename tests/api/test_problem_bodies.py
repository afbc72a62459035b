"""One problem body and one parameter error for every endpoint, whoever answers the 400."""

import json

from django.http import QueryDict

import pytest

from common.params import InvalidParameter, values_of
from common.problems import problem, problem_response
from hub_events.filters import MAX_VALUES as EVENT_VALUES
from regions.map.query import MAX_VALUES as MAP_VALUES
from search.queries import InvalidQuery

pytestmark = pytest.mark.django_db


def test_an_endpoint_and_a_guard_answer_the_same_body():
    from_endpoint = problem("layer", "Unbekannte Ebene „x“.", ("regions", "members"))
    from_guard = problem_response("layer", "Unbekannte Ebene „x“.", ("regions", "members"))

    assert json.loads(from_endpoint.content) == json.loads(from_guard.content)
    assert json.loads(from_endpoint.content) == {
        "type": "about:blank",
        "status": 400,
        "title": "Ungültige Anfrage",  # German, the default language (English: tests/hub/test_api_language.py)
        "detail": "Unbekannte Ebene „x“.",
        "parameter": "layer",
        "valid": ["regions", "members"],
    }
    # The media types stay as the OpenAPI schema (endpoints, with the charset of ninja's own answers) and
    # RFC 7807 (guards) have them.
    assert from_endpoint["Content-Type"] == "application/json; charset=utf-8"
    assert from_guard["Content-Type"] == "application/problem+json"


def test_search_raises_the_common_error():
    assert InvalidQuery is InvalidParameter


def test_values_keep_each_callers_limit():
    params = QueryDict(mutable=True)
    params.setlist("x", [" a ", "", "b", "a"])
    assert values_of(params, "x", limit=3) == ["a", "b", "a"]
    assert values_of(params, "x", limit=2, unique=True) == ["a", "b"]
    with pytest.raises(InvalidParameter) as error:
        values_of(params, "x", limit=2)
    assert (error.value.parameter, error.value.detail) == ("x", "Höchstens 2 Werte für „x“.")
    assert (MAP_VALUES, EVENT_VALUES) == (50, 20)


@pytest.mark.parametrize(
    ("path", "name", "limit"), [("/api/v3/map/features", "layer", 50), ("/api/v3/events/", "kind", 20)]
)
def test_too_many_values_answer_400(client, path, name, limit):
    response = client.get(path, {name: [f"v{i}" for i in range(limit + 1)]})

    assert response.status_code == 400
    body = response.json()
    assert (body["parameter"], body["type"]) == (name, "about:blank")
    assert f"Höchstens {limit} Werte" in body["detail"]
