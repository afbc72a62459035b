"""Anonymous API responses come from the cache until something public changes."""

from django.test import Client

from wagtail.models import APIToken

import pytest

from home.models import FieldOfAction
from tests.actions.factories import ActionPageFactory
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(action_index):
    page = ActionPageFactory(parent=action_index, title="Repair-Café gründen")
    page.save_revision().publish()
    return page


def fetch(client, page):
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200
    return response


def test_a_second_anonymous_request_is_served_from_the_cache(client, action):
    first = fetch(client, action)
    second = fetch(client, action)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.json() == first.json()
    assert "public" in second["Cache-Control"]


def test_publishing_shows_the_change_at_once(client, action):
    fetch(client, action)

    action.title = "Repair-Café eröffnen"
    action.save_revision().publish()
    response = fetch(client, action)

    assert response["X-Cache"] == "miss"
    assert response.json()["title"] == "Repair-Café eröffnen"


def test_unpublishing_removes_the_page_at_once(client, action):
    fetch(client, action)

    action.unpublish()

    assert client.get(f"/api/v3/pages/{action.pk}/").status_code == 404


def test_renaming_a_field_of_action_shows_in_cached_pages(client, action):
    fetch(client, action)
    field = action.fields_of_action.get()

    field.name = "Klima und Energie"
    field.save()

    assert fetch(client, action).json()["fields_of_action"][0]["name"] == "Klima und Energie"


def test_requests_with_a_token_are_never_cached(action):
    _, plaintext = APIToken.create_token(user=UserFactory(editor=True), name="Test")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")

    responses = [fetch(client, action), fetch(client, action)]

    assert [response.get("X-Cache") for response in responses] == [None, None]
    assert FieldOfAction.objects.exists()


def test_no_visitor_receives_another_visitors_session(action):
    first, second = Client(), Client()

    responses = [fetch(first, action), fetch(second, action)]

    assert [response["X-Cache"] for response in responses] == ["miss", "hit"]
    assert [dict(response.cookies) for response in responses] == [{}, {}]
    assert not second.cookies


def test_a_page_made_private_leaves_the_cached_answers_at_once(client, action):
    from wagtail.models import PageViewRestriction

    fetch(client, action)

    PageViewRestriction.objects.create(page=action, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(f"/api/v3/pages/{action.pk}/").status_code == 404


def test_answers_carry_vary_authorization(client, action):
    assert "Authorization" in fetch(client, action)["Vary"]
