"""Transitional: tests/search, tests/map and the demo tests are switched after their branches merge.

Re-exports the per-app factories (``tests/<app>/factories.py``) under their old names; ``make_member`` and
``make_editor`` are the old spellings of ``UserFactory``'s traits. Delete this module once nothing imports it.
"""

from tests.actions.factories import ActionIndexPageFactory, ActionPageFactory
from tests.events.factories import BERLIN, EventIndexPageFactory, EventPageFactory
from tests.home.factories import ContentPageFactory, HomePageFactory
from tests.members.factories import UserFactory
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.regions.factories import InitiativeFactory, RegionIndexPageFactory, RegionPageFactory

__all__ = [
    "BERLIN",
    "ActionIndexPageFactory",
    "ActionPageFactory",
    "ContentPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "InitiativeFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "RegionIndexPageFactory",
    "RegionPageFactory",
    "UserFactory",
    "make_editor",
    "make_member",
]


def make_member(verified=True, **fields):
    return UserFactory(verified=True, **fields) if verified else UserFactory(unverified=True, **fields)


def make_editor(**fields):
    return UserFactory(editor=True, **fields)
