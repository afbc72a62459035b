"""Regions of events in the visitor's language.

An English event that is still an alias of a German one keeps the German region page it was copied with
(wagtail-localize copies relations as they are). Lists compare regions by ``translation_key``; cards and the API
show the region page of the list's language.
"""

from regions.models import RegionPage


def with_local_regions(events, locale):
    """``events`` as a list whose regions are the region pages of ``locale`` (a Locale id); see
    ``localize_regions``."""
    events = list(events)
    localize_regions(events, locale)
    return events


def localize_regions(events, locale):
    """Point the regions of ``events`` (a list, from a query that selected the region) to the region pages of
    ``locale`` (a Locale id), in place.

    An English event that is still an alias keeps the German region page it was copied with; its card links the
    English region page instead. One query, none when every region is already in ``locale``; the events are for
    showing, never for saving (their ``region`` is replaced in memory).
    """
    keys = {
        event.region.translation_key for event in events if event.region and event.region.locale_id != locale
    }
    if not keys:
        return
    local = {
        region.translation_key: region
        for region in RegionPage.objects.live().public().filter(locale_id=locale, translation_key__in=keys)
    }
    for event in events:
        if event.region and event.region.locale_id != locale and event.region.translation_key in local:
            event.region = local[event.region.translation_key]
