"""Dates, date ranges and durations as people write them, in the active language.

One place for how events and news show time; templates use the filters of ``common/templatetags/hub_dates.py``.
The patterns are gettext strings (English source, German in ``locale/de``), the month and weekday names Django's
own translations, decimals ``number_format`` (German "1,5", English "1.5"). Times are local (Europe/Berlin) and
written with 24 hours in both languages.

=========================  ==================================  ==================================
case                       German                              English
=========================  ==================================  ==================================
one day                    25. Januar 2025                     25 January 2025
one day, with times        25. Januar 2025, 10:00–12:00 Uhr    25 January 2025, 10:00–12:00
  with the weekday         Sa., 25. Januar 2025, 10:00–12:00   Sat 25 January 2025, 10:00–12:00
                           Uhr
days in one month          25.–26. Januar 2025                 25–26 January 2025
across months              30. Januar – 2. Februar 2025        30 January – 2 February 2025
across years               30. Dezember 2024 – 2. Januar 2025  30 December 2024 – 2 January 2025
=========================  ==================================  ==================================

An event over several days shows its days without the times (the event's page says more in its text); the
dash between two days is an en dash without spaces, between two dates with months an en dash with spaces.

Durations (``duration``) round to what people say: under two hours in minutes unless a whole hour ("45 minutes",
"90 minutes", "1 hour"), under a day in hours to the half hour ("3 hours", "2.5 hours" / "2,5 Stunden"), from a
day on in days to the half day ("1 day", "1.5 days" / "1,5 Tage"). Elapsed time counts, not calendar days.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS_ABBR
from django.utils.formats import number_format
from django.utils.translation import ngettext, pgettext

TIME_FORMAT = "%H:%M"


def _local(value):
    """A datetime in the current time zone (aware ones converted), or a date as it is."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    return value


def _day_month(day):
    return pgettext("day and month, e.g. 25 January", "%(day)s %(month)s") % {
        "day": day.day,
        "month": MONTHS[day.month],
    }


def format_date(value, *, weekday=False):
    """``value`` (a date or datetime) as "25. Januar 2025" / "25 January 2025"; ``weekday`` puts the
    abbreviated weekday in front ("Sa., 25. Januar 2025" / "Sat 25 January 2025")."""
    day = _local(value)
    text = pgettext("a full date, e.g. 25 January 2025", "%(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": MONTHS[day.month],
        "year": day.year,
    }
    if weekday:
        text = pgettext("weekday before a date, e.g. Sat 25 January 2025", "%(weekday)s %(date)s") % {
            "weekday": WEEKDAYS_ABBR[day.weekday()],
            "date": text,
        }
    return text


def format_time(value):
    """The local time of a datetime, "18:00"."""
    return _local(value).strftime(TIME_FORMAT)


def date_range(start, end, *, with_times=True, weekday=False):
    """The span from ``start`` to ``end`` (dates or datetimes), in the shortest form people write.

    On one day: the date and, when ``with_times`` and both are datetimes, the times ("25. Januar 2025,
    10:00–12:00 Uhr"). Over several days: the days, with the month and year written once where they are the
    same ("25.–26. Januar 2025", "30. Januar – 2. Februar 2025", "30. Dezember 2024 – 2. Januar 2025").
    ``weekday`` adds the weekday to a one-day date. See the module's docstring for the English forms.
    """
    start, end = _local(start), _local(end or start)
    first, last = _day(start), _day(end)
    if last <= first:
        text = format_date(first, weekday=weekday)
        if with_times and isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
            times = {"date": text, "start": format_time(start), "end": format_time(end)}
            if start == end:
                return (
                    pgettext("a date and a time, e.g. 25 January 2025, 10:00", "%(date)s, %(start)s") % times
                )
            return (
                pgettext(
                    "one day with times, e.g. 25 January 2025, 10:00–12:00", "%(date)s, %(start)s–%(end)s"
                )
                % times
            )
        return text
    if (first.year, first.month) == (last.year, last.month):
        return pgettext(
            "days in one month, e.g. 25–26 January 2025", "%(start)s–%(end)s %(month)s %(year)s"
        ) % {
            "start": first.day,
            "end": last.day,
            "month": MONTHS[first.month],
            "year": first.year,
        }
    if first.year == last.year:
        return pgettext(
            "days across months, e.g. 30 January – 2 February 2025", "%(start)s – %(end)s %(year)s"
        ) % {
            "start": _day_month(first),
            "end": _day_month(last),
            "year": first.year,
        }
    return pgettext("days across years, e.g. 30 December 2024 – 2 January 2025", "%(start)s – %(end)s") % {
        "start": format_date(first),
        "end": format_date(last),
    }


def _day(value):
    return value.date() if isinstance(value, dt.datetime) else value


def _half_steps(value):
    """``value`` (a Decimal) rounded to the nearest half, halves up."""
    return (value * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def _number(value):
    """ "3" for a whole number, "1,5" / "1.5" for a half (number_format follows the active language)."""
    return number_format(value, decimal_pos=0 if value == value.to_integral_value() else 1)


def duration(start, end):
    """How long ``start`` to ``end`` (datetimes) lasts, as people say it: "90 Minuten", "3 Stunden", "1,5 Tage".

    Empty when either is missing or the end is not after the start.
    """
    if start is None or end is None or end <= start:
        return ""
    minutes = int((end - start).total_seconds() // 60)
    if minutes < 120 and minutes % 60:
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    if minutes < 24 * 60:
        hours = _half_steps(Decimal(minutes) / 60)
        return ngettext("%(count)s hour", "%(count)s hours", 1 if hours == 1 else 2) % {
            "count": _number(hours)
        }
    days = _half_steps(Decimal(minutes) / (24 * 60))
    return ngettext("%(count)s day", "%(count)s days", 1 if days == 1 else 2) % {"count": _number(days)}
