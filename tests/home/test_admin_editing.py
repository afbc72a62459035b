"""Editors can open the admin form of every page type and create pages through it."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from actions.models import ActionPage
from home.models import SDG, ContentPage, FieldOfAction, Resource
from hub_events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from regions.models import Initiative, RegionPage
from tests.actions.factories import ActionIndexPageFactory
from tests.home.factories import HomePageFactory
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionIndexPageFactory


@pytest.fixture
def editor(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("parent_fixture", "model"),
    [
        ("home_page", ContentPage),
        ("home_page", EventIndexPage),
        ("home_page", NewsIndexPage),
        ("region_index", RegionPage),
        ("action_index", ActionPage),
        ("event_index", EventPage),
        ("news_index", NewsPage),
        ("region", EventPage),
        ("region", NewsPage),
    ],
)
def test_add_form_opens_for_every_page_type(client, editor, request, parent_fixture, model):
    parent = request.getfixturevalue(parent_fixture)
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])

    response = client.get(url)

    assert response.status_code == 200
    has_location = model in (RegionPage, EventPage)
    assert ("leaflet-field" in response.content.decode()) == has_location


def test_edit_form_opens_for_a_region(client, editor, region):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[region.pk]))

    assert response.status_code == 200
    assert "Team der Regionalmoderator:innen" in response.content.decode()


def test_initiative_snippet_form_opens(client, editor, region):
    initiative = InitiativeFactory(region=region)
    url = reverse("wagtailsnippets_regions_initiative:edit", args=[initiative.pk])

    assert client.get(url).status_code == 200


@pytest.mark.django_db
class TestCreatingThroughTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(UserFactory(is_superuser=True, is_staff=True))
        root = HomePageFactory(parent=Page.get_first_root_node())
        self.pool = ActionIndexPageFactory(parent=root)
        self.regions = RegionIndexPageFactory(parent=root)

    def test_an_action_with_its_taxonomy_and_steps(self):
        field = FieldOfAction.objects.get(slug="ernaehrungssystem")
        data = nested_form_data(
            {
                "title": "Saatgut-Tauschbörse",
                "summary": "Samen tauschen und Vielfalt erhalten.",
                "effort": "low",
                "impact": "medium",
                "body": streamfield([("paragraph", rich_text("<p>Im Frühjahr, wenn alle säen.</p>"))]),
                "materials": inline_formset([]),
            }
        )
        # Multiple choices are plain repeated values, outside the nested formset notation.
        data["fields_of_action"] = [field.pk]
        data["sdgs"] = [SDG.objects.get(number=15).pk]
        data["resources"] = [Resource.objects.get(slug="space").pk]
        self.assertCanCreate(self.pool, ActionPage, data)
        # The German page; wagtail-localize gives it an English alias with the same slug.
        action = ActionPage.objects.get(slug="saatgut-tauschborse", locale__language_code="de")
        assert list(action.fields_of_action.all()) == [field]

    def test_a_region_with_its_location(self):
        self.assertCanCreate(
            self.regions,
            RegionPage,
            nested_form_data(
                {
                    "title": "Lausitz",
                    "area_description": "Landkreise Spree-Neiße und Oberspreewald-Lausitz",
                    "status": "forming",
                    "address": "Cottbus",
                    "location": "SRID=4326;POINT(14.3343 51.7563)",
                    "body": streamfield([]),
                    "moderators": inline_formset([]),
                }
            ),
        )
        region = RegionPage.objects.get(slug="lausitz", locale__language_code="de")
        assert region.coordinates == {"lat": 51.7563, "lng": 14.3343}
        assert Initiative.objects.count() == 0
