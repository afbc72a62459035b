import pytest

from tests.region_applications.factories import RegionApplicationPageFactory, add_fields
from tests.region_applications.helpers import future, past


@pytest.fixture
def application_page(home_page):
    """An open application page (deadline in 30 days) below the home page, with DEFAULT_FIELDS."""
    page = RegionApplicationPageFactory(parent=home_page, slug="region-starten", deadline=future())
    return add_fields(page)


@pytest.fixture
def closed_page(home_page):
    page = RegionApplicationPageFactory(parent=home_page, slug="region-starten", deadline=past())
    return add_fields(page)
