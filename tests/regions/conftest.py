import pytest

from regions.models import RegionModerator
from tests import factories


def set_team(region, users):
    """Write the team as an editor does: through the InlinePanel's rows in a revision, then publish."""
    region.refresh_from_db()
    region.moderators = [RegionModerator(user=user) for user in users]
    region.save_revision().publish()
    region.refresh_from_db()
    return region


def fresh(user):
    """Wagtail caches a user's page permissions on the user object: read it again from the database."""
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def other_region(region_index):
    return factories.RegionPageFactory(parent=region_index, title="Bergisches Land", slug="bergisches-land")


@pytest.fixture
def moderator(region):
    user = factories.make_member(display_name="Mo Deration")
    set_team(region, [user])
    return fresh(user)


@pytest.fixture
def other_moderator(other_region):
    user = factories.make_member(display_name="Andere Moderation")
    set_team(other_region, [user])
    return fresh(user)
