"""The API answers in the client's language: ``Accept-Language``, German by default.

Problem bodies are what a client shows a person who got a parameter wrong: their ``title`` and ``detail`` come in
English for ``Accept-Language: en`` and in German for ``de`` and for a client that asks for nothing.
"""

import pytest

pytestmark = pytest.mark.django_db

MAP = "/api/v3/map/features"
TOO_LARGE_ID = "/api/v3/pages/99999999999999999999999/"


def problem(response, status):
    assert response.status_code == status
    body = response.json()
    return body["title"], body["detail"], response["Content-Language"]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en", ("Bad Request", "Unknown layer “nope”.", "en")),
        ("en-GB,en;q=0.9,de;q=0.5", ("Bad Request", "Unknown layer “nope”.", "en")),
        ("de", ("Ungültige Anfrage", "Unbekannte Ebene „nope“.", "de")),
        ("de-DE,de;q=0.9,en;q=0.8", ("Ungültige Anfrage", "Unbekannte Ebene „nope“.", "de")),
        ("fr", ("Ungültige Anfrage", "Unbekannte Ebene „nope“.", "de")),  # not offered: the default
    ],
)
def test_an_endpoints_problem_comes_in_the_requested_language(client, accept_language, expected):
    response = client.get(MAP, {"layer": "nope"}, HTTP_ACCEPT_LANGUAGE=accept_language)

    assert problem(response, 400) == expected
    assert "Accept-Language" in response["Vary"]


def test_without_accept_language_the_api_answers_in_german(client):
    assert problem(client.get(MAP, {"layer": "nope"}), 400)[:2] == (
        "Ungültige Anfrage",
        "Unbekannte Ebene „nope“.",
    )


def test_the_sites_language_cookie_does_not_count(client, settings):
    """The cookie records a first visit's hint; the API is stateless and follows the header alone."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    assert problem(client.get(MAP, {"layer": "nope"}, HTTP_ACCEPT_LANGUAGE="de"), 400)[:2] == (
        "Ungültige Anfrage",
        "Unbekannte Ebene „nope“.",
    )


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en", ("Not Found", "This address does not exist.")),
        ("de", ("Nicht gefunden", "Diese Adresse gibt es nicht.")),
    ],
)
def test_the_request_guards_problems_come_in_the_requested_language(client, accept_language, expected):
    response = client.get(TOO_LARGE_ID, HTTP_ACCEPT_LANGUAGE=accept_language)

    assert problem(response, 404)[:2] == expected
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("accept_language", "detail"),
    [("en", "At most 50 values for “layer”."), ("de", "Höchstens 50 Werte für „layer“.")],
)
def test_the_shared_parameter_errors_come_in_the_requested_language(client, accept_language, detail):
    response = client.get(MAP, {"layer": [f"v{i}" for i in range(51)]}, HTTP_ACCEPT_LANGUAGE=accept_language)

    assert problem(response, 400)[1] == detail


def test_a_page_address_keeps_its_own_language(client, home_page, settings):
    """Only the API follows Accept-Language on every request; a page at / stays German (the first-visit hint
    aside, which the language cookie switches off)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response["Content-Language"] == "de"
