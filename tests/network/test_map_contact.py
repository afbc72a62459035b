""" "Kontakt aufnehmen" in the map's popups: the GeoJSON carries a ``contact_url`` for the members and initiatives
who take messages, and for nobody else; a change of mind reaches the cached answers at once; no address leaks."""

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from network.models import Card, RecipientKind
from network.recipients import find
from regions.models import ApprovalStatus
from tests.map.factories import make_card, make_initiative, make_region
from tests.map.helpers import FEATURES
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

CARD = reverse("network:card")


def contact_url(kind, pk, prefix=""):
    return f"{prefix}/netzwerk/kontakt/{kind}/{pk}/"


@pytest.fixture
def place(region_index):
    region = make_region(region_index, "Neumarkt", 49.2803, 11.4625)
    owner = UserFactory(verified=True, email="owner@example.org", display_name="Olga Owner")
    silent_owner = UserFactory(verified=True, email="silent@example.org")
    Card.objects.create(user=silent_owner, contact_allowed=False)
    return {
        "region": region,
        "owner": owner,
        "open": make_initiative(region, "Offene Werkstatt", 49.25, 11.40, submitted_by=owner),
        "silent": make_initiative(region, "Stille Werkstatt", 49.26, 11.41, submitted_by=silent_owner),
        "orphan": make_initiative(region, "Ohne Einreicher:in", 49.27, 11.42, submitted_by=None),
        "pending": make_initiative(
            region, "Ungeprüft", 49.28, 11.43, submitted_by=owner, status=ApprovalStatus.PENDING
        ),
        "alex": make_card("Alex", 49.28, 11.46, email="alex@example.org", region=region),
        "bo": make_card("Bo", 49.29, 11.47, email="bo@example.org"),
        "unverified": make_card("Unbestätigt", 49.30, 11.48, verified=False, email="un@example.org"),
    }


def properties(client, **params):
    response = client.get(FEATURES, params)
    assert response.status_code == 200
    return {f["properties"]["name"]: f["properties"] for f in response.json()["features"]}


def cached_properties(visitor, **params):
    """Ask twice: the second answer comes from the cache, as visitors get it."""
    visitor.get(FEATURES, params)
    response = visitor.get(FEATURES, params)
    assert response["X-Cache"] == "hit"
    return {f["properties"]["name"]: f["properties"] for f in response.json()["features"]}


def test_only_who_takes_messages_gets_a_contact_link(client, place):
    Card.objects.create(user=place["bo"], contact_allowed=False)

    shown = properties(client)

    assert shown["Offene Werkstatt"]["contact_url"] == contact_url("initiative", place["open"].pk)
    assert shown["Alex"]["contact_url"] == contact_url("member", place["alex"].pk)
    for name in ("Stille Werkstatt", "Ohne Einreicher:in", "Bo", "Neumarkt"):
        assert "contact_url" not in shown[name], name
    assert "Ungeprüft" not in shown and "Unbestätigt" not in shown


def test_a_link_exactly_where_the_contact_form_opens(client, place):
    Card.objects.create(user=place["alex"], listed=True, contact_allowed=True)
    Card.objects.create(user=place["bo"], listed=True, contact_allowed=False)
    features = client.get(FEATURES).json()["features"]

    kinds = {"members": RecipientKind.MEMBER, "initiatives": RecipientKind.INITIATIVE}
    checked = 0
    for feature in features:
        props = feature["properties"]
        if props["layer"] in kinds:
            pk = int(props["id"].rsplit("-", 1)[1])
            assert ("contact_url" in props) == (find(kinds[props["layer"]], pk) is not None), props["name"]
            checked += 1
    assert checked == 5


def test_no_address_anywhere_in_the_answer(client, place):
    body = client.get(FEATURES).content.decode()

    assert "contact_url" in body
    assert "@" not in body
    for address in ("owner@example.org", "silent@example.org", "alex@example.org", "team@neumarkt.example"):
        assert address not in body


def test_opting_out_removes_the_links_at_once_and_opting_in_brings_them_back(place):
    visitor, owner = Client(), Client()
    before = cached_properties(visitor)
    assert "contact_url" in before["Offene Werkstatt"]
    owner.force_login(place["owner"])

    response = owner.post(CARD, {"place": "", "offer": "", "looking_for": "", "about": ""})  # boxes unticked

    assert response.status_code == 302
    assert "contact_url" not in cached_properties(visitor)["Offene Werkstatt"]
    owner.post(CARD, {"contact_allowed": "on"})
    assert "contact_url" in cached_properties(visitor)["Offene Werkstatt"]


def test_a_member_who_switches_contact_off_loses_the_link_on_their_card(place):
    visitor, alex = Client(), Client()
    assert "contact_url" in cached_properties(visitor)["Alex"]
    alex.force_login(place["alex"])

    alex.post(CARD, {"listed": "on"})  # contact_allowed unticked

    assert "contact_url" not in cached_properties(visitor)["Alex"]


def test_the_links_go_with_the_owner(place):
    visitor = Client()
    assert "contact_url" in cached_properties(visitor)["Offene Werkstatt"]

    owner = place["owner"]
    owner.is_active = False
    owner.save()
    assert "contact_url" not in cached_properties(visitor)["Offene Werkstatt"]

    owner.is_active = True
    owner.save()
    owner.delete()
    assert "contact_url" not in cached_properties(visitor)["Offene Werkstatt"]
    assert not mail.outbox


def test_english_answers_link_the_english_form(client, place):
    shown = properties(client, locale="en")

    assert shown["Alex"]["contact_url"] == contact_url("member", place["alex"].pk, prefix="/en")


def test_visitors_following_the_link_are_asked_to_log_in(client, place):
    link = properties(client)["Offene Werkstatt"]["contact_url"]

    response = client.get(link)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_query_count_does_not_grow_with_contactable_entries(client, place, django_assert_max_num_queries):
    def fill(count):
        for number in range(count):
            owner = UserFactory(verified=True)
            Card.objects.create(user=owner, contact_allowed=number % 2 == 0)
            make_initiative(
                place["region"], f"Initiative {count}-{number}", 49 + number / 100, 11, submitted_by=owner
            )
            make_card(f"Mitglied {count}-{number}", 48 + number / 100, 10)

    fill(3)
    client.get(FEATURES, {"layer": "regions"})  # warm-up: the session and Wagtail's site root paths
    with django_assert_max_num_queries(12):
        few = client.get(FEATURES).json()
    fill(40)
    with django_assert_max_num_queries(12):
        many = client.get(FEATURES).json()

    linked = [f for f in many["features"] if "contact_url" in f["properties"]]
    assert len(linked) > len([f for f in few["features"] if "contact_url" in f["properties"]])
