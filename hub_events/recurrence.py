"""Recurring events: the editor's choices as a dateutil rule, expanded in Europe/Berlin wall time.

An event repeats ``repeat`` (a ``Repeat`` choice) from its first date (``start``/``end``) until a day
(``repeat_until``, inclusive) or for a number of dates (``repeat_count``), without the days in
``repeat_exceptions``. The rule is built by ``rule_for`` from these fields only; dateutil's ``rrule`` does the
expanding:

- over **naive local times** (the first date's wall time in Europe/Berlin), each date then gets
  ``ZoneInfo("Europe/Berlin")`` and is normalised through UTC: the 18:00 office hours stay at 18:00 on both sides
  of a daylight-saving change (+01:00 in winter, +02:00 in summer);
- a wall time in the hour skipped in March (02:00–03:00) means the same instant as with the offset before the
  gap, so 02:30 becomes 03:30 summer time that day; an ambiguous time in October is the first one (summer time).
  Both are what RFC 5545 prescribes, so calendar apps expand the ``RRULE`` of our iCal files the same way;
- each date lasts as long as the first one (exact duration, measured in UTC, as RFC 5545 has it for ``DTEND``):
  a conference from Saturday 10:00 to Sunday 17:00 across the change to summer time lasts 30 hours, not 31.

A series must end: at most ``MAX_DATES`` dates, the last one starting at most ``MAX_YEARS`` years after the first
(for a last day and for a number of dates alike). No date may lie after the year ``MAX_YEAR``. The dates are
materialised in ``EventDate`` rows when the page is saved (``EventPage.save``), which the listings sort by.
"""

import datetime as dt
import itertools
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule, weekday
from icalendar import vRecur

from common.dates import format_date
from hub_events.choices import Repeat
from hub_events.occurrences import Occurrence

MAX_DATES = 200
MAX_YEARS = 2
# Far enough for any real event, and far from datetime's year 9999, which dateutil and the VTIMEZONE step past.
MAX_YEAR = 2200


class Series(NamedTuple):
    """What a recurring event is made of: its first date (aware) and the editor's choices."""

    start: dt.datetime
    end: dt.datetime
    repeat: str = Repeat.NEVER
    until: dt.date | None = None
    count: int | None = None
    exceptions: tuple = ()


def local(value, zone):
    """``value`` (aware) as a naive wall time in ``zone``."""
    return value.astimezone(zone).replace(tzinfo=None)


def week_of_month(day):
    """Which of its weekdays in the month ``day`` is: 1 to 4, or -1 for a fifth (the last one)."""
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


def rule_for(series, zone):
    """The dateutil ``rrule`` of ``series`` over naive wall times in ``zone``, or None for a single event."""
    if not series.repeat:
        return None
    first = local(series.start, zone)
    options = {
        Repeat.DAILY: {"freq": DAILY},
        Repeat.WEEKLY: {"freq": WEEKLY},
        Repeat.BIWEEKLY: {"freq": WEEKLY, "interval": 2},
        Repeat.MONTHLY_WEEKDAY: {
            "freq": MONTHLY,
            "byweekday": weekday(first.weekday(), week_of_month(first)),
        },
        Repeat.MONTHLY_DAY: {"freq": MONTHLY, "bymonthday": first.day},
    }[series.repeat]
    if series.until:
        options["until"] = dt.datetime.combine(series.until, dt.time.max)
    elif series.count:
        options["count"] = series.count
    return rrule(dtstart=first, **options)


def starts(series, zone, limit=MAX_DATES):
    """The aware start times of the series' dates, exceptions included, at most ``limit``."""
    rule = rule_for(series, zone)
    if rule is None:
        return [series.start]
    return [_aware(value, zone) for value in itertools.islice(rule, limit)]


def _aware(wall_time, zone):
    # Through UTC, so a wall time in the skipped hour comes out as the instant it means (02:30 → 03:30 +02:00).
    return wall_time.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)


def duration(series):
    """How long each date lasts: the first date's exact length (in UTC, not wall time across a DST change)."""
    return series.end.astimezone(dt.UTC) - series.start.astimezone(dt.UTC)


def _end_of(start, series, zone):
    return (start.astimezone(dt.UTC) + duration(series)).astimezone(zone)


def occurrences(series, zone):
    """Every date of the series (``Occurrence``), in order, without the exceptions (local days).

    A single event has its one date exactly as stored."""
    if not series.repeat:
        return [Occurrence(series.start, series.end)]
    skipped = set(series.exceptions)
    return [
        Occurrence(start, _end_of(start, series, zone))
        for start in starts(series, zone)
        if start.astimezone(zone).date() not in skipped
    ]


def series_end(series, zone):
    """When the series' last date (exceptions included) ends."""
    return _end_of(starts(series, zone)[-1], series, zone)


def excluded_starts(series, zone):
    """The start times the exceptions remove (for iCal's ``EXDATE``)."""
    skipped = set(series.exceptions)
    return [start for start in starts(series, zone) if start.astimezone(zone).date() in skipped]


def rrule_value(series, zone):
    """The series' rule as an RFC 5545 ``RRULE`` value (``vRecur``), or None for a single event.

    ``UNTIL`` is in UTC, as RFC 5545 requires next to a ``DTSTART`` with a ``TZID``: the end of the last day in
    ``zone``.
    """
    if not series.repeat:
        return None
    first = local(series.start, zone)
    parts = {
        Repeat.DAILY: {"FREQ": "DAILY"},
        Repeat.WEEKLY: {"FREQ": "WEEKLY"},
        Repeat.BIWEEKLY: {"FREQ": "WEEKLY", "INTERVAL": 2},
        Repeat.MONTHLY_WEEKDAY: {
            "FREQ": "MONTHLY",
            "BYDAY": f"{week_of_month(first)}{_DAYS[first.weekday()]}",
        },
        Repeat.MONTHLY_DAY: {"FREQ": "MONTHLY", "BYMONTHDAY": first.day},
    }[series.repeat]
    if series.until:
        last = dt.datetime.combine(series.until, dt.time(23, 59, 59)).replace(tzinfo=zone)
        parts["UNTIL"] = last.astimezone(dt.UTC)
    elif series.count:
        parts["COUNT"] = series.count
    return vRecur(parts)


def rrule_text(series, zone):
    """The ``RRULE`` value as text, e.g. ``FREQ=WEEKLY;INTERVAL=2;UNTIL=20301231T225959Z``; empty if single."""
    value = rrule_value(series, zone)
    return value.to_ical().decode() if value is not None else ""


_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def latest_until(series, zone):
    """The last day a series starting at ``series.start`` may run to (``MAX_YEARS`` later)."""
    return series.start.astimezone(zone).date() + relativedelta(years=MAX_YEARS)


def problems(series, zone):
    """What is wrong with the series' choices, as ``{field name: message}`` (empty when it is fine)."""
    for name, value in (("start", series.start), ("end", series.end)):
        if value.astimezone(zone).year > MAX_YEAR:
            return {name: _("Choose a date before the year %(year)s.") % {"year": MAX_YEAR + 1}}
    if not series.repeat:
        errors = {}
        if series.until or series.count:
            errors["repeat"] = _("Choose how often the event repeats, or leave the end of the series empty.")
        if series.exceptions:
            errors["repeat_exceptions"] = _("Only a repeating event can skip dates.")
        return errors
    if series.until and series.count:
        return {"repeat_count": _("Give either the last day or the number of dates, not both.")}
    if not (series.until or series.count):
        return {
            "repeat_until": _(
                "A repeating event needs an end: its last day or the number of dates (at most %(count)s dates "
                "within %(years)s years)."
            )
            % {"count": MAX_DATES, "years": MAX_YEARS}
        }
    if series.until and series.until < series.start.astimezone(zone).date():
        return {"repeat_until": _("The series ends before its first date.")}
    if series.until and series.until > latest_until(series, zone):
        return {
            "repeat_until": _(
                "A series may run for at most %(years)s years, until %(date)s. Start a new series for the "
                "dates after that."
            )
            % {"years": MAX_YEARS, "date": format_date(latest_until(series, zone))}
        }
    all_starts = starts(series, zone, limit=MAX_DATES + 1)
    if len(all_starts) > MAX_DATES:
        return {
            "repeat_until": _(
                "This series has more than %(count)s dates. Choose an earlier last day or a rarer repetition."
            )
            % {"count": MAX_DATES}
        }
    days = {start.astimezone(zone).date() for start in all_starts}
    if max(days) > latest_until(series, zone):
        return {
            "repeat_count": _(
                "With %(count)s dates the series would run until %(last)s, but a series may run for at most "
                "%(years)s years, until %(date)s. Choose fewer dates or start a new series for the later ones."
            )
            % {
                "count": series.count,
                "last": format_date(max(days)),
                "years": MAX_YEARS,
                "date": format_date(latest_until(series, zone)),
            }
        }
    unknown = sorted(set(series.exceptions) - days)
    if unknown:
        return {
            "repeat_exceptions": ngettext(
                "%(dates)s is not a date of this series.",
                "%(dates)s are not dates of this series.",
                len(unknown),
            )
            % {"dates": ", ".join(format_date(day) for day in unknown)}
        }
    if not days - set(series.exceptions):
        return {"repeat_exceptions": _("The exceptions leave no date of the series.")}
    return {}
