"""Dates, ranges and durations as people write them, in German and in English (common/dates.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import translation

import pytest

from common.dates import date_range, duration, format_date

BERLIN = ZoneInfo("Europe/Berlin")


def at(day, hour, minute=0, month=1, year=2025):
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("start", "end", "german", "english"),
    [
        (dt.date(2025, 1, 25), dt.date(2025, 1, 25), "25. Januar 2025", "25 January 2025"),
        (dt.date(2025, 1, 25), dt.date(2025, 1, 26), "25.–26. Januar 2025", "25–26 January 2025"),
        (
            dt.date(2025, 1, 30),
            dt.date(2025, 2, 2),
            "30. Januar – 2. Februar 2025",
            "30 January – 2 February 2025",
        ),
        (
            dt.date(2024, 12, 30),
            dt.date(2025, 1, 2),
            "30. Dezember 2024 – 2. Januar 2025",
            "30 December 2024 – 2 January 2025",
        ),
        (at(25, 10), at(25, 12), "25. Januar 2025, 10:00–12:00 Uhr", "25 January 2025, 10:00–12:00"),
        (at(25, 10), at(25, 10), "25. Januar 2025, 10:00 Uhr", "25 January 2025, 10:00"),
        # Over several days the days, not the times.
        (at(25, 10), at(26, 16), "25.–26. Januar 2025", "25–26 January 2025"),
        (at(31, 18), at(1, 13, month=2), "31. Januar – 1. Februar 2025", "31 January – 1 February 2025"),
    ],
)
def test_ranges_in_both_languages(start, end, german, english):
    with translation.override("de"):
        assert date_range(start, end) == german
    with translation.override("en"):
        assert date_range(start, end) == english


def test_times_are_local_to_berlin():
    utc_start = dt.datetime(2025, 7, 1, 16, 0, tzinfo=dt.UTC)  # 18:00 in Berlin (summer time)

    with translation.override("de"):
        assert date_range(utc_start, utc_start + dt.timedelta(hours=2)) == "1. Juli 2025, 18:00–20:00 Uhr"


def test_one_day_with_the_weekday():
    with translation.override("de"):
        assert date_range(at(25, 10), at(25, 12), weekday=True) == "Sa., 25. Januar 2025, 10:00–12:00 Uhr"
        assert format_date(dt.date(2024, 10, 1), weekday=True) == "Di., 1. Oktober 2024"
    with translation.override("en"):
        assert date_range(at(25, 10), at(25, 12), weekday=True) == "Sat 25 January 2025, 10:00–12:00"


@pytest.mark.parametrize(
    ("minutes", "german", "english"),
    [
        (45, "45 Minuten", "45 minutes"),
        (60, "1 Stunde", "1 hour"),
        (90, "90 Minuten", "90 minutes"),
        (150, "2,5 Stunden", "2.5 hours"),
        (180, "3 Stunden", "3 hours"),
        (24 * 60, "1 Tag", "1 day"),
        (36 * 60, "1,5 Tage", "1.5 days"),
        (48 * 60, "2 Tage", "2 days"),
    ],
)
def test_durations_in_both_languages(minutes, german, english):
    start = at(25, 10)
    end = start + dt.timedelta(minutes=minutes)
    with translation.override("de"):
        assert duration(start, end) == german
    with translation.override("en"):
        assert duration(start, end) == english


def test_no_duration_for_an_end_before_the_start():
    assert duration(at(25, 12), at(25, 10)) == ""


def test_the_template_filters():
    template = Template(
        "{% load hub_dates %}{% date_range start end %} | {{ start|duration:end }} | {{ day|day }}"
    )
    context = Context({"start": at(25, 10), "end": at(26, 22), "day": dt.date(2025, 3, 1)})

    with translation.override("de"):
        assert template.render(context) == "25.–26. Januar 2025 | 1,5 Tage | 1. März 2025"
    with translation.override("en"):
        assert template.render(context) == "25–26 January 2025 | 1.5 days | 1 March 2025"
