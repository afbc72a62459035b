"""The participant's own ``.ics``: the event's public entry (``hub_events.ical``) for their date, with the online
meeting link added. Never served on the site: it only travels in the participant's mails."""

from django.utils.translation import gettext as _

from common.links import absolute
from hub_events.ical import BERLIN, build_calendar


def participant_calendar(registration, date, settings):
    """The VCALENDAR for ``registration`` at ``date`` (an ``Occurrence``), as bytes."""
    event = registration.event
    calendar = build_calendar([event], None, name=event.title, url=absolute(event.url or "/"))
    for component in calendar.walk("VEVENT"):
        if registration.occurrence is not None:
            # One date of a series: this date only, as its own entry.
            for name in ("RRULE", "EXDATE", "RDATE", "DTSTART", "DTEND", "UID"):
                component.pop(name, None)
            component.add("dtstart", date.start.astimezone(BERLIN))
            component.add("dtend", date.end.astimezone(BERLIN))
            component.add("uid", f"registration-{registration.pk}-{date.start:%Y%m%dT%H%M%S}@{event.pk}")
        if settings.meeting_url:
            component["DESCRIPTION"] = f"{component.get('DESCRIPTION', '')}\n\n" + _(
                "Online meeting: %(url)s"
            ) % {"url": settings.meeting_url}
            component.pop("CLASS", None)
            component.add("class", "PRIVATE")
    return calendar.to_ical()
