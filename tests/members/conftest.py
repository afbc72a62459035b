import pytest

from tests.members.factories import UserFactory


@pytest.fixture
def member(db):
    """Ada, a verified member with a public name and an organisation (overrides the plain ``member``)."""
    return UserFactory(
        verified=True,
        email="ada@example.org",
        username="ada_privat",
        display_name="Ada Mitmacherin",
        organisation="Repair-Café Neumarkt",
    )


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
