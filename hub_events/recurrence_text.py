"""A recurring event's rule in words, in the active language: "Jeden Dienstag, 18:00–19:00 Uhr" /
"Every Tuesday, 18:00–19:00", "every first Tuesday of the month", with the series' end.

Weekday names are Django's own translations; every pattern is a gettext string, so German word order and
endings ("jeden ersten Dienstag im Monat") live in the catalogue.
"""

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from common.dates import format_date, format_time
from hub_events.choices import Repeat
from hub_events.recurrence import occurrences, week_of_month


def _monthly_weekday(position, day_name):
    patterns = {
        1: _("Every first %(weekday)s of the month"),
        2: _("Every second %(weekday)s of the month"),
        3: _("Every third %(weekday)s of the month"),
        4: _("Every fourth %(weekday)s of the month"),
        -1: _("Every last %(weekday)s of the month"),
    }
    return patterns[position] % {"weekday": day_name}


def _how_often(series, first):
    day_name = WEEKDAYS[first.weekday()]
    if series.repeat == Repeat.DAILY:
        return _("Every day")
    if series.repeat == Repeat.WEEKLY:
        return _("Every %(weekday)s") % {"weekday": day_name}
    if series.repeat == Repeat.BIWEEKLY:
        return _("Every other %(weekday)s") % {"weekday": day_name}
    if series.repeat == Repeat.MONTHLY_WEEKDAY:
        return _monthly_weekday(week_of_month(first), day_name)
    return _("Every month on day %(day)s") % {"day": first.day}


def _times(first, last):
    if first.date() != last.date():
        return pgettext("a start time, e.g. at 18:00", "at %(start)s") % {"start": format_time(first)}
    return pgettext("a time span, e.g. 18:00–19:00", "%(start)s–%(end)s") % {
        "start": format_time(first),
        "end": format_time(last),
    }


def describe(series, zone):
    """The rule in words with the times ("Every Tuesday, 18:00–19:00"); empty for a single event."""
    if not series.repeat:
        return ""
    first, last = series.start.astimezone(zone), series.end.astimezone(zone)
    return pgettext("how often and when, e.g. Every Tuesday, 18:00–19:00", "%(how_often)s, %(times)s") % {
        "how_often": _how_often(series, first),
        "times": _times(first, last),
    }


def describe_end(series, zone):
    """How the series ends ("until 31 December 2030", "12 dates in all"); empty for a single event.

    The number counts the dates that take place: ``COUNT`` includes the skipped ones (RFC 5545), the reader
    does not."""
    if not series.repeat:
        return ""
    if series.until:
        return _("until %(date)s") % {"date": format_date(series.until)}
    if series.count:
        taking_place = len(occurrences(series, zone))
        return ngettext("%(count)s date in all", "%(count)s dates in all", taking_place) % {
            "count": taking_place
        }
    return ""
