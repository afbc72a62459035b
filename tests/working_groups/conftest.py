import pytest

from tests.members.factories import UserFactory
from tests.regions.conftest import other_moderator, other_region  # noqa: F401  (fixtures)
from tests.smtp import smtp  # noqa: F401  (a fixture)
from tests.working_groups.factories import WorkingGroupFactory, add_member
from working_groups.models import ForumAccess, JoinPolicy


@pytest.fixture
def group(region):
    """An open initiative circle of ``region`` with a public forum."""
    return WorkingGroupFactory(
        name="Initiativkreis Energie", slug="ik-energie", region=region, kind="initiative_circle"
    )


@pytest.fixture
def closed_group(region):
    """A group of ``region`` joined on request, with a members-only forum."""
    return WorkingGroupFactory(
        name="AG Finanzen",
        slug="ag-finanzen",
        region=region,
        join_policy=JoinPolicy.ON_REQUEST,
        forum_access=ForumAccess.MEMBERS,
    )


@pytest.fixture
def contact(group, closed_group):
    """The contact person of both groups."""
    user = UserFactory(verified=True, display_name="Clara Kontakt", language="de")
    add_member(group, user, contact=True)
    add_member(closed_group, user, contact=True)
    return user


@pytest.fixture
def other_contact(region):
    """The contact person of another group of the same region."""
    user = UserFactory(verified=True, display_name="Otto Anders")
    add_member(WorkingGroupFactory(region=region), user, contact=True)
    return user


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """``client.post`` as a real request ends: with its transaction committed (the mails go out then)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send
