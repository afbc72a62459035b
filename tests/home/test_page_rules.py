"""Editors can create each page type only where it belongs in the tree."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from actions.models import ActionIndexPage, ActionPage
from home.models import ContentPage, HomePage
from hub_events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from region_applications.models import RegionApplicationPage
from regions.models import RegionIndexPage, RegionPage

# Every page model of every installed app (Wagtail's own registry), so a new page type cannot be forgotten here.
ALL_PAGE_TYPES = set(get_page_models()) - {Page}

ALLOWED_PARENTS = {
    HomePage: {Page},
    ContentPage: {HomePage, ContentPage, RegionPage},
    RegionIndexPage: {HomePage},
    RegionPage: {RegionIndexPage},
    ActionIndexPage: {HomePage},
    ActionPage: {ActionIndexPage},
    EventIndexPage: {HomePage, EventIndexPage},
    EventPage: {EventIndexPage, RegionPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage, RegionPage},
    RegionApplicationPage: {HomePage, RegionIndexPage},
}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_every_page_type_has_its_rules_here(self):
        self.assertEqual(set(ALLOWED_PARENTS), ALL_PAGE_TYPES)

    def test_each_page_type_has_exactly_its_allowed_parents(self):
        for child, parents in ALLOWED_PARENTS.items():
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents)

    def test_each_page_type_can_be_created_under_its_parents_and_nowhere_else(self):
        for child, parents in ALLOWED_PARENTS.items():
            for parent in ALL_PAGE_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if parent in parents:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_leaf_pages_have_no_children(self):
        for leaf in (ActionPage, EventPage, NewsPage, RegionApplicationPage):
            with self.subTest(page=leaf.__name__):
                self.assertAllowedSubpageTypes(leaf, {})

    def test_singleton_sections_exist_once(self):
        for singleton in (HomePage, RegionIndexPage, ActionIndexPage, NewsIndexPage):
            with self.subTest(page=singleton.__name__):
                self.assertEqual(singleton.max_count, 1)
