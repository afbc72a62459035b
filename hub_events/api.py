"""Events in the JSON API: ``/api/v3/events/…`` (one OpenAPI schema with Wagtail's API)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ninja import Field, Query, Router, Schema

from common.language import locale_id
from common.params import InvalidParameter, number_param
from common.problems import ProblemOut, problem
from hub_events.event_regions import with_local_regions
from hub_events.filters import FILTER_PARAMETERS, FilterChoices, parse_filters
from hub_events.ical import BERLIN
from hub_events.models import EventFormat, EventKind, EventPage

router = Router(tags=[gettext_lazy("Events")])

WHEN = ("upcoming", "past")
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 10_000
PARAMETERS = (*FILTER_PARAMETERS, "when", "limit", "offset", "locale")
LOCALES = tuple(code for code, _name in settings.LANGUAGES)


class RegionRefOut(Schema):
    id: int
    title: str
    url: str = Field(description="Absolute address of the region's page.")


class FieldRefOut(Schema):
    slug: str
    name: str


class DateOut(Schema):
    start: dt.datetime
    end: dt.datetime


class EventOut(Schema):
    id: int = Field(description="Page id; stable for the life of the event.")
    title: str
    url: str = Field(description="Absolute address of the event's page.")
    summary: str
    kind: str = Field(description=f"One of: {', '.join(EventKind.values)}.")
    kind_label: str = Field(description="The kind in the requested language (`locale`).")
    format: str = Field(description=f"One of: {', '.join(EventFormat.values)}.")
    format_label: str
    start: dt.datetime = Field(
        description="ISO 8601 with the UTC offset of Europe/Berlin. A recurring event's first date (see "
        "`next_dates`)."
    )
    end: dt.datetime = Field(description="ISO 8601 with the UTC offset of Europe/Berlin.")
    is_recurring: bool = Field(description="Whether the event repeats (`recurrence`).")
    recurrence: str = Field(
        description="The rule as an RFC 5545 RRULE value from `start` in Europe/Berlin wall time, e.g. "
        "`FREQ=WEEKLY;UNTIL=20301231T225959Z`; empty for a single event."
    )
    exceptions: list[dt.date] = Field(description="Days a recurring event skips (EXDATE), in Europe/Berlin.")
    next_dates: list[DateOut] = Field(
        description="The next (at most 5) dates that have not ended, soonest first, without the exceptions; "
        "empty once the event is over."
    )
    regions: list[RegionRefOut] = Field(
        description="The regions the event belongs to, by title; empty for an event of the whole network."
    )
    region: RegionRefOut | None = Field(
        description="Deprecated: the first of `regions` (null when there is none). Kept for clients written "
        "when an event had one region; read `regions` instead.",
        json_schema_extra={"deprecated": True},
    )
    fields: list[FieldRefOut] = Field(description="Fields of action (Handlungsfelder).")
    recording_url: str = Field(description="Address of the recording; empty when there is none (yet).")
    ical_url: str = Field(description="Absolute address of the event as an iCalendar (.ics) file.")


class EventListOut(Schema):
    count: int = Field(description="Number of events matching the filters, over all pages.")
    limit: int
    offset: int
    when: str
    results: list[EventOut]


class EventParams(Schema):
    locale: str | None = Field(
        None,
        description=f"Language of the events and labels, one of: {', '.join(LOCALES)} (default: the "
        "request's language, German unless the address or the browser asks for another). English lists the "
        "English pages, which show the German text where they are not translated yet.",
    )
    when: str | None = Field(
        None, description="`upcoming` (default: not yet ended, soonest first) or `past`."
    )
    kind: list[str] | None = Field(
        None, description=f"Kind; repeatable. One of: {', '.join(EventKind.values)}."
    )
    field: list[str] | None = Field(None, description="Field of action by slug; repeatable.")
    format: list[str] | None = Field(
        None, description=f"Format; repeatable. One of: {', '.join(EventFormat.values)}."
    )
    region: list[str] | None = Field(
        None,
        description="Region by the slug of its page; repeatable. An event of several of the regions is "
        "listed once.",
    )
    limit: str | None = Field(
        None, description=f"Events per response, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT})."
    )
    offset: str | None = Field(None, description=f"Events to skip, 0 to {MAX_OFFSET} (default 0).")


def _language(params):
    """The requested ``locale``, else the request's language; an unknown one is an InvalidParameter."""
    value = params.get("locale")
    if not value:
        return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if value not in LOCALES:
        raise InvalidParameter(
            "locale", _("Unknown value “%(value)s” for locale.") % {"value": value[:50]}, LOCALES
        )
    return value


def _event_out(event, request):
    url = event.get_full_url(request) or ""
    regions = [
        {"id": region.pk, "title": region.title, "url": region.get_full_url(request) or ""}
        for region in event.shown_regions
    ]
    return {
        "id": event.pk,
        "title": event.title,
        "url": url,
        "summary": event.summary,
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "format": event.format,
        "format_label": str(event.get_format_display()),
        "start": event.start.astimezone(BERLIN),
        "end": event.end.astimezone(BERLIN),
        "is_recurring": event.is_recurring,
        "recurrence": event.recurrence_rule,
        "exceptions": list(event.series.exceptions),
        "next_dates": [
            {"start": date.start.astimezone(BERLIN), "end": date.end.astimezone(BERLIN)}
            for date in event.upcoming_dates(limit=5)
        ],
        "regions": regions,
        "region": regions[0] if regions else None,
        "fields": [{"slug": field.slug, "name": field.label} for field in event.fields_of_action.all()],
        "recording_url": event.recording_url,
        "ical_url": url + event.reverse_subpage("ical") if url else "",
    }


@router.get(
    "/",
    response={200: EventListOut, 400: ProblemOut},
    summary=gettext_lazy("List and filter events"),
    description=(
        "Published, public events (webinars, live calls, office hours, regional meetings, conferences, "
        "Regionallabor modules). `when=upcoming` (default) lists events with a date that has not ended yet, "
        "by that next date; `when=past` lists events whose every date has ended, latest first. A recurring event "
        "is one entry with its rule (`recurrence`), skipped days (`exceptions`) and `next_dates`. Repeat `kind`, `field`, `format` or `region` for "
        "several values: values of one parameter are OR-ed, parameters are AND-ed. Page with `limit` "
        f"(at most {MAX_LIMIT}) and `offset`. Unknown parameters or values answer 400 naming the parameter and "
        "the valid values. `locale=en` lists the English pages with English labels. Anonymous responses are "
        "cached until content is published; `upcoming`/`past` may lag by the cache time."
    ),
)
def list_events(request, params: Query[EventParams]):
    try:
        language = _language(request.GET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    with translation.override(language):
        return _list_events(request, locale_id(language))


def _list_events(request, locale):
    try:
        event_filter = parse_filters(request.GET, allowed_names=PARAMETERS, choices=FilterChoices(locale))
        when = request.GET.get("when") or "upcoming"
        if when not in WHEN:
            raise InvalidParameter(
                "when", _("Unknown value “%(value)s” for when.") % {"value": when[:50]}, WHEN
            )
        limit = number_param(request.GET, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        offset = number_param(request.GET, "offset", 0, 0, MAX_OFFSET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)

    now = timezone.now()
    events = event_filter.apply(EventPage.objects.live().public().filter(locale_id=locale))
    events = events.upcoming(now) if when == "upcoming" else events.past(now)
    count = events.count()
    page = with_local_regions(events.for_listing()[offset : offset + limit], locale)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "when": when,
        "results": [_event_out(event, request) for event in page],
    }
