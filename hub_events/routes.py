"""The routes of an event index (``RoutablePageMixin``): the filtered listing, the Videothek, a region's history
and the iCal feeds.

``EventIndexPage``'s route methods hand over to these functions with the page, which gives its public events
(``public_events``) and renders; see docs/events.md for the addresses.
"""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from common.pagination import paginate
from common.params import InvalidParameter
from home.models import FieldOfAction
from hub_events import ical
from hub_events.event_regions import card_prefetches, localize_regions, with_local_regions
from hub_events.filters import FilterChoices, filter_form, parse_filters, regions_for_filter

HISTORY_PER_PAGE = 20


def network_only(page):
    """The region-specific routes exist only on the network's index, not on a series."""
    if page.is_series:
        raise Http404


def filtered(page, request, listing):
    """``(context, status)`` for a filtered listing: ``listing(event_filter, events)`` builds the lists (and
    prefetches what their cards show).

    A wrong filter value gives ``filter_error`` instead of the lists, and status 400.
    """
    choices = FilterChoices(page.locale_id)
    try:
        event_filter = parse_filters(request.GET, choices=choices)
    except InvalidParameter as error:
        return {"filter_error": error}, 400
    context = listing(event_filter, event_filter.apply(page.public_events().defer_streamfields()))
    context.update(event_filter=event_filter, filter_fields=filter_form(event_filter, choices))
    return context, 200


def index(page, request):
    """The series' modules, or the network's upcoming (paginated) and past events with the filters."""
    if page.is_series:
        return page.render(request)

    def listing(event_filter, events):
        now = timezone.now()
        upcoming = paginate(request, events.upcoming(now), per_page=20)
        upcoming.object_list = list(upcoming.object_list)
        past = list(events.past(now)[:12])
        # One query per relation and one for the regions' translations, for both lists.
        prefetch_related_objects(upcoming.object_list + past, *card_prefetches())
        localize_regions(upcoming.object_list + past, page.locale_id)
        return {
            "upcoming_events": upcoming,
            "past_events": past,
            "videothek_url": page.route_url(request, "videothek"),
        }

    context, status = filtered(page, request, listing)
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def videothek(page, request):
    """Past events with a recording, newest first, with the index's filters."""
    network_only(page)

    def listing(event_filter, events):
        recordings = events.past(timezone.now()).with_recording().prefetch_related(*card_prefetches())
        recordings = paginate(request, recordings, per_page=20)
        recordings.object_list = with_local_regions(recordings.object_list, page.locale_id)
        return {"recordings": recordings}

    context, status = filtered(page, request, listing)
    context["index_url"] = page.get_url(request)
    response = page.render(
        request, template="events/event_index_page_videothek.html", context_overrides=context
    )
    response.status_code = status
    return response


def calendar(page, request):
    """All upcoming events of the network (for a series: its upcoming modules) as iCalendar."""
    events = page.public_events()
    if page.is_series:
        events = events.child_of(page)
    return ical.feed_response(request, events, name=page.title, url=page.get_full_url(request))


def calendar_region(page, request, slug):
    """The upcoming events of one region as iCalendar; an unknown region is a 404."""
    network_only(page)
    region = get_object_or_404(regions_for_filter(page.locale_id), slug=slug)
    return ical.feed_response(
        request,
        # An English event may point to the German region (aliases keep their relations): match by key.
        page.public_events().of_regions([region.translation_key]),
        name=f"{page.title}: {region.title}",
        url=region.get_full_url(request),
    )


def calendar_field(page, request, slug):
    """The upcoming events of one field of action as iCalendar; an unknown field is a 404."""
    network_only(page)
    field = get_object_or_404(FieldOfAction, slug=slug)
    return ical.feed_response(
        request,
        page.public_events().filter(fields_of_action=field),
        name=f"{page.title}: {field.label}",
        url=page.get_full_url(request),
    )


def region_history(page, request, slug):
    """The past events of one region, newest first, paginated, with recordings and results; an unknown region
    is a 404, and so is a page of the list that does not exist."""
    network_only(page)
    region = get_object_or_404(regions_for_filter(page.locale_id), slug=slug)
    events = page.public_events().of_regions([region.translation_key]).past(timezone.now()).for_history()
    past = paginate(request, events, per_page=HISTORY_PER_PAGE)
    past.object_list = with_local_regions(past.object_list, page.locale_id)
    return page.render(
        request,
        template="events/event_index_page_region_history.html",
        context_overrides={
            "region": region,
            "past_events": past,
            "index_url": page.get_url(request),
        },
    )
