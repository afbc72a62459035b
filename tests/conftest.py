import os

from wagtail.models import Page, Site

import pytest

from tests import factories

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available, reason):
    """Skip a test whose server is missing, except in CI, where a missing server is a failure."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached permissions live in the cache: every test starts from zero."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = factories.HomePageFactory(parent=root, slug="home")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def region_index(home_page):
    return factories.RegionIndexPageFactory(parent=home_page, slug="regionen")


@pytest.fixture
def action_index(home_page):
    return factories.ActionIndexPageFactory(parent=home_page, slug="aktionen")


@pytest.fixture
def event_index(home_page):
    return factories.EventIndexPageFactory(parent=home_page, slug="veranstaltungen")


@pytest.fixture
def news_index(home_page):
    return factories.NewsIndexPageFactory(parent=home_page, slug="neuigkeiten")


@pytest.fixture
def region(region_index):
    return factories.RegionPageFactory(
        parent=region_index, title="Neumarkt in der Oberpfalz", slug="neumarkt"
    )
