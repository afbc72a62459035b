import pytest

from regions.models import RegionMembership
from tests.actions.factories import ActionPageFactory
from tests.members.factories import UserFactory
from tests.regions.conftest import other_moderator, other_region  # noqa: F401  (fixtures)
from tests.regions.factories import InitiativeFactory


@pytest.fixture
def action(action_index):
    return ActionPageFactory(parent=action_index, title="Repair-Café eröffnen", slug="repair-cafe")


@pytest.fixture
def reporter(region):
    """A verified member who joined ``region``."""
    user = UserFactory(verified=True, display_name="Rita Report", language="de")
    RegionMembership.objects.create(user=user, region=region)
    return user


@pytest.fixture
def initiative(region, reporter):
    return InitiativeFactory(
        region=region, submitted_by=reporter, name="Repair-Café Neumarkt", approval_status="approved"
    )


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """``client.post`` as a real request ends: with its transaction committed (the mails go out then)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send
