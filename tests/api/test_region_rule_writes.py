"""The region of events and news through the API: in the write schemas, and held to the region rule.

Events and news take their regions as ``regions`` (a list of page ids). A moderator's token may only name their own regions,
on create and on update; an editor's token any region. Bad values are a 4xx, never a 500.
"""

import datetime as dt

from django.test import Client

import pytest

from hub_events.models import EventPage
from news.models import NewsPage
from tests.api import test_write_tokens
from tests.api.test_write_tokens import create, new_event, patch, token_client
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

# Region A with its moderator, and region B (the fixture of the token tests).
regions = test_write_tokens.regions

WRITE_SCHEMAS = {
    "EventPageCreateSchema": "regions",
    "EventPagePatchSchema": "regions",
    "NewsPageCreateSchema": "regions",
    "NewsPagePatchSchema": "regions",
}
BAD_IDS = {
    "unknown": 999_999,
    "zero": 0,
    "negative": -1,
    "past 32 bits": 2**31,
    "past 64 bits": 2**64,
    "huge": 10**30,
    "string": "Region B",
    "fraction": 1.5,
    "object": {"id": 1},
}


def new_news(parent, **fields):
    return {
        "meta": {"type": "news.NewsPage", "parent_id": parent.pk},
        "title": "Neues aus der Region",
        "slug": "neues",
        "date": "2030-05-04",
        "intro": "Was los war.",
    } | fields


def assert_refused(response, *fields):
    """A 4xx with a problem body whose errors name one of ``fields`` (the schema's or the form's name)."""
    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/problem+json"), response["Content-Type"]
    body = response.json()
    assert body["status"] == response.status_code
    locations = [error["loc"] for error in body.get("errors", [])]
    assert any(field in loc for loc in locations for field in fields), body


def region_ids(page):
    """The saved regions of a news item or event."""
    return sorted(type(page).objects.get(pk=page.pk).regions.values_list("pk", flat=True))


@pytest.fixture
def editor():
    return UserFactory(editor=True)


@pytest.fixture
def own_event(regions):
    region_a, _, _ = regions
    event = EventPage(
        title="Stammtisch",
        slug="stammtisch",
        summary="Einmal im Monat.",
        start=dt.datetime(2030, 6, 1, 18, tzinfo=dt.UTC),
        end=dt.datetime(2030, 6, 1, 20, tzinfo=dt.UTC),
        regions=[region_a],
    )
    region_a.add_child(instance=event)
    return event


@pytest.fixture
def own_news(regions):
    region_a, _, _ = regions
    news = NewsPage(title="Rückblick", slug="rueckblick", date=dt.date(2030, 1, 1), intro="Schön war's.")
    region_a.add_child(instance=news)
    news.regions.set([region_a])
    news.save()
    return news


# --- The schemas -------------------------------------------------------------------------------------


def test_the_openapi_schema_lists_the_region_fields_in_the_write_bodies(regions):
    components = Client().get("/api/v3/openapi.json").json()["components"]["schemas"]

    for schema_name, field in WRITE_SCHEMAS.items():
        schema = components[schema_name]
        assert field in schema["properties"], (schema_name, sorted(schema["properties"]))
        assert field not in schema.get("required", []), schema_name

    regions_field = components["NewsPageCreateSchema"]["properties"]["regions"]
    assert regions_field["type"] == "array"
    assert regions_field["items"]["type"] == "integer"
    assert regions_field["items"]["minimum"] == 1
    event_regions = components["EventPageCreateSchema"]["properties"]["regions"]
    assert event_regions["items"]["type"] == "integer"
    assert event_regions["items"]["minimum"] == 1


def test_wagtails_schema_endpoint_lists_regions_for_news(regions):
    region_a, _, moderator = regions

    schemas = token_client(moderator).get("/api/v3/schema/news.NewsPage/")

    assert schemas.status_code == 200, schemas.content
    for direction in ("create", "patch"):
        assert "regions" in schemas.json()[direction]["properties"]


# --- Create ------------------------------------------------------------------------------------------


def test_a_moderator_token_creates_news_for_its_own_region(regions):
    region_a, _, moderator = regions

    response = create(token_client(moderator), new_news(region_a, regions=[region_a.pk]))

    assert response.status_code == 201, response.content
    news = NewsPage.objects.get(slug="neues")
    assert region_ids(news) == [region_a.pk]
    assert [region["id"] for region in response.json()["regions"]] == [region_a.pk]


def test_news_without_regions_can_still_be_created(regions):
    region_a, _, moderator = regions

    response = create(token_client(moderator), new_news(region_a))

    assert response.status_code == 201, response.content
    assert region_ids(NewsPage.objects.get(slug="neues")) == []


@pytest.mark.parametrize("publish", [False, True])
def test_a_moderator_token_cannot_create_news_for_another_region(regions, publish):
    region_a, region_b, moderator = regions
    news = new_news(region_a, regions=[region_a.pk, region_b.pk])
    if publish:
        news["meta"]["action"] = "publish"

    response = create(token_client(moderator), news)

    assert_refused(response, "regions")
    assert not NewsPage.objects.exists()


def test_a_moderator_token_cannot_create_an_event_for_another_region(regions):
    region_a, region_b, moderator = regions

    response = create(token_client(moderator), new_event(region_a) | {"regions": [region_b.pk]})

    assert_refused(response, "regions")
    assert not EventPage.objects.exists()


def test_an_editor_token_sets_any_region(regions, editor, event_index, news_index):
    region_a, region_b, _ = regions
    client = token_client(editor)

    event = create(client, new_event(event_index) | {"regions": [region_b.pk]})
    news = create(client, new_news(news_index, regions=[region_a.pk, region_b.pk]))

    assert event.status_code == 201, event.content
    assert news.status_code == 201, news.content
    assert region_ids(EventPage.objects.get(slug="netzwerktreffen")) == [region_b.pk]
    assert region_ids(NewsPage.objects.get(slug="neues")) == sorted([region_a.pk, region_b.pk])


# --- Update ------------------------------------------------------------------------------------------


def test_a_moderator_token_cannot_move_an_event_to_another_region(regions, own_event):
    region_a, region_b, moderator = regions
    client = token_client(moderator)

    response = patch(client, own_event, {"meta": {"type": "events.EventPage"}, "regions": [region_b.pk]})

    assert_refused(response, "regions")
    own_event.refresh_from_db()
    assert region_ids(own_event) == [region_a.pk]
    assert [region.pk for region in own_event.get_latest_revision_as_object().regions.all()] == [region_a.pk]


def test_a_moderator_token_cannot_retag_news_with_another_region(regions, own_news):
    region_a, region_b, moderator = regions
    client = token_client(moderator)
    change = {"meta": {"type": "news.NewsPage", "action": "publish"}, "regions": [region_b.pk]}

    response = patch(client, own_news, change)

    assert_refused(response, "regions")
    assert region_ids(own_news) == [region_a.pk]
    assert list(own_news.get_latest_revision_as_object().regions.values_list("pk", flat=True)) == [
        region_a.pk
    ]


def test_a_moderator_token_changes_its_own_news_regions(regions, own_news, region_index):
    region_a, _, moderator = regions
    client = token_client(moderator)

    cleared = patch(client, own_news, {"meta": {"type": "news.NewsPage", "action": "publish"}, "regions": []})
    untouched = patch(client, own_news, {"meta": {"type": "news.NewsPage"}, "title": "Rückblick 2030"})

    assert cleared.status_code == 200, cleared.content
    assert untouched.status_code == 200, untouched.content
    assert region_ids(own_news) == []
    restored = patch(
        client, own_news, {"meta": {"type": "news.NewsPage", "action": "publish"}, "regions": [region_a.pk]}
    )
    assert restored.status_code == 200, restored.content
    assert region_ids(own_news) == [region_a.pk]


def test_an_editor_token_retags_news_with_any_region(regions, editor, own_news):
    _, region_b, _ = regions
    change = {"meta": {"type": "news.NewsPage", "action": "publish"}, "regions": [region_b.pk]}

    response = patch(token_client(editor), own_news, change)

    assert response.status_code == 200, response.content
    assert region_ids(own_news) == [region_b.pk]


# --- Bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", BAD_IDS.values(), ids=BAD_IDS.keys())
def test_bad_region_ids_for_an_event_are_a_4xx(regions, editor, event_index, value):
    response = create(token_client(editor), new_event(event_index) | {"regions": [value]})

    assert_refused(response, "regions")
    assert not EventPage.objects.exists()


@pytest.mark.parametrize("value", BAD_IDS.values(), ids=BAD_IDS.keys())
def test_bad_region_ids_for_news_are_a_4xx(regions, editor, news_index, value):
    response = create(token_client(editor), new_news(news_index, regions=[value]))

    assert_refused(response, "regions")
    assert not NewsPage.objects.exists()


@pytest.mark.parametrize("value", ["Region B", 5, {"id": 5}, None, list(range(1, 500))])
def test_bad_region_lists_for_news_are_a_4xx(regions, editor, news_index, value):
    response = create(token_client(editor), new_news(news_index, regions=value))

    assert_refused(response, "regions")
    assert not NewsPage.objects.exists()


@pytest.mark.parametrize("value", [2**64, "x"])
def test_bad_region_ids_on_update_are_a_4xx(regions, own_event, own_news, value):
    _, _, moderator = regions
    client = token_client(moderator)

    event = patch(client, own_event, {"meta": {"type": "events.EventPage"}, "regions": [value]})
    news = patch(client, own_news, {"meta": {"type": "news.NewsPage"}, "regions": [value]})

    assert_refused(event, "regions")
    assert_refused(news, "regions")
