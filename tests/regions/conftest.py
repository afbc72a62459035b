import pytest

from tests.helpers import fresh
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory
from tests.regions.helpers import set_team


@pytest.fixture
def other_region(region_index):
    return RegionPageFactory(parent=region_index, title="Bergisches Land", slug="bergisches-land")


@pytest.fixture
def other_moderator(other_region):
    user = UserFactory(verified=True, display_name="Andere Moderation")
    set_team(other_region, [user])
    return fresh(user)
