"""Dates as people write them, in the active language (``common.dates``): ``{% load hub_dates %}``.

- ``{{ news.date|day }}``: "25. Januar 2025" / "25 January 2025".
- ``{% date_range event.start event.end %}``: "25.–26. Januar 2025", "25. Januar 2025, 10:00–12:00 Uhr" (one day,
  with the times); ``weekday=True`` adds the weekday to a one-day date, ``with_times=False`` leaves the times out.
- ``{{ event.start|duration:event.end }}``: "90 Minuten", "3 Stunden", "1,5 Tage".
"""

from django import template

from common import dates

register = template.Library()


@register.filter
def day(value, weekday=False):
    """A date (or the local day of a datetime) in full; ``|day:True`` with the weekday."""
    return dates.format_date(value, weekday=bool(weekday)) if value else ""


@register.simple_tag
def date_range(start, end=None, weekday=False, with_times=True):
    return dates.date_range(start, end, weekday=weekday, with_times=with_times) if start else ""


@register.filter
def duration(start, end):
    return dates.duration(start, end)
