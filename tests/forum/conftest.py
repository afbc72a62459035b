import pytest

from forum import structure
from home.models import FieldOfAction


@pytest.fixture
def forums(db):
    """The whole forum structure (categories, permissions, one forum per field of action)."""
    structure.ensure_structure()
    return structure


@pytest.fixture
def field_forum(forums):
    return structure.field_forum(FieldOfAction.objects.order_by("order", "name").first())


@pytest.fixture
def region_forum(forums, region):
    forum, _created = structure.ensure_region_forum(region)
    return forum


@pytest.fixture
def no_interval(settings):
    settings.FORUM_POST_MIN_INTERVAL_SECONDS = 0
    settings.FORUM_NEW_MEMBER_TOPICS_PER_DAY = 1000
    settings.FORUM_TOPICS_PER_DAY = 1000
