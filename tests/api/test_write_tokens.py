"""Writing goes through Wagtail's token API and page permissions: a moderator's token stays in their region."""

import json

from django.test import Client

from wagtail.models import APIToken

import pytest

from regions.models import RegionModerator, RegionPage
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(region_index):
    region_a = RegionPageFactory(parent=region_index, title="Region A", slug="region-a")
    region_b = RegionPageFactory(parent=region_index, title="Region B", slug="region-b")
    moderator = UserFactory(verified=True)
    region_a.moderators.add(RegionModerator(user=moderator, role="Moderation"))
    for region in (region_a, region_b):
        region.save_revision().publish()
    return region_a, region_b, moderator


def token_client(user):
    _, plaintext = APIToken.create_token(user=user, name="Redaktionssystem")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")


def patch(client, page, data):
    return client.patch(f"/api/v3/pages/{page.pk}/", data=json.dumps(data), content_type="application/json")


def create(client, data):
    return client.post("/api/v3/pages/", data=json.dumps(data), content_type="application/json")


def rename(region, title, publish=True):
    meta = {"type": "regions.RegionPage"} | ({"action": "publish"} if publish else {})
    return {"meta": meta, "title": title}


def new_event(parent):
    return {
        "meta": {"type": "events.EventPage", "parent_id": parent.pk},
        "title": "Netzwerktreffen",
        "slug": "netzwerktreffen",
        "summary": "Wir lernen uns kennen.",
        "start": "2030-05-04T18:00:00+02:00",
        "end": "2030-05-04T20:00:00+02:00",
    }


def test_a_moderator_token_changes_and_publishes_its_own_region(regions):
    region_a, _, moderator = regions

    response = patch(token_client(moderator), region_a, rename(region_a, "Region A (neu)"))

    assert response.status_code == 200, response.content
    assert RegionPage.objects.get(pk=region_a.pk).title == "Region A (neu)"


def test_a_moderator_token_cannot_change_another_region(regions):
    region_a, region_b, moderator = regions
    client = token_client(moderator)

    for publish in (True, False):
        response = patch(client, region_b, rename(region_b, "Übernommen", publish=publish))
        assert response.status_code == 403, response.content

    region_b.refresh_from_db()
    assert region_b.title == "Region B"
    assert region_b.get_latest_revision().as_object().title == "Region B"


def test_a_moderator_token_adds_events_only_under_its_own_region(regions):
    region_a, region_b, moderator = regions
    client = token_client(moderator)

    refused = create(client, new_event(region_b))
    accepted = create(client, new_event(region_a) | {"regions": [region_a.pk]})

    assert refused.status_code == 403, refused.content
    assert accepted.status_code == 201, accepted.content
    region_a.refresh_from_db()
    region_b.refresh_from_db()
    assert not region_b.get_children().exists()
    event = region_a.get_children().get().specific
    assert (event.title, list(event.regions.all()), event.live) == ("Netzwerktreffen", [region_a], False)


def test_a_moderator_token_cannot_tag_an_event_with_another_region(regions):
    region_a, region_b, moderator = regions
    event = new_event(region_a) | {"regions": [region_b.pk]}

    response = create(token_client(moderator), event)

    assert response.status_code == 422, response.content
    region_a.refresh_from_db()
    assert not region_a.get_children().exists()


def test_without_a_token_nothing_is_written(regions):
    region_a, _, _ = regions

    response = patch(Client(), region_a, rename(region_a, "Anonym"))

    assert response.status_code == 401
    region_a.refresh_from_db()
    assert region_a.title == "Region A"


def test_a_revoked_token_writes_nothing(regions):
    region_a, _, moderator = regions
    token, plaintext = APIToken.create_token(user=moderator, name="alt")
    token.revoke()

    revisions = region_a.revisions.count()

    response = patch(Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}"), region_a, rename(region_a, "X"))

    assert response.status_code == 401
    region_a.refresh_from_db()
    assert region_a.title == "Region A"
    assert region_a.revisions.count() == revisions
    # A valid token of the same moderator writes: the 401 comes from the revocation, not from missing rights.
    fresh = token_client(moderator)
    assert patch(fresh, region_a, rename(region_a, "Region A (neu)")).status_code == 200
