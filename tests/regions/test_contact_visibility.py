"""A region team's contact address is for verified members only: not for visitors, not for unconfirmed accounts."""

import pytest

from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "team@neumarkt.example"


@pytest.fixture
def region_with_contact(region):
    region.contact_email = ADDRESS
    region.save_revision().publish()
    return region


def shows_address(html):
    return ADDRESS in html or "team%40neumarkt.example" in html


def test_anonymous_visitors_do_not_see_the_address(client, region_with_contact):
    html = client.get(region_with_contact.url).content.decode()

    assert not shows_address(html)
    assert "Bitte melde dich an." in html


def test_logged_in_but_unverified_accounts_do_not_see_the_address(client, region_with_contact):
    client.force_login(UserFactory(unverified=True))

    html = client.get(region_with_contact.url).content.decode()

    assert not shows_address(html)
    assert "Bitte bestätige deine E-Mail-Adresse" in html


def test_an_account_without_any_email_record_does_not_see_the_address(client, region_with_contact):
    client.force_login(UserFactory())

    assert not shows_address(client.get(region_with_contact.url).content.decode())


def test_verified_members_see_the_address(client, region_with_contact):
    client.force_login(UserFactory(verified=True))

    html = client.get(region_with_contact.url).content.decode()

    assert f'<a href="mailto:{ADDRESS}">{ADDRESS}</a>' in html
