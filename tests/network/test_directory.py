"""The directory of members ("Mitmacher:innen"): opt-in cards only, searchable, filterable, paginated; a card
disappears at once when its member opts out or deletes the account."""

import pytest

from home.models import FieldOfAction
from network.models import Card
from regions.models import RegionMembership
from tests.helpers import english_tree
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

DIRECTORY = "/netzwerk/"


def card_for(name, listed=True, **fields):
    user = UserFactory(
        verified=True, display_name=name, email=f"{name.lower().replace(' ', '.')}@private.example"
    )
    return Card.objects.create(user=user, listed=listed, **fields)


@pytest.fixture
def cards(region):
    lena = card_for("Lena Garten", place="Neumarkt", offer="Saatgut und Know-how", looking_for="Flächen")
    lena.user.fields_of_action.set([FieldOfAction.objects.get(slug="ernaehrungssystem")])
    RegionMembership.objects.create(user=lena.user, region=region)
    jonas = card_for("Jonas Rad", place="Münster", offer="Lastenrad-Werkstatt")
    hidden = card_for("Versteckt", listed=False, offer="Saatgut")
    unverified = card_for("Unbestätigt")
    unverified.user.groups.clear()
    return {"lena": lena, "jonas": jonas, "hidden": hidden}


def names(response):
    assert response.status_code == 200, response.status_code
    return [card.user.public_name for card in response.context["cards"]]


def test_only_opted_in_cards_of_confirmed_members_are_listed(client, cards):
    response = client.get(DIRECTORY)

    assert names(response) == ["Jonas Rad", "Lena Garten"]
    html = response.content.decode()
    assert "Saatgut und Know-how" in html
    assert "private.example" not in html  # never an address
    assert "Versteckt" not in html


def test_search_and_filters(client, cards, region):
    assert names(client.get(DIRECTORY, {"q": "saatgut"})) == ["Lena Garten"]
    assert names(client.get(DIRECTORY, {"region": region.slug})) == ["Lena Garten"]
    assert names(client.get(DIRECTORY, {"field": "ernaehrungssystem"})) == ["Lena Garten"]
    assert names(client.get(DIRECTORY, {"q": "werkstatt münster"})) == ["Jonas Rad"]


def test_a_card_shows_its_regions_and_contact_button(client, cards, region):
    html = client.get(DIRECTORY).content.decode()

    assert f'<a href="{region.url}">{region.title}</a>' in html
    assert f"/netzwerk/kontakt/member/{cards['lena'].user_id}/" in html


def test_no_contact_button_when_contact_is_switched_off(client, cards):
    Card.objects.filter(pk=cards["jonas"].pk).update(contact_allowed=False)

    assert f"/netzwerk/kontakt/member/{cards['jonas'].user_id}/" not in client.get(DIRECTORY).content.decode()


def test_opting_out_or_deleting_the_account_removes_the_card_at_once(client, cards):
    assert "Lena Garten" in names(client.get(DIRECTORY))  # now in the page cache

    client.force_login(cards["lena"].user)
    client.post("/netzwerk/visitenkarte/", {"place": "Neumarkt", "contact_allowed": "on"})
    client.logout()
    assert names(client.get(DIRECTORY)) == ["Jonas Rad"]

    cards["jonas"].user.delete()
    assert names(client.get(DIRECTORY)) == []


@pytest.mark.parametrize(
    "params",
    [{"region": "atlantis"}, {"field": "unbekannt"}, {"q": "x" * 101}, {"region": "x" * 5000}],
)
def test_unknown_filter_values_are_a_400_with_the_list(client, cards, params):
    response = client.get(DIRECTORY, params)

    assert response.status_code == 400
    assert "Jonas Rad" in response.content.decode()


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999999"])
def test_bad_page_numbers_are_a_clear_4xx(client, cards, page):
    assert client.get(DIRECTORY, {"page": page}).status_code in (400, 404)


def test_paginated_with_bounded_queries(client, region, django_assert_max_num_queries):
    for number in range(30):
        card = card_for(f"Person {number:02d}")
        RegionMembership.objects.create(user=card.user, region=region)
        card.user.fields_of_action.set([FieldOfAction.objects.first()])

    with django_assert_max_num_queries(20):
        response = client.get(DIRECTORY)

    assert len(names(response)) == 24
    assert 'href="?page=2"' in response.content.decode()
    assert len(names(client.get(DIRECTORY, {"page": "2"}))) == 6


def test_in_english(client, cards, region):
    english_tree()

    html = client.get(f"/en{DIRECTORY}").content.decode()

    assert "Members of the network" in html
    assert 'href="/en/regionen/neumarkt/"' in html


def test_the_card_form_is_for_members_only_and_off_by_default(client, member):
    response = client.get("/netzwerk/visitenkarte/")
    assert response.status_code == 302

    client.force_login(member)
    html = client.get("/netzwerk/visitenkarte/").content.decode()

    assert 'name="listed"' in html
    assert 'name="listed" checked' not in html
    assert "Nie deine E-Mail-Adresse" in html
    assert Card.objects.get(user=member).listed is False


def test_card_texts_are_escaped_and_limited(client, member):
    client.force_login(member)

    response = client.post(
        "/netzwerk/visitenkarte/",
        {"listed": "on", "offer": "<script>alert(1)</script>", "about": "x" * 1001, "contact_allowed": "on"},
    )
    assert response.status_code == 200  # the form again: "about" is too long
    client.post("/netzwerk/visitenkarte/", {"listed": "on", "offer": "<script>alert(1)</script>"})

    html = client.get(DIRECTORY).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
