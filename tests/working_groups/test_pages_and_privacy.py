"""Where groups appear (directory, region page, profile), their query counts, the export and account deletion."""

import json

from django.urls import reverse

import pytest

from members.privacy import delete_account
from tests.members.factories import UserFactory
from tests.working_groups.factories import ProgressReportFactory, WorkingGroupFactory, add_member
from working_groups.models import Membership, ProgressReport

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
