import pytest

from tests.factories import make_member


@pytest.fixture
def member(db):
    return make_member(
        email="ada@example.org",
        username="ada_privat",
        display_name="Ada Mitmacherin",
        organisation="Repair-Café Neumarkt",
    )


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
