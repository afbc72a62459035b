from django.utils import timezone

from wagtail import hooks

from common.language import locale_id
from home.sections import HOME_PAGE_SECTIONS, REGION_PAGE_SECTIONS, Section
from hub_events.event_regions import regions_in_order, with_local_regions
from hub_events.models import EventPage


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


UPCOMING_EVENTS_ON_REGION_PAGE = 5
PAST_EVENTS_ON_REGION_PAGE = 3


@hooks.register(REGION_PAGE_SECTIONS)
def events_of_region(page, request):
    """The region's next events, and its latest past ones with their outcome and recording, in one query (the
    region page's budget). By translation key: an English event (an alias) points to the German region page.
    The past events' other regions and materials are on the region's history page (``EventIndexPage`` route
    ``region_history``)."""
    upcoming, past = (
        EventPage.objects.live()
        .public()
        .filter(locale_id=locale_id())
        .of_regions([page.translation_key])
        .defer_streamfields()
        .next_and_latest(timezone.now(), UPCOMING_EVENTS_ON_REGION_PAGE, PAST_EVENTS_ON_REGION_PAGE)
    )
    return Section("upcoming_events", upcoming), Section("past_events", past)
