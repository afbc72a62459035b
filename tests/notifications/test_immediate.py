"""Immediate notifications: one task per new item, mailed to whoever follows it "immediately" when it runs."""

from datetime import timedelta

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from common.one_click import make_token
from members.privacy import delete_account
from news.models import NewsPage
from notifications.mails import unsubscribe_token
from notifications.models import Follow, Frequency, Item, Preferences
from notifications.tasks import announce
from tests.members.factories import UserFactory
from tests.notifications.helpers import body, event, initiative, news, run_queue, topic, unsubscribe_path
from tests.regions.helpers import join


@pytest.fixture
def eager(reader, region):
    Follow.objects.create(user=reader, region=region, frequency=Frequency.IMMEDIATELY)
    return reader


def test_publishing_mails_the_members_who_follow_immediately(
    inbox, eager, region, other_region, fields, news_index, django_capture_on_commit_callbacks
):
    weekly = UserFactory(verified=True)
    join(weekly, region, agreed=False)
    by_field = UserFactory(verified=True)
    Follow.objects.create(user=by_field, field=fields[0], frequency=Frequency.IMMEDIATELY)
    unconfirmed = UserFactory(unverified=True)
    join(unconfirmed, region, agreed=False)
    Follow.objects.create(user=unconfirmed, region=region, frequency=Frequency.IMMEDIATELY)

    with django_capture_on_commit_callbacks(execute=True):
        news(news_index, "Neu in Neumarkt", regions=[region])
    assert [recipients for recipients, _message in inbox.messages] == [[eager.email]]
    message = inbox.messages[0][1]
    assert "Neu in Neumarkt" in message["Subject"]
    assert "http://testserver/neuigkeiten/" in body(message)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        initiative(other_region, "Im Handlungsfeld", fields=[fields[0]])
    assert [recipients for recipients, _message in inbox.messages] == [[by_field.email]]


def test_each_item_is_announced_once(inbox, eager, region, news_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = news(news_index, "Neu in Neumarkt", regions=[region])
        page.save_revision().publish()
    assert len(inbox.messages) == 1
    assert (
        announce.call(Item.objects.get(kind="news", object_id=page.pk).pk) == 0
    )  # the task run again sends nothing
    assert len(inbox.messages) == 1


def test_topics_go_only_to_those_who_may_read_the_forum(
    inbox, eager, region, forums, django_capture_on_commit_callbacks
):
    forum = forums.ensure_region_forum(region)[0]
    with django_capture_on_commit_callbacks(execute=True):
        topic(forum, UserFactory(verified=True), "Frage an Neumarkt")
    assert [recipients for recipients, _message in inbox.messages] == [[eager.email]]
    assert "Frage an Neumarkt" in inbox.messages[0][1]["Subject"]


def test_a_deleted_account_or_an_unsubscribe_stops_an_announcement_already_queued(
    inbox, eager, region, news_index, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        news(news_index, "Neu in Neumarkt", regions=[region])
    Client().post(
        f"/mitglied/benachrichtigungen/abmelden/{make_token('notifications', f'{eager.pk}:immediately')}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    other = UserFactory(verified=True)
    join(other, region, agreed=False)
    Follow.objects.create(user=other, region=region, frequency=Frequency.IMMEDIATELY)
    delete_account(other)
    run_queue()
    announced = DBTaskResult.objects.get(task_path="notifications.tasks.announce")
    assert announced.status == TaskResultStatus.SUCCESSFUL
    assert announced.return_value == 0  # ran, and mailed nobody
    assert inbox.messages == []


def test_one_click_unsubscribe_stops_further_mails_without_a_login(
    inbox, eager, region, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        news(news_index, "Erste", regions=[region])
    path = unsubscribe_path(inbox.messages[0][1])
    client = Client(enforce_csrf_checks=True)

    # GET (a mail scanner following the link) changes nothing.
    page = client.get(path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert Follow.objects.get(user=eager, region=region).frequency == Frequency.IMMEDIATELY

    # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click", without a CSRF token or a session.
    answer = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert answer.status_code == 200
    assert Follow.objects.get(user=eager, region=region).frequency == Frequency.NEVER

    inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        news(news_index, "Zweite", regions=[region])
    assert inbox.messages == []


def test_the_unsubscribe_page_can_stop_everything(client, eager):
    path = f"/mitglied/benachrichtigungen/abmelden/{unsubscribe_token(eager, 'weekly')}/"
    assert client.post(path, {"what": "all"}).status_code == 200
    assert Preferences.objects.get(user=eager).all_off


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        make_token("newsletter", "1:immediately"),
        make_token("notifications", "1:everything"),
        make_token("notifications", "999999999999999999999999:weekly"),
        "x" * 5000,
    ],
)
def test_a_forged_or_foreign_token_is_refused(client, eager, token):
    for method in (client.get, client.post):
        assert method(f"/mitglied/benachrichtigungen/abmelden/{token}/").status_code == 404
    assert Follow.objects.get(user=eager).frequency == Frequency.IMMEDIATELY


def test_unsubscribing_a_deleted_account_is_a_404(client, eager):

    path = f"/mitglied/benachrichtigungen/abmelden/{unsubscribe_token(eager, 'weekly')}/"
    eager.delete()
    assert (
        client.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 404
    )


def test_only_what_is_new_is_announced_not_edits_of_older_things(
    inbox, eager, region, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = news(news_index, "Neu in Neumarkt", regions=[region])
        approved = initiative(region, "Repair-Café")
    assert len(inbox.messages) == 2
    Item.objects.all().delete()  # as the digest runs forget items older than any digest reaches
    inbox.clear()

    page = NewsPage.objects.get(pk=page.pk)  # as the editor opens it
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Neu in Neumarkt (korrigiert)"
        page.save_revision().publish()  # a typo fixed, weeks later
        approved.description = "Jetzt auch samstags."
        approved.save()

    assert [message["Subject"] for _recipients, message in inbox.messages] == []
    assert not Item.objects.exists()


def test_a_publish_scheduled_for_later_is_announced_when_the_page_goes_live(
    inbox, eager, region, news_index, django_capture_on_commit_callbacks
):
    page = news(news_index, "Bald in Neumarkt", regions=[region], live=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()  # scheduled: Wagtail sends page_published, the page is not live yet
    page.refresh_from_db()
    assert not page.live and revision.approved_go_live_at is not None
    assert not Item.objects.exists() and inbox.messages == []

    with django_capture_on_commit_callbacks(execute=True):
        due = timezone.now() - timedelta(seconds=1)  # the hour has passed
        revision.approved_go_live_at = due
        revision.content["go_live_at"] = due.isoformat()
        revision.save()
        call_command("publish_scheduled")
    assert [recipients for recipients, _message in inbox.messages] == [[eager.email]]


def test_a_topic_approved_by_a_moderator_later_is_announced(
    inbox, eager, region, forums, django_capture_on_commit_callbacks
):
    forum = forums.ensure_region_forum(region)[0]
    with django_capture_on_commit_callbacks(execute=True):
        waiting = topic(forum, UserFactory(verified=True), "Wer repariert mit?")
        first = waiting.first_post
        first.approved = False
        first.save()
        waiting.approved = False
        waiting.save()
    Item.objects.all().delete()
    inbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first.approved = True
        first.save()  # machina's moderation queue approves the post; the topic follows after the signal

    assert Item.objects.filter(kind="topic", object_id=waiting.pk).exists()


def test_an_event_of_two_regions_reaches_the_members_of_each_once(
    inbox, eager, region, other_region, event_index, django_capture_on_commit_callbacks
):
    both = UserFactory(verified=True)
    for joined in (region, other_region):
        join(both, joined, agreed=False)
        Follow.objects.create(user=both, region=joined, frequency=Frequency.IMMEDIATELY)
    only_other = UserFactory(verified=True)
    join(only_other, other_region, agreed=False)
    Follow.objects.create(user=only_other, region=other_region, frequency=Frequency.IMMEDIATELY)

    with django_capture_on_commit_callbacks(execute=True):
        event(event_index, "Regionalgespräch", regions=[region, other_region])

    recipients = sorted(address for addresses, _message in inbox.messages for address in addresses)
    assert recipients == sorted([eager.email, both.email, only_other.email])
