"""German at /, English under /en/: the language switch, hreflang, the first-visit hint and the notice on pages
nobody has translated yet (common/language.py, templates/base.html)."""

import re

from django.conf import settings

import pytest

from tests.actions.factories import ActionPageFactory
from tests.helpers import english_tree, translate

pytestmark = pytest.mark.django_db

NOTICE = "This page has not been translated into English yet, so it is shown in German."


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def switch_links(response):
    """{language code: href} of the language switch."""
    nav = re.search(r'<nav class="language-nav".*?</nav>', response.content.decode(), re.S).group(0)
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', nav))


def alternates(response):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', response.content.decode())
    )


@pytest.fixture
def action(action_index):
    page = ActionPageFactory(parent=action_index, title="Saatgut-Tauschbörse", slug="saatgut")
    english_tree()
    return page


def test_german_is_served_at_the_root_and_english_under_en(client, action):
    german = client.get("/aktionen/saatgut/")
    english = client.get("/en/aktionen/saatgut/")

    assert german.status_code == english.status_code == 200
    assert html_lang(german) == "de"
    assert html_lang(english) == "en"
    assert "Skip to content" in english.content.decode()
    assert "Zum Inhalt springen" in german.content.decode()


def test_an_untranslated_page_is_shown_in_german_with_a_notice(client, action):
    response = client.get("/en/aktionen/saatgut/")

    body = response.content.decode()
    assert NOTICE in body
    assert '<main id="main" tabindex="-1" lang="de">' in body
    assert "Saatgut-Tauschbörse" in body
    assert NOTICE not in client.get("/aktionen/saatgut/").content.decode()


def test_a_translated_page_has_no_notice_and_the_switch_follows_its_own_slug(client, action):
    translate(action, title="Seed swap", slug="seed-swap")

    english = client.get("/en/aktionen/seed-swap/")
    assert english.status_code == 200
    body = english.content.decode()
    assert "Seed swap" in body
    assert NOTICE not in body
    assert switch_links(english) == {"de": "/aktionen/saatgut/", "en": "/en/aktionen/seed-swap/"}
    assert switch_links(client.get("/aktionen/saatgut/")) == {
        "de": "/aktionen/saatgut/",
        "en": "/en/aktionen/seed-swap/",
    }


def test_the_switch_and_hreflang_keep_the_visitor_on_the_same_page(client, action):
    response = client.get("/en/aktionen/saatgut/")

    assert switch_links(response) == {"de": "/aktionen/saatgut/", "en": "/en/aktionen/saatgut/"}
    assert alternates(response) == {
        "de": "http://testserver/aktionen/saatgut/",
        "x-default": "http://testserver/aktionen/saatgut/",
        "en": "http://testserver/en/aktionen/saatgut/",
    }
    assert 'aria-current="true">English</a>' in response.content.decode()


def test_the_switch_works_on_pages_outside_the_page_tree(client, home_page):
    response = client.get("/en/konto/login/?next=/en/")

    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert switch_links(response)["de"] == "/konto/login/?next=/en/"


def test_the_browser_language_is_followed_on_the_first_visit_only(client, action):
    first = client.get("/aktionen/saatgut/", headers={"accept-language": "en-GB,en;q=0.8,de;q=0.5"})
    assert first.status_code == 302
    assert first["Location"] == "/en/aktionen/saatgut/"
    assert first.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Accept-Language" in first["Vary"]

    # The visitor now chooses German: the address decides, the browser's language no longer does.
    again = client.get("/aktionen/saatgut/", headers={"accept-language": "en"})
    assert again.status_code == 200
    assert html_lang(again) == "de"


def test_a_first_visit_from_a_german_browser_stays_and_sets_no_cookie(client, action):
    response = client.get("/aktionen/saatgut/", headers={"accept-language": "de-DE,de;q=0.9"})

    assert response.status_code == 200
    assert not response.cookies  # pages for visitors carry no cookie: the page cache serves them to everybody


def test_the_switch_to_german_is_not_undone_by_the_browser_language(client, action):
    english = client.get("/en/aktionen/saatgut/", headers={"accept-language": "en"})
    assert english.status_code == 200 and not english.cookies

    german = client.get(
        switch_links(english)["de"],
        headers={"accept-language": "en", "referer": "http://testserver/en/aktionen/saatgut/"},
    )

    assert german.status_code == 200
    assert html_lang(german) == "de"


def test_a_link_from_another_site_counts_as_a_first_visit(client, action):
    response = client.get(
        "/aktionen/saatgut/",
        headers={"accept-language": "en", "referer": "https://search.example/?q=saatgut"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/aktionen/saatgut/"


def test_a_first_visit_to_an_english_address_is_not_redirected(client, action):
    response = client.get("/en/aktionen/saatgut/", headers={"accept-language": "de"})

    assert response.status_code == 200
    assert html_lang(response) == "en"


@pytest.mark.parametrize("path", ["/api/v3/pages/", "/healthz", "/admin/"])
def test_the_api_and_the_admin_are_never_redirected_by_language(client, action, path):
    response = client.get(path, headers={"accept-language": "en"})

    assert response.status_code != 302 or "/en/" not in response.get("Location", "")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_an_unknown_language_prefix_is_a_404(client, action):
    assert client.get("/fr/aktionen/saatgut/").status_code == 404
    assert client.get("/en/aktionen/gibt-es-nicht/").status_code == 404


@pytest.mark.parametrize("path", ["//evil.example/", "//evil.example/suche/", "/\\evil.example/"])
def test_the_first_visit_hint_never_leads_to_another_host(client, action, path):
    response = client.get(path, headers={"accept-language": "en"})

    location = response.get("Location", "")
    assert not location.startswith("//") and "evil.example" not in location.split("/")[2:3]
    for href in switch_links(response).values() if response.status_code == 200 else []:
        assert not href.startswith("//")


def test_the_first_visit_hint_follows_a_translated_slug(client, action):
    translate(action, title="Seed swap", slug="seed-swap")

    response = client.get("/aktionen/saatgut/?sort=title", headers={"accept-language": "en"})

    assert response.status_code == 302
    assert response["Location"] == "/en/aktionen/seed-swap/?sort=title"
    assert client.get(response["Location"]).status_code == 200


def test_the_switch_keeps_the_query_and_the_subroute_of_a_translated_page(client, event_index):
    english_tree()
    translate(event_index, title="Events", slug="events")

    response = client.get("/veranstaltungen/videothek/?kind=webinar")

    assert response.status_code == 200
    assert switch_links(response)["en"] == "/en/events/videothek/?kind=webinar"
    assert client.get("/en/events/videothek/?kind=webinar").status_code == 200
