"""Sections a page shows from apps above its own: the home page's featured actions, events, news and region
count; a region's events and news; where an action has been done; an event's registration box.

The page's app must not import those apps (docs/architecture.md). Each app registers a loader under a Wagtail hook
named after the page (``HOME_PAGE_SECTIONS``, ``REGION_PAGE_SECTIONS``, ``ACTION_PAGE_SECTIONS``,
``EVENT_PAGE_SECTIONS``) in its ``wagtail_hooks.py``. A loader takes
the page and the request and returns a ``Section``, or a tuple of them when one query fills several. The taxonomy badges of every section's cards come from one query.
"""

from dataclasses import dataclass

from wagtail import hooks

from home.taxonomy import attach_taxonomy

HOME_PAGE_SECTIONS = "home_page_sections"
REGION_PAGE_SECTIONS = "region_page_sections"
ACTION_PAGE_SECTIONS = "action_page_sections"
# An event page's parts from apps above hub_events (the registration box of event_registrations).
EVENT_PAGE_SECTIONS = "event_page_sections"


@dataclass(frozen=True)
class Section:
    name: str  # the template variable
    value: object  # a list of cards, or any value the template shows
    badges: tuple = ()  # relations of the cards whose taxonomy rows the cards show, e.g. ("fields_of_action",)


def page_sections(hook_name, page, request, badges=()):
    """The sections registered for ``hook_name`` as template variables, with the badges of their cards and of
    ``badges`` (more ``(objects, relation)`` pairs of the page's own) attached in one query."""
    sections = []
    for load in hooks.get_hooks(hook_name):
        loaded = load(page, request)
        sections.extend(loaded if isinstance(loaded, tuple) else (loaded,))
    attach_taxonomy(
        *badges, *((section.value, relation) for section in sections for relation in section.badges)
    )
    return {section.name: section.value for section in sections}
