"""Moderators hear about reports in their forums, editors about applications to start a region; both can
switch that off."""

from django.urls import reverse

import pytest

from notifications.models import Preferences
from tests.members.factories import UserFactory
from tests.notifications.helpers import body, topic, unsubscribe_path
from tests.region_applications.factories import RegionApplicationPageFactory, add_fields
from tests.region_applications.helpers import valid_data
from tests.regions.helpers import logged_in
from tests.working_groups.factories import WorkingGroupFactory


def report(reporter, post):
    return logged_in(reporter).post(
        reverse("hub_forum:report_post", args=[post.pk]), {"reason": "Beleidigend."}
    )


def test_a_report_in_a_region_forum_goes_to_the_regions_team(
    inbox, moderator, region, forums, editor, django_capture_on_commit_callbacks
):
    forum = forums.ensure_region_forum(region)[0]
    reported = topic(forum, UserFactory(verified=True), "Streit")
    reporter = UserFactory(verified=True)
    inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert report(reporter, reported.first_post).status_code == 302
    assert [recipients for recipients, _message in inbox.messages] == [[moderator.email]]
    message = inbox.messages[0][1]
    assert "http://testserver/forum/meldungen/" in body(message)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # One click switches these mails off.
    assert logged_in(reporter).post(unsubscribe_path(message), {"what": "this"}).status_code == 200
    assert Preferences.objects.get(user=moderator).reports is False
    inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report(UserFactory(verified=True), reported.first_post)
    assert inbox.messages == []


def test_a_report_in_a_regional_groups_forum_goes_to_the_regions_team(
    inbox, moderator, region, forums, editor, django_capture_on_commit_callbacks
):
    group = WorkingGroupFactory(region=region)
    reported = topic(forums.group_forum(group), UserFactory(verified=True), "Streit")
    inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert report(UserFactory(verified=True), reported.first_post).status_code == 302
    assert [recipients for recipients, _message in inbox.messages] == [[moderator.email]]


def test_a_report_in_a_field_forum_goes_to_the_editors(
    inbox, editor, forums, fields, django_capture_on_commit_callbacks
):
    reported = topic(forums.field_forum(fields[0]), UserFactory(verified=True), "Streit")
    inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report(UserFactory(verified=True), reported.first_post)
    assert [recipients for recipients, _message in inbox.messages] == [[editor.email]]


@pytest.fixture
def application_page(home_page):
    return add_fields(RegionApplicationPageFactory(parent=home_page, slug="region-starten"))


def test_editors_hear_of_a_new_application_unless_the_page_mails_them_already(
    inbox, client, application_page, editor, django_capture_on_commit_callbacks
):
    in_team = UserFactory(editor=True, email="regionallabor@mitmach-hub.example")
    switched_off = UserFactory(editor=True)
    Preferences.objects.create(user=switched_off, applications=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(application_page.url, valid_data()).status_code == 200
    to_editor = inbox.to(editor.email)
    assert len(to_editor) == 1
    assert "/admin/region_applications/edit/" in body(to_editor[0])
    assert len(inbox.to(in_team.email)) == 1  # the page's own notice, not a second one
    assert inbox.to(switched_off.email) == []


def test_a_report_in_the_forum_of_a_region_without_a_team_goes_to_the_editors(
    inbox, region, forums, editor, django_capture_on_commit_callbacks
):
    forum = forums.ensure_region_forum(region)[0]
    reported = topic(forum, UserFactory(verified=True), "Streit")
    inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report(UserFactory(verified=True), reported.first_post)
    assert [recipients for recipients, _message in inbox.messages] == [[editor.email]]
