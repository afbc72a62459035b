from django.utils import timezone

from wagtail import hooks

from common.language import locale_id
from home.sections import HOME_PAGE_SECTIONS, REGION_PAGE_SECTIONS, Section
from hub_events.event_regions import with_local_regions
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
    events = with_local_regions(_upcoming().select_related("region")[:3], locale_id())
    return Section("upcoming_events", events)


@hooks.register(REGION_PAGE_SECTIONS)
def upcoming_events_of_region(page, request):
    # By translation key: an English event (an alias) points to the German region page.
    return Section("upcoming_events", _upcoming().filter(region__translation_key=page.translation_key)[:5])
