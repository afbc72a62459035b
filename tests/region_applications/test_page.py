"""Where the page may live, how it shows its deadline, and what it refuses after the deadline."""

import datetime as dt

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import ContentPage, HomePage
from region_applications.models import RegionApplicationPage
from regions.models import RegionIndexPage, RegionPage
from tests.region_applications.factories import DEFAULT_FIELDS, RegionApplicationPageFactory, add_fields
from tests.region_applications.helpers import valid_data


class PageTreeRulesTests(WagtailPageTestCase):
    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(RegionApplicationPage, {HomePage, RegionIndexPage})

    def test_has_no_children(self):
        self.assertAllowedSubpageTypes(RegionApplicationPage, {})

    def test_can_be_created_below_the_home_page(self):
        self.assertCanCreateAt(HomePage, RegionApplicationPage)

    def test_can_be_created_below_the_region_index(self):
        self.assertCanCreateAt(RegionIndexPage, RegionApplicationPage)

    def test_cannot_be_created_elsewhere(self):
        for parent in (Page, ContentPage, RegionPage, RegionApplicationPage):
            with self.subTest(parent=parent.__name__):
                self.assertCanNotCreateAt(parent, RegionApplicationPage)


def test_page_renders_below_the_region_index(client, region_index):
    page = add_fields(RegionApplicationPageFactory(parent=region_index, slug="region-starten"))

    response = client.get(page.url)

    assert response.status_code == 200
    assert 'name="e_mail"' in response.content.decode()


def test_open_page_shows_the_form_and_the_deadline_in_german_time(client, home_page):
    # 21:59 UTC is 23:59 in Berlin (summer time).
    deadline = dt.datetime(2099, 3, 31, 21, 59, tzinfo=dt.UTC)
    page = add_fields(RegionApplicationPageFactory(parent=home_page, slug="bewerben", deadline=deadline))

    html = client.get(page.url).content.decode()

    assert "Bewerbungen bis" in html
    assert "31. März 2099, 23:59 Uhr" in html
    assert 'datetime="2099-03-31T23:59:00+02:00"' in html
    assert 'name="e_mail"' in html
    assert "Die Bewerbungsfrist ist abgelaufen" not in html


def test_without_a_deadline_the_page_is_open(client, home_page):
    page = add_fields(RegionApplicationPageFactory(parent=home_page, slug="bewerben", deadline=None))

    html = client.get(page.url).content.decode()
    assert "Bewerbungen bis" not in html
    assert 'name="e_mail"' in html

    response = client.post(page.url, valid_data())
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_after_the_deadline_get_shows_the_closed_message_and_no_form(client, closed_page):
    response = client.get(closed_page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Die Bewerbungsfrist ist abgelaufen" in html
    assert "Bewerbungsschluss war am" in html
    assert "Die Bewerbungsphase ist beendet" in html  # the default closed text
    assert 'name="e_mail"' not in html
    assert "Bewerbung absenden" not in html
    assert "Bewerbungen bis" not in html


def test_after_the_deadline_post_is_refused_with_410_and_stores_nothing(client, closed_page):
    response = client.post(closed_page.url, valid_data(warum_jetzt="<b>Spät</b> dran"))

    assert response.status_code == 410
    html = response.content.decode()
    assert "Die Bewerbungsfrist ist abgelaufen" in html
    assert "Deine Bewerbung kam zu spät und wurde nicht gespeichert." in html
    # What they typed is shown back, as text, so it is not lost.
    assert "&lt;b&gt;Spät&lt;/b&gt; dran" in html
    assert "<b>Spät</b>" not in html
    assert 'name="e_mail"' not in html
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_the_deadline_is_a_moment_not_a_day_and_includes_its_minute(home_page):
    deadline = dt.datetime(2030, 8, 31, 23, 59, tzinfo=dt.UTC)
    page = RegionApplicationPageFactory(parent=home_page, slug="bewerben", deadline=deadline)

    assert page.is_open(now=deadline - dt.timedelta(hours=1))
    assert page.is_open(now=deadline + dt.timedelta(seconds=59))  # "bis 23:59 Uhr"
    assert not page.is_open(now=deadline + dt.timedelta(minutes=1))


def count_queries(client, url):
    client.get(url)  # warm the caches (site, settings, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_fields(client, home_page):
    small = add_fields(RegionApplicationPageFactory(parent=home_page, slug="klein"), DEFAULT_FIELDS)
    many = [(f"Frage {number}", "multiline", False) for number in range(30)]
    large = add_fields(RegionApplicationPageFactory(parent=home_page, slug="gross"), DEFAULT_FIELDS + many)

    assert count_queries(client, large.url) == count_queries(client, small.url) <= 15


def test_api_shows_only_the_public_fields(client, application_page):
    response = client.get(f"/api/v3/pages/{application_page.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "region_applications.RegionApplicationPage"
    assert "intro" in data and "deadline" in data
    for private in ("to_address", "from_address", "subject", "confirmation_text", "form_fields"):
        assert private not in data
