"""A recurring event in the hub: its dates in the database, the listings (index, home and region sections, API,
feeds) by next date, the page, the iCal RRULE/EXDATE parsed back and expanded, SEQUENCE, and the admin's errors."""

import datetime as dt
import json
import threading
import time
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import APIToken

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from hub_events.models import EventDate, EventPage
from tests.events.factories import EventPageFactory
from tests.events.helpers import form_data
from tests.helpers import english_tree
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
API = "/api/v3/events/"


def day(value):
    return value.astimezone(BERLIN).date()


@pytest.fixture
def office_hours(make_event):
    """Weekly, first date 20 days ago, ten dates: the next one is tomorrow."""
    return make_event(
        days=-20, hours=1, title="Sprechstunde", kind="office_hours", repeat="weekly", repeat_count=10
    )


@pytest.fixture
def others(make_event):
    return {
        "soon": make_event(days=3, title="Bald"),
        "later": make_event(days=10, title="Später"),
        "over": make_event(
            days=-40, title="Alte Reihe", repeat="weekly", repeat_count=3, recording_url="https://vimeo.com/1"
        ),
    }


def titles(response):
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


def skip(event, *days):
    event.repeat_exceptions = [value.isoformat() for value in days]
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def test_saving_stores_every_date_and_a_single_event_has_one_row(office_hours, others):
    stored = list(EventDate.objects.filter(event=office_hours).values_list("start", "end"))

    assert stored == [tuple(date) for date in office_hours.occurrences()]
    assert len(stored) == 10
    assert EventDate.objects.filter(event=others["soon"]).count() == 1


def test_the_page_methods_give_the_recurring_dates(office_hours):
    now = timezone.now()
    dates = office_hours.occurrences()
    ahead = office_hours.occurrences(after=now, limit=2)

    assert office_hours.is_recurring
    assert not office_hours.is_past
    assert [date.start - dates[0].start for date in dates[:3]] == [
        dt.timedelta(weeks=week) for week in range(3)
    ]
    assert ahead == dates[3:5]
    assert office_hours.occurrence_at(dates[4].start) == dates[4]
    assert office_hours.occurrence_at(dates[4].start + dt.timedelta(days=1)) is None
    assert office_hours.shown_date == dates[3]


def test_an_exception_leaves_the_dates_the_lists_and_occurrence_at(office_hours):
    tomorrow = office_hours.occurrences(after=timezone.now(), limit=1)[0]

    event = skip(office_hours, day(tomorrow.start))

    assert event.occurrence_at(tomorrow.start) is None
    assert len(event.occurrences()) == 9
    assert not EventDate.objects.filter(event=event, start=tomorrow.start).exists()
    assert event.shown_date.start == tomorrow.start + dt.timedelta(weeks=1)


def test_the_index_lists_a_recurring_event_by_its_next_date(client, event_index, office_hours, others):
    html = client.get(event_index.url).content.decode()
    upcoming, past = html.split('id="past-heading"')

    assert upcoming.index("Sprechstunde") < upcoming.index("Bald") < upcoming.index("Später")
    assert "Alte Reihe" in past and "Alte Reihe" not in upcoming
    assert "Sprechstunde" not in past


def test_the_next_date_moves_when_the_coming_one_is_skipped(client, office_hours, others):
    tomorrow = office_hours.occurrences(after=timezone.now(), limit=1)[0]
    skip(office_hours, day(tomorrow.start))

    assert titles(client.get(API)) == ["Bald", "Sprechstunde", "Später"]


def test_the_api_lists_it_as_upcoming_with_its_rule_exceptions_and_next_dates(client, office_hours, others):
    first_day = day(office_hours.start)
    event = skip(office_hours, first_day + dt.timedelta(weeks=5))

    body = client.get(API).json()
    item = next(item for item in body["results"] if item["title"] == "Sprechstunde")

    assert body["count"] == 3
    assert item["is_recurring"] is True
    assert item["recurrence"] == "FREQ=WEEKLY;COUNT=10"
    assert item["exceptions"] == [(first_day + dt.timedelta(weeks=5)).isoformat()]
    assert [dt.datetime.fromisoformat(date["start"]) for date in item["next_dates"]] == [
        date.start for date in event.occurrences(after=timezone.now(), limit=5)
    ]
    assert len(item["next_dates"]) == 5
    assert titles(client.get(API + "?when=past")) == ["Alte Reihe"]
    assert titles(client.get(API + "?when=upcoming&kind=office_hours")) == ["Sprechstunde"]


def test_the_pages_api_shows_the_rule_and_next_dates(client, office_hours):
    body = client.get(f"/api/v3/pages/{office_hours.pk}/").json()

    assert body["is_recurring"] is True
    assert body["recurrence_rule"] == "FREQ=WEEKLY;COUNT=10"
    assert body["repeat_exceptions"] == []
    assert len(body["next_dates"]) == 5


def test_home_and_region_sections_show_the_next_date(client, home_page, region, make_event):
    event = make_event(
        days=-13, hours=1, title="Live-Call Region", regions=[region], repeat="weekly", repeat_count=4
    )
    next_date = event.occurrences(after=timezone.now(), limit=1)[0]
    stamp = f'datetime="{next_date.start.astimezone(BERLIN).isoformat()}"'

    for url in (home_page.url, region.url):
        html = client.get(url).content.decode()
        assert "Live-Call Region" in html, url
        assert stamp in html, url


def test_the_event_page_shows_the_rule_and_the_next_five_dates(client, office_hours):
    skipped = office_hours.occurrences(after=timezone.now())[1]
    event = skip(office_hours, day(skipped.start))

    html = client.get(event.url).content.decode()

    shown = event.occurrences(after=timezone.now(), limit=5)
    listing = html.split('class="event-dates"')[1].split("</ul>")[0]
    assert listing.count("<li>") == 5
    for date in shown:
        assert date.start.astimezone(BERLIN).isoformat() in listing
    assert skipped.start.astimezone(BERLIN).isoformat() not in listing
    assert 'class="event-skipped"' in html
    assert event.recurrence_text in html


def test_the_english_tree_gets_the_dates_too(client, event_index, office_hours, others):
    english_tree()
    english = EventPage.objects.get(translation_key=office_hours.translation_key, locale__language_code="en")

    assert EventDate.objects.filter(event=english).count() == 10
    assert "FREQ=WEEKLY" in next(
        item["recurrence"]
        for item in client.get(API + "?locale=en").json()["results"]
        if item["id"] == english.pk
    )


# --- iCal ----------------------------------------------------------------------------------------------------


@pytest.fixture
def across_summer_time(make_event):
    """Tuesdays at 18:00 from 18 March 2031 to 8 April 2031 (summer time from 30 March), without 25 March."""
    event = make_event(
        title="Sprechstunde",
        start=dt.datetime(2031, 3, 18, 18, 0, tzinfo=BERLIN),
        end=dt.datetime(2031, 3, 18, 19, 0, tzinfo=BERLIN),
        repeat="weekly",
        repeat_until=dt.date(2031, 4, 8),
        repeat_exceptions=["2031-03-25"],
    )
    return event


def vevent(calendar, title):
    return next(item for item in calendar.walk("VEVENT") if str(item["SUMMARY"]) == title)


def expand(component):
    """The dates of a parsed VEVENT, expanded with dateutil from its DTSTART, RRULE and EXDATE."""
    start = component.decoded("DTSTART")
    rule = rrulestr(component["RRULE"].to_ical().decode(), dtstart=start)
    skipped = {value.dt for exdate in _as_list(component["EXDATE"]) for value in exdate.dts}
    return [value for value in rule if value not in skipped]


def _as_list(value):
    return value if isinstance(value, list) else [value]


def test_the_ics_carries_rrule_and_exdate_that_expand_to_the_pages_dates(client, across_summer_time):
    response = client.get(across_summer_time.url + "kalender/")
    text = response.content.decode()
    component = vevent(Calendar.from_ical(response.content), "Sprechstunde")

    assert "DTSTART;TZID=Europe/Berlin:20310318T180000" in text
    assert "RRULE:FREQ=WEEKLY;UNTIL=20310408T215959Z" in text
    assert "EXDATE;TZID=Europe/Berlin:20310325T180000" in text
    expanded = expand(component)
    assert expanded == [date.start for date in across_summer_time.occurrences()]
    assert [value.astimezone(BERLIN).hour for value in expanded] == [18, 18, 18]
    assert [value.utcoffset() for value in expanded] == [dt.timedelta(hours=1), *[dt.timedelta(hours=2)] * 2]


def test_the_feed_holds_a_recurring_event_while_it_has_dates_ahead(client, event_index, office_hours, others):
    calendar = Calendar.from_ical(client.get(event_index.url + "kalender/").content)
    summaries = [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]

    assert summaries == ["Sprechstunde", "Bald", "Später"]
    assert "RRULE" in vevent(calendar, "Sprechstunde")
    assert "RRULE" not in vevent(calendar, "Bald")


def test_a_new_rule_or_exception_counts_the_sequence_up(across_summer_time):
    before = across_summer_time.ical_sequence
    event = skip(across_summer_time, dt.date(2031, 4, 1))
    assert event.ical_sequence == before + 1

    event.repeat = "biweekly"
    event.repeat_exceptions = []
    event.save_revision().publish()
    assert EventPage.objects.get(pk=event.pk).ical_sequence == before + 2


# --- the admin -----------------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def single(event_index, make_event):
    event = make_event(
        title="Webinar",
        start=dt.datetime(2031, 3, 18, 18, 0, tzinfo=BERLIN),
        end=dt.datetime(2031, 3, 18, 19, 0, tzinfo=BERLIN),
    )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def post(client, event, action="publish", **changes):
    data = form_data(event, **changes)
    if action == "publish":
        data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)


def test_an_editor_makes_a_weekly_series_with_an_exception(admin_client, single):
    response = post(
        admin_client,
        single,
        repeat="weekly",
        repeat_until="2031-06-24",
        repeat_exceptions="01.04.2031\n2031-04-15",
    )

    assert response.status_code == 302
    event = EventPage.objects.get(pk=single.pk)
    assert event.repeat_exceptions == ["2031-04-01", "2031-04-15"]
    assert EventDate.objects.filter(event=event).count() == 15 - 2
    assert event.ical_sequence == single.ical_sequence + 1


def test_a_draft_of_a_live_event_keeps_its_public_dates(admin_client, single):
    response = post(admin_client, single, action="draft", repeat="weekly", repeat_count="5")

    assert response.status_code == 302
    assert EventDate.objects.filter(event=single).count() == 1
    assert EventPage.objects.get(pk=single.pk).repeat == ""


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"repeat": "weekly"}, "repeat_until"),
        ({"repeat": "weekly", "repeat_until": "2031-03-01"}, "repeat_until"),
        ({"repeat": "daily", "repeat_until": "2032-03-01"}, "repeat_until"),
        ({"repeat": "weekly", "repeat_until": "2035-03-01"}, "repeat_until"),
        ({"repeat": "weekly", "repeat_count": "99999"}, "repeat_count"),
        ({"repeat": "weekly", "repeat_count": "-3"}, "repeat_count"),
        ({"repeat": "weekly", "repeat_count": "3", "repeat_exceptions": "19.03.2031"}, "repeat_exceptions"),
        (
            {"repeat": "weekly", "repeat_count": "3", "repeat_exceptions": "nächsten Dienstag"},
            "repeat_exceptions",
        ),
        ({"repeat": "weekly", "repeat_count": "3", "repeat_exceptions": "9" * 5000}, "repeat_exceptions"),
        ({"repeat": "sometimes", "repeat_count": "3"}, "repeat"),
        ({"repeat_exceptions": "18.03.2031"}, "repeat_exceptions"),
    ],
)
def test_bad_repetitions_are_form_errors_not_500(admin_client, single, changes, field):
    response = post(admin_client, single, **changes)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert EventDate.objects.filter(event=single).count() == 1


def test_a_far_year_in_the_admin_is_a_form_error_not_500(admin_client, single):
    response = post(
        admin_client,
        single,
        start="9998-06-01 18:00",
        end="9998-06-01 19:00",
        repeat="weekly",
        repeat_until="9998-07-01",
    )

    assert response.status_code == 200
    assert "start" in response.context["form"].errors
    assert EventPage.objects.get(pk=single.pk).start.year == 2031


# --- found in review: the write API, the pages API, two saves at once --------------------------------------


@pytest.fixture
def tuesdays(single):
    """Weekly from Tuesday 18 March 2031, for four dates, without 25 March."""
    single.repeat, single.repeat_count, single.repeat_exceptions = "weekly", 4, ["2031-03-25"]
    single.save_revision().publish()
    return EventPage.objects.get(pk=single.pk)


def patch_event(event, **fields):
    """A PATCH of ``fields`` with an editor's token, published."""
    _, token = APIToken.create_token(user=UserFactory(is_superuser=True, is_staff=True), name="CMS")
    data = {"meta": {"type": "events.EventPage", "action": "publish"}} | fields
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}").patch(
        f"/api/v3/pages/{event.pk}/", data=json.dumps(data), content_type="application/json"
    )


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        # Wednesday: 25 March is no longer a date of the series (the API speaks German by default).
        (
            {"start": "2031-03-19T18:00:00+01:00", "end": "2031-03-19T19:00:00+01:00"},
            "25. März 2031",
        ),
        # The end before the new start: ``end`` is not in a PATCH of ``start`` alone.
        ({"start": "2031-03-19T18:00:00+01:00"}, "Das Ende liegt vor dem Beginn."),
    ],
)
def test_a_patch_that_breaks_the_series_is_a_422_naming_the_problem(tuesdays, fields, named):
    response = patch_event(tuesdays, **fields)

    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert any(named in error["msg"] for error in response.json()["errors"]), response.json()["errors"]
    assert EventPage.objects.get(pk=tuesdays.pk).start == tuesdays.start
    assert EventDate.objects.filter(event=tuesdays).count() == 3


def test_a_patch_past_the_last_day_is_a_422(single):
    single.repeat, single.repeat_until = "weekly", dt.date(2031, 4, 15)
    single.save_revision().publish()

    response = patch_event(single, start="2031-05-06T18:00:00+02:00", end="2031-05-06T19:00:00+02:00")

    assert response.status_code == 422, response.content
    assert any("vor ihrem ersten Termin" in error["msg"] for error in response.json()["errors"])


def test_the_pages_api_gives_next_dates_in_berlin_time(client, make_event, tuesdays):
    start = dt.datetime(2031, 3, 18, 17, 0, tzinfo=dt.UTC)
    once = make_event(title="Einmal", start=start, end=start + dt.timedelta(hours=1))
    first = client.get(f"/api/v3/pages/{once.pk}/").json()["next_dates"]
    weekly = client.get(f"/api/v3/pages/{tuesdays.pk}/").json()["next_dates"]

    assert first == [{"start": "2031-03-18T18:00:00+01:00", "end": "2031-03-18T19:00:00+01:00"}]
    assert weekly[1]["start"].endswith("+02:00") and weekly[1]["end"].endswith("+02:00")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_of_the_same_event_at_once_both_succeed(event_index):
    """The first save holds its transaction open until the second waits on a lock; then both finish."""
    start = dt.datetime(2031, 3, 18, 18, 0, tzinfo=BERLIN)
    event = EventPageFactory(
        parent=event_index, start=start, end=start + dt.timedelta(hours=1), repeat="weekly", repeat_count=3
    )
    first_saved, go_on, failures = threading.Event(), threading.Event(), []

    def save(hold):
        try:
            with transaction.atomic():
                EventPage.objects.get(pk=event.pk).store_dates()
                if hold:
                    first_saved.set()
                    go_on.wait(timeout=30)
        except Exception as error:  # noqa: BLE001  (reported by the test)
            failures.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=save, args=(True,))
    first.start()
    first_saved.wait(timeout=30)
    second = threading.Thread(target=save, args=(False,))
    second.start()
    for _ in range(300):  # until the second save waits for the first one's lock
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            if cursor.fetchone()[0]:
                break
        time.sleep(0.05)
    go_on.set()
    first.join(timeout=30)
    second.join(timeout=30)

    assert failures == []
    assert EventDate.objects.filter(event=event).count() == 3
