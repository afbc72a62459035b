"""Events as iCalendar (RFC 5545), built with the ``icalendar`` package: subscription feeds and downloads.

- Every event has a **stable UID**, ``event-<page id>@<ICAL_UID_DOMAIN>``: it never depends on title, slug or
  time, so an edited event replaces the old entry in a subscriber's calendar instead of duplicating it.
- **SEQUENCE** is ``EventPage.ical_sequence``, which goes up whenever a change to title, times, place, format or
  summary is published (see ``hub_events.ical_sequence``).
- A line break in a title stays in SUMMARY, escaped as ``\\n`` like every TEXT value; the calendar's NAME,
  X-WR-CALNAME and X-WR-CALDESC get it on one line, since icalendar refuses a line break there (an event's
  .ics, named after the event, answered 500).
- Texts (the calendar's description, "Online", the labels in an event's description) are in the active language:
  the feeds under ``/en/`` are English and list the English tree (``EventIndexPage.public_events``).
- Times are written in Europe/Berlin (``DTSTART;TZID=Europe/Berlin``) with a matching VTIMEZONE, so an event
  stays at 18:00 local time on both sides of a daylight-saving change.
- A recurring event is one VEVENT: ``DTSTART``/``DTEND`` of its first date, ``RRULE`` (``UNTIL`` in UTC, as RFC
  5545 requires next to a ``TZID``) and ``EXDATE;TZID=Europe/Berlin`` for the skipped dates; a feed carries it
  while one of its dates is ahead (see ``hub_events.recurrence``).
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from icalendar import Calendar, Event, Timezone, vDuration

from hub_events import recurrence
from hub_events.choices import EventFormat

TIME_ZONE = "Europe/Berlin"
BERLIN = ZoneInfo(TIME_ZONE)
PRODID = "-//Mitmach-Hub//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
MAX_FEED_EVENTS = 500  # a feed is a calendar subscription, not an archive
REFRESH_INTERVAL = dt.timedelta(hours=1)


def uid_for(event):
    """The event's UID: from the page id only, so it survives every edit."""
    domain = settings.ICAL_UID_DOMAIN
    return f"event-{event.pk}@{domain}"


def one_line(text):
    """``text`` with every run of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


def location_for(event):
    """Venue and address for events on site, "Online" for online ones (hybrid: both)."""
    place = ", ".join(part for part in (event.venue.strip(), event.address.strip()) if part)
    if event.format == EventFormat.ONLINE or not place:
        return _("Online")
    if event.format == EventFormat.HYBRID:
        return _("%(place)s and online") % {"place": place}
    return place


def description_for(event, url):
    parts = [event.summary.strip()] if event.summary.strip() else []
    if event.registration_url and not event.is_past:
        parts.append(_("Registration: %(url)s") % {"url": event.registration_url})
    if event.recording_url:
        parts.append(_("Recording: %(url)s") % {"url": event.recording_url})
    parts.append(_("More about the event: %(url)s") % {"url": url})
    return "\n\n".join(parts)


def event_component(event, request, stamp):
    """One VEVENT. ``event`` comes from ``EventPage.objects.for_listing()`` (fields of action prefetched)."""
    url = event.get_full_url(request)
    modified = event.last_published_at or event.first_published_at or stamp
    component = Event.new(
        uid=uid_for(event),
        stamp=stamp,
        start=event.start.astimezone(BERLIN),
        end=event.end.astimezone(BERLIN),
        summary=event.title,
        description=description_for(event, url),
        location=location_for(event),
        categories=[str(event.get_kind_display()), *(field.label for field in event.fields_of_action.all())],
        sequence=event.ical_sequence,
        last_modified=modified.astimezone(dt.UTC),
        created=(event.first_published_at or modified).astimezone(dt.UTC),
    )
    if event.is_recurring:
        add_repetition(component, event.series)
    component.add("url", url)
    component.add("status", "CONFIRMED")
    component.add("class", "PUBLIC")
    coordinates = event.coordinates
    if coordinates and event.format != EventFormat.ONLINE:
        component.add("geo", (coordinates["lat"], coordinates["lng"]))
    return component


def add_repetition(component, series):
    """``RRULE`` and ``EXDATE`` of a recurring event: the rule from its first date (``DTSTART``), and the
    skipped dates as the start times they would have had, in Europe/Berlin like ``DTSTART``."""
    component.add("rrule", recurrence.rrule_value(series, BERLIN))
    skipped = recurrence.excluded_starts(series, BERLIN)
    if skipped:
        component.add("exdate", skipped)


def _last_day(event):
    end = recurrence.series_end(event.series, BERLIN) if event.is_recurring else event.end
    return end.astimezone(BERLIN).date()


def _timezone(events):
    """The Europe/Berlin VTIMEZONE, with the transitions of the years the events span."""
    today = timezone.localdate()
    first = min([event.start.astimezone(BERLIN).date() for event in events] or [today])
    last = max([_last_day(event) for event in events] or [today])
    return Timezone.from_tzid(
        TIME_ZONE, first_date=dt.date(first.year - 1, 1, 1), last_date=dt.date(last.year + 2, 1, 1)
    )


def build_calendar(events, request, *, name, description="", url=None):
    """A VCALENDAR (METHOD:PUBLISH) with the Europe/Berlin VTIMEZONE and one VEVENT per event."""
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.calendar_name = one_line(name)  # NAME (RFC 7986) and X-WR-CALNAME
    if description:
        calendar.description = one_line(description)  # DESCRIPTION and X-WR-CALDESC
    calendar.add("x-wr-timezone", TIME_ZONE)
    if url:
        calendar.add("url", url)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))  # Outlook's name for it
    calendar.add_component(_timezone(events))
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(event_component(event, request, stamp))
    calendar.add_missing_timezones()  # a no-op unless an event ever uses another zone
    return calendar


def calendar_response(calendar, *, filename, attachment=False):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(attachment, filename)
    return response


def feed_response(request, events, *, name, url=None):
    """A subscription feed: the upcoming ones of ``events`` (a live, public EventPage queryset)."""
    events = events.upcoming(timezone.now()).for_listing()[:MAX_FEED_EVENTS]
    calendar = build_calendar(
        events,
        request,
        name=f"{name} · {settings.WAGTAIL_SITE_NAME}",
        description=_("Upcoming events on %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
        url=url,
    )
    return calendar_response(calendar, filename="veranstaltungen.ics")


def event_response(request, event):
    """One event as an ``.ics`` download (past events too: someone may want it in their records)."""
    calendar = build_calendar([event], request, name=event.title, url=event.get_full_url(request))
    return calendar_response(calendar, filename=f"{event.slug}.ics", attachment=True)


def subscription_links(request, path):
    """``{"http": …, "webcal": …}`` for a feed at ``path``: the plain address and the one calendar apps open."""
    absolute = request.build_absolute_uri(path)
    return {"path": path, "http": absolute, "webcal": "webcal://" + absolute.split("://", 1)[1]}
