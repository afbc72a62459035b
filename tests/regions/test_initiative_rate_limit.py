"""Submitting initiatives is rate limited per member; a refused submission keeps everything that was typed."""

from django.conf import settings
from django.test import Client

import pytest

from regions.models import Initiative
from tests.members.factories import UserFactory
from tests.regions.test_initiatives import SUBMIT, form_data

pytestmark = pytest.mark.django_db

ACTION = "initiative_submit"


def first_limit():
    """The smallest amount of the configured rates ("5/h/user,20/d/user" → 5)."""
    rates = settings.ACCOUNT_RATE_LIMITS[ACTION].split(",")
    return min(int(rate.strip().split("/")[0]) for rate in rates)


def logged_in_member(name):
    client = Client()
    client.force_login(UserFactory(verified=True, display_name=name))
    return client


def submit(client, region, number):
    return client.post(
        SUBMIT,
        form_data(
            region,
            name=f"Initiative Nummer {number}",
            description=f"Beschreibung, die nicht verloren gehen darf ({number}).",
        ),
    )


def test_the_limit_is_configured_per_member():
    rates = settings.ACCOUNT_RATE_LIMITS[ACTION]
    assert all(rate.strip().endswith("/user") for rate in rates.split(","))
    assert 1 < first_limit() <= 10


def test_one_more_than_the_limit_gets_429_with_the_typed_text_kept(region):
    client = logged_in_member("Sina Submit")
    limit = first_limit()
    for number in range(limit):
        assert submit(client, region, number).status_code == 302

    refused = submit(client, region, limit)

    assert refused.status_code == 429
    assert Initiative.objects.count() == limit
    assert not Initiative.objects.filter(name=f"Initiative Nummer {limit}").exists()
    html = refused.content.decode()
    # The form comes back filled in, with a message saying why.
    assert f'value="Initiative Nummer {limit}"' in html
    assert f"Beschreibung, die nicht verloren gehen darf ({limit})." in html
    assert "Repair-Café Neumarkt" not in html  # the overridden default name is not what comes back
    assert html.count("Zu viele Einreichungen") == 1, html
    assert 'role="alert"' in html


def test_invalid_forms_do_not_count(region):
    client = logged_in_member("Sina Submit")
    for _ in range(first_limit() + 3):
        response = client.post(SUBMIT, form_data(region, name=""))
        assert response.status_code == 200

    assert submit(client, region, 1).status_code == 302


def test_another_member_is_not_affected(region):
    busy = logged_in_member("Sina Submit")
    limit = first_limit()
    for number in range(limit + 1):
        submit(busy, region, number)
    assert submit(busy, region, 99).status_code == 429

    other = logged_in_member("Otto Other")

    assert submit(other, region, 100).status_code == 302
    assert Initiative.objects.filter(name="Initiative Nummer 100").exists()
