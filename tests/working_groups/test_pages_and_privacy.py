"""Where groups appear (directory, region page, profile), their query counts, the export and account deletion."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

import pytest

from members.privacy import delete_account
from tests.events.factories import EventPageFactory
from tests.members.factories import UserFactory
from tests.working_groups.factories import ProgressReportFactory, WorkingGroupFactory, add_member
from working_groups.models import GroupEvent, Membership, ProgressReport
from working_groups.page import upcoming_dates

BERLIN = ZoneInfo("Europe/Berlin")

DIRECTORY = reverse("working_groups:directory")


def test_directory_lists_active_groups_and_filters(client, group, closed_group, other_region):
    WorkingGroupFactory(name="Netzwerk-AG")
    WorkingGroupFactory(name="Fremde AG", region=other_region)
    WorkingGroupFactory(name="Schlafende AG", active=False)
    html = client.get(DIRECTORY).content.decode()
    assert "Initiativkreis Energie" in html and "Netzwerk-AG" in html and "Schlafende AG" not in html
    html = client.get(DIRECTORY, {"region": "neumarkt"}).content.decode()
    assert "AG Finanzen" in html and "Fremde AG" not in html and "Netzwerk-AG" not in html
    html = client.get(DIRECTORY, {"region": "netzwerk"}).content.decode()
    assert "Netzwerk-AG" in html and "AG Finanzen" not in html


def test_editors_and_teams_find_the_way_to_set_up_a_group(client, group, editor, moderator, member):
    add = reverse("wagtailsnippets_working_groups_workinggroup:add")
    for user, offered in ((editor, True), (moderator, True), (member, False)):
        client.force_login(user)
        assert (add in client.get(DIRECTORY).content.decode()) is offered


def test_directory_in_english(client, group):
    group.name_en = "Energy circle"
    group.save()
    response = client.get("/en/mitmachen/gruppen/")
    assert response.status_code == 200 and "Energy circle" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"region": "nirgendwo"}, {"field": "gibt-es-nicht"}, {"region": "x" * 500}, {"field": "a\x00b"}],
)
def test_directory_bad_filters_are_a_400(client, group, params):
    assert client.get(DIRECTORY, params).status_code == 400


@pytest.mark.parametrize("page", ["99", "x", "9" * 30])
def test_directory_bad_pages_are_a_4xx(client, group, page):
    assert 400 <= client.get(DIRECTORY, {"page": page}).status_code < 500


def test_directory_query_count_does_not_grow(client, region, django_assert_max_num_queries):
    def fill(count):
        for _ in range(count):
            add_member(WorkingGroupFactory(region=region), UserFactory())

    fill(2)
    with django_assert_max_num_queries(12) as few:
        client.get(DIRECTORY)
    fill(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(DIRECTORY)


def test_group_page_query_count_does_not_grow(client, group, contact, django_assert_max_num_queries):
    def fill(count):
        for _ in range(count):
            user = UserFactory(verified=True)
            add_member(group, user, show_name=True)
            ProgressReportFactory(group=group, author=user)

    fill(2)
    client.force_login(contact)
    with django_assert_max_num_queries(40) as few:
        client.get(group.get_absolute_url())
    fill(12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(group.get_absolute_url())


def test_region_page_shows_its_groups_in_one_query(client, region, group, other_region):
    WorkingGroupFactory(name="Fremde AG", region=other_region)
    html = client.get(region.url).content.decode()
    assert "Initiativkreis Energie" in html and "Fremde AG" not in html
    assert "region-groups-heading" in html


def test_region_page_query_count_does_not_grow_with_groups(client, region, django_assert_max_num_queries):
    WorkingGroupFactory(region=region)
    with django_assert_max_num_queries(40) as few:
        client.get(region.url)
    for _ in range(10):
        add_member(WorkingGroupFactory(region=region), UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(region.url)


def test_profile_shows_my_groups_and_requests(client, group, closed_group, member):
    add_member(group, member)
    Membership.objects.create(group=closed_group, user=member, status="requested")
    client.force_login(member)
    html = client.get(reverse("members:profile")).content.decode()
    assert "groups-heading" in html
    assert group.get_absolute_url() in html and closed_group.get_absolute_url() in html


def test_export_has_memberships_requests_and_reports(client, group, closed_group, contact):
    ProgressReportFactory(group=group, author=contact, title="Mein Bericht")
    client.force_login(contact)
    data = json.loads(client.get(reverse("members:data_export")).content)
    assert {row["group"] for row in data["working_groups"]} == {group.name, closed_group.name}
    assert all(row["contact_person"] for row in data["working_groups"])
    assert [row["title"] for row in data["working_group_reports"]] == ["Mein Bericht"]


def test_deletion_removes_memberships_and_keeps_reports_without_the_author(group, contact):
    ProgressReportFactory(group=group, author=contact, title="Bleibt")
    delete_account(contact)
    assert not Membership.objects.filter(user_id=contact.pk).exists()
    report = ProgressReport.objects.get(title="Bleibt")
    assert report.author is None


def test_the_group_page_shows_a_monthly_series_by_its_next_date(client, group, event_index):
    # First date 40 days ago, then every month: the series goes on after its first date.
    start = timezone.now().replace(microsecond=0) - dt.timedelta(days=40)
    series = EventPageFactory(
        parent=event_index,
        title="Monatstreffen",
        start=start,
        end=start + dt.timedelta(hours=2),
        repeat="monthly_day",
        repeat_count=6,
    )
    soon = EventPageFactory(
        parent=event_index,
        title="Einmalig",
        start=start + dt.timedelta(days=200),
        end=start + dt.timedelta(days=200, hours=1),
    )
    GroupEvent.objects.create(group=group, event=series)
    GroupEvent.objects.create(group=group, event=soon)
    next_date = series.upcoming_dates(limit=1)[0].start

    dates = upcoming_dates(group)

    assert [event.title for event in dates] == ["Monatstreffen", "Einmalig"]
    assert dates[0].next_start == next_date
    html = client.get(group.get_absolute_url()).content.decode()
    assert f'datetime="{next_date.astimezone(BERLIN).isoformat()}"' in html
