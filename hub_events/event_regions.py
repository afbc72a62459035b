"""Regions of events in the visitor's language.

An event belongs to one or more regions (``EventPage.regions``). An English event that is still an alias of a
German one keeps the German region pages it was copied with (wagtail-localize copies relations as they are).
Lists compare regions by ``translation_key``; cards and the API show the region pages of the list's language.
"""

from regions.models import RegionPage


def with_local_regions(events, locale):
    """``events`` as a list whose ``shown_regions`` are the region pages of ``locale`` (a Locale id); see
    ``localize_regions``."""
    events = list(events)
    localize_regions(events, locale)
    return events


def localize_regions(events, locale):
    """Give each of ``events`` (a list, from a query that prefetched ``regions``, see
    ``EventPageQuerySet.for_listing``) the list ``shown_regions``: its regions by title, each as the live region
    page of ``locale`` (a Locale id) where there is one.

    An English event that is still an alias keeps the German region pages; its card links the English ones
    instead. One query for all events, none when every region is already in ``locale``.
    """
    keys = {
        region.translation_key
        for event in events
        for region in event.regions.all()
        if region.locale_id != locale
    }
    local = {}
    if keys:
        local = {
            region.translation_key: region
            for region in RegionPage.objects.live()
            .public()
            .filter(locale_id=locale, translation_key__in=keys)
        }
    for event in events:
        shown = [
            region if region.locale_id == locale else local.get(region.translation_key, region)
            for region in event.regions.all()
        ]
        event.shown_regions = sorted(shown, key=lambda region: (region.title, region.pk))
