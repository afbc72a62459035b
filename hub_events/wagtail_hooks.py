from django.utils import timezone

from wagtail import hooks

from home.sections import HOME_PAGE_SECTIONS, REGION_PAGE_SECTIONS, Section
from hub_events.models import EventPage


def _upcoming():
    return EventPage.objects.live().public().upcoming(timezone.now()).defer_streamfields()


@hooks.register(HOME_PAGE_SECTIONS)
def upcoming_events(page, request):
    # The cards show the region, not the fields of action.
    return Section("upcoming_events", _upcoming().select_related("region")[:3])


@hooks.register(REGION_PAGE_SECTIONS)
def upcoming_events_of_region(page, request):
    return Section("upcoming_events", _upcoming().filter(region=page)[:5])
