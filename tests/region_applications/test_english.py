"""The "start a region" page under /en/: our interface in English, the editors' field labels as they wrote
them (content, translated in the admin), the deadline in English."""

import datetime as dt

from wagtail.contrib.forms.models import FormSubmission

import pytest

from region_applications.models import RegionApplicationPage
from tests.helpers import english_tree
from tests.region_applications.factories import RegionApplicationPageFactory, add_fields
from tests.region_applications.helpers import valid_data

pytestmark = pytest.mark.django_db

GERMAN_INTERFACE = ("Bewerbungen bis", "Deine Bewerbung", "Bewerbung absenden", "Uhr")


@pytest.fixture
def english_page(home_page):
    deadline = dt.datetime(2099, 3, 31, 21, 59, tzinfo=dt.UTC)
    page = add_fields(RegionApplicationPageFactory(parent=home_page, slug="bewerben", deadline=deadline))
    english_tree()
    return RegionApplicationPage.objects.get(translation_key=page.translation_key, locale__language_code="en")


def test_application_page_renders_in_english(client, english_page):
    assert english_page.url == "/en/bewerben/"

    response = client.get(english_page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "Applications until" in html
    assert "31 March 2099, 23:59" in html
    assert "Your application" in html
    assert "Send application" in html
    assert 'name="e_mail"' in html
    assert 'action="/en/bewerben/"' in html
    for german in GERMAN_INTERFACE:
        assert german not in html


def test_application_sent_from_the_english_page_is_thanked_in_english(client, english_page):
    response = client.post(english_page.url, valid_data())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Your application has arrived" in html
    assert 'href="/en/">Go to the home page' in html
    assert FormSubmission.objects.count() == 1


def test_german_page_still_links_home_to_the_german_home_page(client, english_page):
    german = RegionApplicationPage.objects.get(
        translation_key=english_page.translation_key, locale__language_code="de"
    )

    html = client.post(german.url, valid_data()).content.decode()

    assert 'href="/">Zur Startseite' in html
