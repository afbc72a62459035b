"""Recurring dates: the rule built from the editor's choices, expanded in Europe/Berlin wall time across the
changes to and from summer time, exceptions, the rule in words, and what the page's date methods give."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from hub_events.choices import Repeat
from hub_events.date_list import DateListFormField
from hub_events.occurrences import Occurrence
from hub_events.recurrence import Series, occurrences, problems, rrule_text
from hub_events.recurrence_text import describe, describe_end

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args):
    return dt.datetime(*args, tzinfo=BERLIN)


def series(start, minutes=60, **kwargs):
    return Series(start=start, end=start + dt.timedelta(minutes=minutes), **kwargs)


def offsets(dates):
    return [date.start.utcoffset() for date in dates]


WINTER, SUMMER = dt.timedelta(hours=1), dt.timedelta(hours=2)


def test_weekly_office_hours_stay_at_18_local_into_summer_time():
    # Tuesday 18 March 2031; summer time begins on Sunday 30 March 2031.
    dates = occurrences(series(berlin(2031, 3, 18, 18), repeat=Repeat.WEEKLY, count=4), BERLIN)

    assert [date.start.astimezone(BERLIN).strftime("%d.%m. %H:%M") for date in dates] == [
        "18.03. 18:00",
        "25.03. 18:00",
        "01.04. 18:00",
        "08.04. 18:00",
    ]
    assert offsets(dates) == [WINTER, WINTER, SUMMER, SUMMER]
    assert dates[2].start.astimezone(dt.UTC).hour == 16  # 18:00 +02:00
    assert all(date.end - date.start == dt.timedelta(hours=1) for date in dates)
    assert all(date.end.astimezone(BERLIN).hour == 19 for date in dates)


def test_and_back_to_winter_time_in_october():
    # Summer time ends on Sunday 26 October 2031.
    dates = occurrences(series(berlin(2031, 10, 14, 18), repeat=Repeat.WEEKLY, count=4), BERLIN)

    assert [date.start.astimezone(BERLIN).hour for date in dates] == [18, 18, 18, 18]
    assert offsets(dates) == [SUMMER, SUMMER, WINTER, WINTER]
    assert dates[2].start == dt.datetime(2031, 10, 28, 17, 0, tzinfo=dt.UTC)


def test_a_time_in_the_skipped_hour_moves_on_by_an_hour_that_day_only():
    # 02:30 does not exist on 30 March 2031: RFC 5545 reads it with the offset before the gap (03:30 +02:00).
    dates = occurrences(series(berlin(2031, 3, 29, 2, 30), repeat=Repeat.DAILY, count=3), BERLIN)

    assert [date.start.astimezone(BERLIN).strftime("%d. %H:%M %z") for date in dates] == [
        "29. 02:30 +0100",
        "30. 03:30 +0200",
        "31. 02:30 +0200",
    ]


def test_an_ambiguous_time_in_october_is_the_first_one():
    dates = occurrences(series(berlin(2031, 10, 25, 2, 30), repeat=Repeat.DAILY, count=2), BERLIN)

    assert dates[1].start.astimezone(BERLIN).utcoffset() == SUMMER
    assert dates[1].start.astimezone(BERLIN).hour == 2


def test_every_two_weeks_until_a_day_inclusive():
    dates = occurrences(
        series(berlin(2031, 1, 7, 18), repeat=Repeat.BIWEEKLY, until=dt.date(2031, 2, 18)), BERLIN
    )

    assert [date.start.date() for date in dates] == [
        dt.date(2031, 1, 7),
        dt.date(2031, 1, 21),
        dt.date(2031, 2, 4),
        dt.date(2031, 2, 18),
    ]


def test_every_first_tuesday_of_the_month():
    dates = occurrences(series(berlin(2031, 1, 7, 19), repeat=Repeat.MONTHLY_WEEKDAY, count=4), BERLIN)

    assert [date.start.date() for date in dates] == [
        dt.date(2031, 1, 7),
        dt.date(2031, 2, 4),
        dt.date(2031, 3, 4),
        dt.date(2031, 4, 1),
    ]
    assert rrule_text(series(berlin(2031, 1, 7, 19), repeat=Repeat.MONTHLY_WEEKDAY, count=4), BERLIN) == (
        "FREQ=MONTHLY;COUNT=4;BYDAY=1TU"
    )


def test_a_fifth_weekday_means_the_last_one_of_each_month():
    # Friday 31 January 2031 is the fifth Friday: February has only four.
    first = series(berlin(2031, 1, 31, 17), repeat=Repeat.MONTHLY_WEEKDAY, count=2)

    assert [date.start.date() for date in occurrences(first, BERLIN)] == [
        dt.date(2031, 1, 31),
        dt.date(2031, 2, 28),
    ]
    assert "BYDAY=-1FR" in rrule_text(first, BERLIN)


def test_monthly_on_the_same_day():
    dates = occurrences(series(berlin(2031, 1, 15, 10), repeat=Repeat.MONTHLY_DAY, count=3), BERLIN)

    assert [date.start.date() for date in dates] == [
        dt.date(2031, 1, 15),
        dt.date(2031, 2, 15),
        dt.date(2031, 3, 15),
    ]


def test_an_exception_removes_exactly_that_date():
    weekly = series(berlin(2031, 3, 18, 18), repeat=Repeat.WEEKLY, count=4, exceptions=(dt.date(2031, 4, 1),))

    dates = occurrences(weekly, BERLIN)

    assert [date.start.date() for date in dates] == [
        dt.date(2031, 3, 18),
        dt.date(2031, 3, 25),
        dt.date(2031, 4, 8),
    ]
    assert problems(weekly, BERLIN) == {}


def test_a_single_event_has_its_one_date():
    single = series(berlin(2031, 3, 18, 18))

    assert occurrences(single, BERLIN) == [Occurrence(single.start, single.end)]
    assert rrule_text(single, BERLIN) == ""
    assert describe(single, BERLIN) == ""


def test_until_is_written_in_utc_at_the_end_of_the_last_day():
    weekly = series(berlin(2031, 7, 1, 18), repeat=Repeat.WEEKLY, until=dt.date(2031, 7, 29))

    assert rrule_text(weekly, BERLIN) == "FREQ=WEEKLY;UNTIL=20310729T215959Z"


@pytest.mark.parametrize(
    ("choices", "field"),
    [
        ({"repeat": Repeat.WEEKLY}, "repeat_until"),  # no end
        ({"repeat": Repeat.WEEKLY, "until": dt.date(2031, 3, 1)}, "repeat_until"),  # before the start
        ({"repeat": Repeat.WEEKLY, "until": dt.date(2033, 6, 1)}, "repeat_until"),  # over two years
        ({"repeat": Repeat.DAILY, "until": dt.date(2032, 3, 1)}, "repeat_until"),  # over 200 dates
        ({"repeat": Repeat.WEEKLY, "until": dt.date(2031, 4, 1), "count": 3}, "repeat_count"),  # both
        ({"repeat": Repeat.WEEKLY, "count": 3, "exceptions": (dt.date(2031, 3, 19),)}, "repeat_exceptions"),
        (
            {"repeat": Repeat.WEEKLY, "count": 2, "exceptions": (dt.date(2031, 3, 18), dt.date(2031, 3, 25))},
            "repeat_exceptions",
        ),  # no date left
        ({"exceptions": (dt.date(2031, 3, 18),)}, "repeat_exceptions"),  # a single event skips nothing
        ({"count": 3}, "repeat"),
    ],
)
def test_bad_choices_are_named_for_their_field(choices, field):
    assert list(problems(series(berlin(2031, 3, 18, 18), **choices), BERLIN)) == [field]


def test_the_rule_in_words_in_english():
    with translation.override("en"):
        weekly = series(berlin(2031, 3, 18, 18), repeat=Repeat.WEEKLY, until=dt.date(2031, 6, 24))
        assert describe(weekly, BERLIN) == "Every Tuesday, 18:00–19:00"
        assert describe_end(weekly, BERLIN) == "until 24 June 2031"
        monthly = series(berlin(2031, 1, 7, 19), 90, repeat=Repeat.MONTHLY_WEEKDAY, count=12)
        assert describe(monthly, BERLIN) == "Every first Tuesday of the month, 19:00–20:30"
        assert describe_end(monthly, BERLIN) == "12 dates in all"
        biweekly = series(berlin(2031, 1, 8, 17), repeat=Repeat.BIWEEKLY, count=5)
        assert describe(biweekly, BERLIN).startswith("Every other Wednesday")
        assert describe(series(berlin(2031, 1, 15, 10), repeat=Repeat.MONTHLY_DAY, count=2), BERLIN) == (
            "Every month on day 15, 10:00–11:00"
        )


# --- found in review ------------------------------------------------------------------------------------------


def test_a_conference_across_the_change_to_summer_time_keeps_its_end():
    # Saturday 29 March 2031 10:00 (+01:00) to Sunday 30 March 17:00 (+02:00): 30 hours, not 31.
    start, end = berlin(2031, 3, 29, 10), berlin(2031, 3, 30, 17)

    assert occurrences(Series(start=start, end=end), BERLIN) == [Occurrence(start, end)]
    weekly = occurrences(Series(start=start, end=end, repeat=Repeat.WEEKLY, count=2), BERLIN)
    # Every date lasts the exact 30 hours (RFC 5545), as calendar apps expand the RRULE: the next one, in
    # summer time throughout, ends at 16:00.
    assert [date.end.astimezone(BERLIN).hour for date in weekly] == [17, 16]


def test_and_in_october_it_does_not_end_an_hour_early():
    # Saturday 25 October 2031 10:00 (+02:00) to Sunday 26 October 17:00 (+01:00).
    start, end = berlin(2031, 10, 25, 10), berlin(2031, 10, 26, 17)
    dates = occurrences(Series(start=start, end=end, repeat=Repeat.WEEKLY, count=2), BERLIN)

    assert dates[0] == Occurrence(start, end)
    assert dates[0].end.astimezone(dt.UTC) == dt.datetime(2031, 10, 26, 16, 0, tzinfo=dt.UTC)


def test_a_number_of_dates_may_not_run_past_two_years():
    # Every first Tuesday from March 2031: 200 dates would run to 2047.
    monthly = series(berlin(2031, 3, 4, 18), repeat=Repeat.MONTHLY_WEEKDAY, count=200)

    with translation.override("en"):
        errors = problems(monthly, BERLIN)

    assert list(errors) == ["repeat_count"]
    assert "at most 2 years" in errors["repeat_count"]
    assert problems(monthly._replace(count=24), BERLIN) == {}


@pytest.mark.parametrize("year", [2201, 9998, 9999])
def test_a_date_in_a_far_year_is_refused_not_an_overflow(year):
    far = series(berlin(year, 6, 3, 18), repeat=Repeat.WEEKLY, until=dt.date(year, 6, 30))

    assert list(problems(far, BERLIN)) == ["start"]
    assert list(problems(far._replace(repeat=Repeat.NEVER, until=None), BERLIN)) == ["start"]


def test_the_number_of_dates_in_words_leaves_out_the_skipped_ones():
    weekly = series(
        berlin(2031, 3, 18, 18), repeat=Repeat.WEEKLY, count=4, exceptions=(dt.date(2031, 3, 25),)
    )

    with translation.override("en"):
        assert describe_end(weekly, BERLIN) == "3 dates in all"


@pytest.mark.parametrize("language", ["en", "de"])
def test_skipped_dates_are_written_and_shown_the_same_in_every_language(language):
    field = DateListFormField(required=False)

    with translation.override(language):
        assert field.clean("24.12.2030\n2030-12-25, 1.1.2031") == ["2030-12-24", "2030-12-25", "2031-01-01"]
        assert field.prepare_value(["2030-12-24"]) == "24.12.2030"
        with pytest.raises(ValidationError):
            field.clean("31.02.2030")
