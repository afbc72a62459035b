"""Regions of events in the visitor's language.

An event belongs to one or more regions (``EventPage.regions``). An English event that is still an alias of a
German one keeps the German region pages it was copied with (wagtail-localize copies relations as they are).
Lists compare regions by ``translation_key``; cards, the event page and the API show the region pages of the
list's language.

What is shown follows one rule everywhere (cards, the event page, both APIs and their deprecated ``region``):
only live, public region pages (``shown_regions_of``), ordered by the title of the region page the event is
tagged with (``REGION_ORDER``) — events are tagged with the German region pages (an English alias carries the
same ones), so the order is the German titles' in every language, and the first is the same region in the
events API and the pages API.
"""

from django.db.models import Prefetch

from regions.models import RegionPage

# The order of an event's regions: by the title of the tagged (German) region page, then its id.
REGION_ORDER = ("title", "pk")


def shown_regions_of():
    """The region pages an event may show: live and public, in ``REGION_ORDER`` (a queryset to prefetch or
    filter)."""
    return RegionPage.objects.live().public().order_by(*REGION_ORDER)


def with_local_regions(events, locale):
    """``events`` as a list whose ``shown_regions`` are the region pages of ``locale`` (a Locale id); see
    ``localize_regions``."""
    events = list(events)
    localize_regions(events, locale)
    return events


def localize_regions(events, locale):
    """Give each of ``events`` (a list, from a query that prefetched ``regions`` with ``shown_regions_of``, see
    ``EventPageQuerySet.for_listing``) the list ``shown_regions``: its live, public regions in ``REGION_ORDER``,
    each as the live region page of ``locale`` (a Locale id) where there is one.

    An English event that is still an alias keeps the German region pages; its card links the English ones
    instead. One query for all events, none when every region is already in ``locale``.
    """
    local = _local_pages([region for event in events for region in event.regions.all()], locale)
    for event in events:
        event.shown_regions = [local.get(region.translation_key, region) for region in event.regions.all()]


def localized(regions, locale):
    """``regions`` (live, public region pages in ``REGION_ORDER``) as the pages of ``locale`` where there is a
    live, public one; same order."""
    local = _local_pages(regions, locale)
    return [local.get(region.translation_key, region) for region in regions]


def _local_pages(regions, locale):
    """The live, public pages of ``locale`` for those of ``regions`` in another language, by translation key."""
    keys = {region.translation_key for region in regions if region.locale_id != locale}
    if not keys:
        return {}
    return {
        region.translation_key: region
        for region in RegionPage.objects.live().public().filter(locale_id=locale, translation_key__in=keys)
    }


def regions_in_order():
    """The prefetch of an event's shown regions: live, public, in ``REGION_ORDER`` (the first is the deprecated
    API field ``region``)."""
    return Prefetch("regions", queryset=shown_regions_of())


def card_prefetches():
    """The relations an event card shows (``for_listing``), for ``prefetch_related`` or, over several lists at
    once, ``prefetch_related_objects``."""
    return regions_in_order(), "fields_of_action"
