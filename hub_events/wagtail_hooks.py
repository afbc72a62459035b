from django.utils import timezone

from wagtail import hooks

from common.language import locale_id
from home.sections import HOME_PAGE_SECTIONS, REGION_PAGE_SECTIONS, Section
from hub_events.event_regions import with_local_regions
from hub_events.models import EventPage, regions_in_order


def _upcoming():
    """The upcoming events of the active language's tree."""
    return (
        EventPage.objects.live()
        .public()
        .filter(locale_id=locale_id())
        .upcoming(timezone.now())
        .defer_streamfields()
    )


@hooks.register(HOME_PAGE_SECTIONS)
def upcoming_events(page, request):
    # The cards show the region, not the fields of action.
    events = with_local_regions(_upcoming().prefetch_related(regions_in_order())[:3], locale_id())
    return Section("upcoming_events", events)


PAST_EVENTS_ON_REGION_PAGE = 3


@hooks.register(REGION_PAGE_SECTIONS)
def upcoming_events_of_region(page, request):
    # By translation key: an English event (an alias) points to the German region page.
    return Section("upcoming_events", _upcoming().of_regions([page.translation_key])[:5])


@hooks.register(REGION_PAGE_SECTIONS)
def past_events_of_region(page, request):
    """The region's latest past events with their outcome and recording, in one query (the region page's budget);
    their other regions and materials are on the region's history page (``EventIndexPage`` route
    ``region_history``)."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale_id=locale_id())
        .of_regions([page.translation_key])
        .past(timezone.now())
        .defer_streamfields()[:PAST_EVENTS_ON_REGION_PAGE]
    )
    return Section("past_events", list(events))
