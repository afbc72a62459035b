"""The taxonomy in the visitor's language: fields of action, SDG titles, resources and levels.

German stays at ``/``, English under ``/en/``; the JSON API follows the request's language. Editors keep both
names of a field of action in the admin, and a changed English name shows on the English site at once.
"""

from django.urls import reverse
from django.utils import translation

from wagtail.api.v3.schemas.generators.read import read_generator
from wagtail.models import Page

import pytest

from home.models import SDG, FieldOfAction, Resource
from search import api as search_api
from tests.actions.factories import ActionPageFactory
from tests.helpers import english_tree
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

ENGLISH_FIELDS = ["Energy and Mobility", "Food System", "Finance and Economy", "Social Cohesion"]
GERMAN_FIELDS = [
    "Energie und Verkehr",
    "Ernährungssystem",
    "Finanzen und Wirtschaft",
    "Sozialer Zusammenhalt",
]


def english(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="en").specific


@pytest.fixture
def action(action_index, region):
    action = ActionPageFactory(
        parent=action_index,
        title="Repair-Café gründen",
        effort="low",
        impact="medium",
        taxonomy__fields=list(FieldOfAction.objects.filter(slug="ernaehrungssystem")),
        taxonomy__sdgs=list(SDG.objects.filter(number__in=[2, 12])),
        taxonomy__resources=list(Resource.objects.filter(slug__in=["space", "expertise"])),
    )
    action.regions.set([region])
    action.save_revision().publish()
    english_tree()
    return action


def test_the_original_fields_of_action_and_resources_have_english_names():
    assert list(FieldOfAction.objects.values_list("name_en", flat=True)) == ENGLISH_FIELDS
    assert list(Resource.objects.values_list("name_en", flat=True)) == [
        "Time",
        "Money",
        "Space",
        "Materials",
        "Expertise",
        "Partners",
    ]
    assert all(FieldOfAction.objects.values_list("description_en", flat=True))


def test_labels_follow_the_active_language_and_fall_back_to_german():
    field = FieldOfAction.objects.create(name="Bildung", slug="bildung", colour="#123456")
    food = FieldOfAction.objects.get(slug="ernaehrungssystem")
    with translation.override("en"):
        assert (food.label, str(food), str(field)) == ("Food System", "Food System", "Bildung")
        assert str(Resource.objects.get(slug="expertise")) == "Expertise"
        assert str(SDG.objects.get(number=2)) == "2. Zero Hunger"
        assert food.localized_description.startswith("Regional food")
    with translation.override("de"):
        assert (food.label, str(food)) == ("Ernährungssystem", "Ernährungssystem")
        assert str(Resource.objects.get(slug="expertise")) == "Fachwissen"
        assert food.localized_description.startswith("Regionale Lebensmittel")


def test_the_english_action_page_shows_the_taxonomy_in_english(client, action):
    html = client.get(english(action).url).content.decode()

    assert english(action).url.startswith("/en/")
    for text in (
        "Food System",
        "Zero Hunger",
        "Responsible Consumption and Production",
        "Space",
        "Expertise",
    ):
        assert text in html, text
    for text in ("Ernährungssystem", "Kein Hunger", "Fachwissen"):
        assert text not in html, text
    assert '<dd class="level level--low">low</dd>' in html
    assert '<dd class="level level--medium">medium</dd>' in html


def test_the_german_action_page_is_unchanged(client, action):
    html = client.get(action.url).content.decode()

    for text in ("Ernährungssystem", "Kein Hunger", "Raum", "Fachwissen", "gering", "mittel"):
        assert text in html, text
    for text in ("Food System", "Zero Hunger", "Expertise"):
        assert text not in html, text


def test_the_english_action_pool_labels_its_facets_and_chips_in_english(client, action, action_index):
    html = client.get(english(action_index).url).content.decode()

    for text in [*ENGLISH_FIELDS, "2. Zero Hunger", "13. Climate Action", "Materials", "Partners", "high"]:
        assert text in html, text
    for text in [*GERMAN_FIELDS, "Kein Hunger", "Fachwissen", "hoch"]:
        assert text not in html, text

    german = client.get(action_index.url).content.decode()
    for text in [*GERMAN_FIELDS, "2. Kein Hunger", "Fachwissen", "hoch"]:
        assert text in german, text


def test_the_search_api_labels_follow_the_active_language(rf, action):
    # Our routers answer in the language they activate (``locale=en``); Django's LocaleMiddleware gives every
    # unprefixed path such as /api/ the default language, German.
    with translation.override("en"):
        english_answer = search_api.search(rf.get("/api/v3/actions/search"), None)
    german_answer = search_api.search(rf.get("/api/v3/actions/search"), None)

    result = english_answer["results"][0]
    assert [field["label"] for field in result["fields"]] == ["Food System"]
    assert [sdg["label"] for sdg in result["sdgs"]] == [
        "Zero Hunger",
        "Responsible Consumption and Production",
    ]
    facets = {facet.key: facet for facet in english_answer["facets"]}
    assert [option.label for option in facets["field"].options] == ENGLISH_FIELDS
    assert "Expertise" in [option.label for option in facets["resource"].options]
    assert [option.label for option in facets["effort"].options] == ["low", "medium", "high"]
    assert [field["label"] for field in german_answer["results"][0]["fields"]] == ["Ernährungssystem"]


def test_the_page_api_gives_both_names_and_the_name_in_the_active_language(client, action):
    data = client.get(f"/api/v3/pages/{action.pk}/").json()

    (field,) = data["fields_of_action"]
    assert (field["name"], field["name_de"], field["name_en"]) == (
        "Ernährungssystem",
        "Ernährungssystem",
        "Food System",
    )
    assert field["description"].startswith("Regionale Lebensmittel")
    assert [(item["name"], item["name_de"], item["name_en"]) for item in data["resources"]] == [
        ("Raum", "Raum", "Space"),
        ("Fachwissen", "Fachwissen", "Expertise"),
    ]
    assert [(sdg["title"], sdg["title_en"]) for sdg in data["sdgs"]] == [
        ("Kein Hunger", "Zero Hunger"),
        ("Nachhaltige/r Konsum und Produktion", "Responsible Consumption and Production"),
    ]

    # The same schema with English active, as a router that activates ``locale=en`` serializes it.
    schema = read_generator.get_reverse_related_schema(FieldOfAction)
    with translation.override("en"):
        english_field = schema.from_orm(action.fields_of_action.get()).model_dump()
    assert (english_field["name"], english_field["name_de"]) == ("Food System", "Ernährungssystem")
    assert english_field["description"].startswith("Regional food")


def test_the_openapi_schema_describes_both_names(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]

    for name in ("slug", "name", "name_de", "name_en", "colour", "description"):
        assert name in schemas["FieldOfActionSchema"]["properties"], name
    for name in ("slug", "name", "name_de", "name_en"):
        assert name in schemas["ResourceSchema"]["properties"], name
    assert schemas["FieldOfActionSchema"]["properties"]["name"]["anyOf"][0]["type"] == "string"


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_the_snippet_edit_form_shows_both_names(editor_client):
    field = FieldOfAction.objects.get(slug="ernaehrungssystem")
    url = reverse("wagtailsnippets_home_fieldofaction:edit", args=[field.pk])

    with translation.override("de"):
        german = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'name="name"' in german
    assert 'name="name_en"' in german
    assert 'value="Food System"' in german
    assert "Name (deutsch)" in german
    assert "Name (englisch)" in german


def test_an_editor_renames_a_field_in_english_and_the_english_site_shows_it(editor_client, action, client):
    field = FieldOfAction.objects.get(slug="ernaehrungssystem")
    english_url = english(action).url
    client.logout()
    assert "Food System" in client.get(english_url).content.decode()  # now in the page cache

    editor_client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = editor_client.post(
        reverse("wagtailsnippets_home_fieldofaction:edit", args=[field.pk]),
        {
            "name": field.name,
            "name_en": "Food Systems",
            "slug": field.slug,
            "colour": field.colour,
            "description": field.description,
            "description_en": field.description_en,
            "order": field.order,
        },
    )
    assert response.status_code == 302
    editor_client.logout()

    assert "Food Systems" in client.get(english_url).content.decode()
    assert "Ernährungssystem" in client.get(action.url).content.decode()
    pool = client.get(english(action).get_parent().url).content.decode()
    assert "Food Systems" in pool


def test_region_pages_and_the_map_filters_name_the_fields_in_english(client, region, region_index):
    region.fields_of_action.set(FieldOfAction.objects.filter(slug="sozialer-zusammenhalt"))
    region.save_revision().publish()
    english_tree()

    region_html = client.get(english(region).url).content.decode()
    map_html = client.get(english(region_index).url).content.decode()

    assert "Social Cohesion" in region_html
    assert "Sozialer Zusammenhalt" not in region_html
    for name in ENGLISH_FIELDS:
        assert f'<span class="facet__label">{name}</span>' in map_html, name
    assert "Sozialer Zusammenhalt" in client.get(region_index.url).content.decode()


def test_member_forms_and_profile_offer_the_fields_in_english(client, member):
    member.fields_of_action.set(FieldOfAction.objects.filter(slug="energie-und-verkehr"))
    client.force_login(member)
    with translation.override("en"):
        edit, profile, submit = (
            reverse("members:profile_edit"),
            reverse("members:profile"),
            reverse("regions:submit_initiative"),
        )

    assert edit.startswith("/en/")
    edit_html = client.get(edit).content.decode()
    submit_html = client.get(submit).content.decode()
    for html in (edit_html, submit_html):
        for name in ENGLISH_FIELDS:
            assert name in html, name
        assert "Ernährungssystem" not in html
    profile_html = client.get(profile).content.decode()
    assert "Energy and Mobility" in profile_html
    assert "Energie und Verkehr" not in profile_html
