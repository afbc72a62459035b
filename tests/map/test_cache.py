"""The map's answers are cached for visitors; changes to what it shows must reach them without clearing it."""

from django.test import Client
from django.urls import reverse

import pytest

from common import public_cache
from regions.models import ApprovalStatus, RegionMembership
from tests.map.factories import make_initiative
from tests.map.helpers import FEATURES, field, names
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client()


def cached_names(visitor, **params):
    """Ask twice: the second answer comes from the cache, so it shows what visitors would get."""
    visitor.get(FEATURES, params)
    response = visitor.get(FEATURES, params)
    assert response["X-Cache"] == "hit"
    return names(response.json())


def test_answers_are_cached(visitor, world):
    assert visitor.get(FEATURES)["X-Cache"] == "miss"
    assert visitor.get(FEATURES)["X-Cache"] == "hit"


def test_initiative_appears_once_approved(visitor, client, world):
    assert "Noch nicht geprüft" not in cached_names(visitor)
    client.force_login(UserFactory(editor=True))

    response = client.post(reverse("regions:approve_initiative", args=[world["pending"].pk]))

    assert response.status_code == 302
    assert "Noch nicht geprüft" in cached_names(visitor)


def test_approved_initiative_changes_and_deletion_show(visitor, world):
    solawi = world["solawi"]
    cached_names(visitor)

    solawi.name = "SoLaWi Jura"
    solawi.save()
    assert "SoLaWi Jura" in cached_names(visitor)

    solawi.fields_of_action.set([field("energie-und-verkehr")])
    assert "SoLaWi Jura" in cached_names(visitor, field="energie-und-verkehr")

    solawi.delete()
    assert "SoLaWi Jura" not in cached_names(visitor)


def test_withdrawn_approval_hides_it_again(visitor, world):
    cached_names(visitor)
    lastenrad = world["lastenrad"]
    lastenrad.approval_status = ApprovalStatus.REJECTED
    lastenrad.save(update_fields=["approval_status"])

    assert "Lastenrad Münsterland" not in cached_names(visitor)


def test_new_pending_initiatives_do_not_empty_the_cache(world):
    version = public_cache.content_version()

    make_initiative(world["neumarkt"], "Eingereicht", 49.2, 11.4, status=ApprovalStatus.PENDING)

    assert public_cache.content_version() == version


def test_member_card_changes_show(visitor, world):
    alex = world["alex"]
    cached_names(visitor)

    alex.display_name = "Alex N."
    alex.save()
    assert "Alex N." in cached_names(visitor)

    alex.show_on_map = False
    alex.save()
    assert "Alex N." not in cached_names(visitor)

    hidden = world["hidden"]
    hidden.show_on_map = True
    hidden.save()
    assert "Nicht auf der Karte" in cached_names(visitor)


def test_member_card_follows_the_profile_form(visitor, client, world):
    hidden = world["hidden"]
    cached_names(visitor)
    client.force_login(hidden)

    response = client.post(
        reverse("members:profile_edit"),
        {"display_name": "Jetzt sichtbar", "show_on_map": "on", "latitude": "49,3", "longitude": "11,4"},
    )

    assert response.status_code == 302
    assert "Jetzt sichtbar" in cached_names(visitor)


def test_member_card_fields_and_verification_show(visitor, world):
    cached_names(visitor, field="sozialer-zusammenhalt")
    world["alex"].fields_of_action.add(field("sozialer-zusammenhalt"))
    assert "Alex aus Neumarkt" in cached_names(visitor, field="sozialer-zusammenhalt")

    unverified = world["unverified"]
    from members.roles import add_to_members

    add_to_members(unverified)
    assert "Unbestätigt" in cached_names(visitor)


def test_joining_a_region_links_the_card(visitor, world):
    def kim_url():
        visitor.get(FEATURES, {"layer": "members"})
        response = visitor.get(FEATURES, {"layer": "members"})
        assert response["X-Cache"] == "hit"
        return next(f for f in response.json()["features"] if f["properties"]["name"] == "Kim")["properties"][
            "url"
        ]

    assert kim_url() is None
    membership = RegionMembership.objects.create(user=world["kim"], region=world["muenster"])
    assert kim_url() == world["muenster"].url
    membership.delete()
    assert kim_url() is None


def test_logging_in_does_not_empty_the_cache(client, world):
    version = public_cache.content_version()

    client.force_login(world["alex"])  # saves last_login only
    world["alex"].save(update_fields=["last_login"])

    assert public_cache.content_version() == version


def test_unpublished_region_disappears(visitor, world):
    cached_names(visitor)

    world["neumarkt"].unpublish()

    result = cached_names(visitor)
    assert "Neumarkt" not in result
    solawi = next(
        f for f in visitor.get(FEATURES).json()["features"] if f["properties"]["name"] == "SoLaWi Jurahöfe"
    )
    assert solawi["properties"]["region_url"] is None
