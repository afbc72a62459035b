"""A position that is not a valid WGS 84 point is refused by the API's write endpoints, and nothing changes."""

import json

from django.test import Client

from wagtail.models import APIToken

import pytest

from hub_events.models import EventPage
from regions.models import RegionModerator
from tests.events.factories import EventPageFactory
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory

pytestmark = pytest.mark.django_db

GOOD = "SRID=4326;POINT(11.4597 49.2804)"
BAD = ["SRID=4326;POINT(200 95)", "SRID=4326;POINT(1.2.3 4)", "Nürnberg"]


@pytest.fixture
def setup(region_index):
    region = RegionPageFactory(parent=region_index, title="Region A", slug="region-a")
    moderator = UserFactory(verified=True)
    region.moderators.add(RegionModerator(user=moderator, role="Moderation"))
    region.save_revision().publish()
    event = EventPageFactory(parent=region, regions=[region], location=GOOD)
    event.save_revision().publish()
    _, plaintext = APIToken.create_token(user=moderator, name="Redaktionssystem")
    return region, event, Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")


def send(client, method, url, data):
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def assert_refused(response):
    assert 400 <= response.status_code < 500, response.content
    assert "Keine gültige Position" in response.content.decode()
    assert "location" in response.content.decode()


@pytest.mark.parametrize("location", BAD)
def test_a_patch_with_a_bad_location_is_refused_and_changes_nothing(setup, location):
    _region, event, client = setup
    revisions = event.revisions.count()

    response = send(
        client,
        "patch",
        f"/api/v3/pages/{event.pk}/",
        {"meta": {"type": "events.EventPage", "action": "publish"}, "location": location},
    )

    assert_refused(response)
    event.refresh_from_db()
    assert event.location == GOOD
    assert event.revisions.count() == revisions


@pytest.mark.parametrize("location", BAD)
def test_a_new_event_with_a_bad_location_is_refused(setup, location):
    region, _event, client = setup
    events = EventPage.objects.count()

    response = send(
        client,
        "post",
        "/api/v3/pages/",
        {
            "meta": {"type": "events.EventPage", "parent_id": region.pk},
            "title": "Netzwerktreffen",
            "slug": "netzwerktreffen",
            "summary": "Wir lernen uns kennen.",
            "start": "2030-05-04T18:00:00+02:00",
            "end": "2030-05-04T20:00:00+02:00",
            "region_id": region.pk,
            "location": location,
        },
    )

    assert_refused(response)
    assert EventPage.objects.count() == events


def test_a_patch_with_a_good_location_is_written(setup):
    _region, event, client = setup

    response = send(
        client,
        "patch",
        f"/api/v3/pages/{event.pk}/",
        {"meta": {"type": "events.EventPage", "action": "publish"}, "location": "SRID=4326;POINT(7.4 51.5)"},
    )

    assert response.status_code == 200, response.content
    event.refresh_from_db()
    assert event.coordinates == {"lat": 51.5, "lng": 7.4}
