"""Fixtures for every test: a fresh cache and media root, the page tree's skeleton and the hub's roles.

Helpers live in ``tests/helpers.py`` and the factories in ``tests/<app>/factories.py``; nothing imports from a
conftest file.
"""

from django.conf import settings
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from tests.actions.factories import ActionIndexPageFactory
from tests.events.factories import EventIndexPageFactory
from tests.helpers import fresh
from tests.home.factories import HomePageFactory
from tests.members.factories import UserFactory
from tests.news.factories import NewsIndexPageFactory
from tests.regions.factories import RegionIndexPageFactory, RegionPageFactory
from tests.regions.helpers import set_team


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached permissions live in the cache: every test starts from zero."""
    from django.core.cache import caches

    from common.language import forget_locales

    for cache in caches.all():
        cache.clear()
    forget_locales()


@pytest.fixture(autouse=True)
def _german():
    """Every test starts in German: a request to /en/ leaves English active in the test's thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def region_index(home_page):
    return RegionIndexPageFactory(parent=home_page, slug="regionen")


@pytest.fixture
def action_index(home_page):
    return ActionIndexPageFactory(parent=home_page, slug="aktionen")


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page, slug="veranstaltungen")


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, slug="neuigkeiten")


@pytest.fixture
def region(region_index):
    return RegionPageFactory(parent=region_index, title="Neumarkt in der Oberpfalz", slug="neumarkt")


# --- roles ------------------------------------------------------------------------------------------


@pytest.fixture
def member(db):
    """A verified member (may post)."""
    return UserFactory(verified=True)


@pytest.fixture
def unverified(db):
    """Signed up, e-mail address not confirmed yet."""
    return UserFactory(unverified=True)


@pytest.fixture
def editor(db):
    """A member of the central editorial team."""
    return UserFactory(editor=True)


@pytest.fixture
def moderator(region):
    """The moderator of ``region``, put in its team as an editor does (a published revision)."""
    user = UserFactory(verified=True, display_name="Mo Deration")
    set_team(region, [user])
    return fresh(user)
