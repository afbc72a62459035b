"""E-mails to topic and forum subscribers: after commit, once per person, never to the author."""

import smtplib

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

import pytest
from machina.apps.forum_conversation.models import Topic

from forum import structure
from forum.models import ForumSubscription
from home.models import FieldOfAction
from tests.forum.factories import make_topic
from tests.forum.helpers import create_topic_url, forum_url, post_data, reply_url
from tests.members.factories import UserFactory


def test_forum_subscribe_and_unsubscribe(client, field_forum, member, unverified):
    client.force_login(member)
    page = client.get(forum_url(field_forum)).content.decode()
    assert "Forum abonnieren" in page
    assert client.get(reverse("hub_forum:forum_subscribe", args=[field_forum.pk])).status_code == 405
    assert client.post(reverse("hub_forum:forum_subscribe", args=[field_forum.pk])).status_code == 302
    assert ForumSubscription.objects.filter(user=member, forum=field_forum).exists()
    assert "Forum-Abo beenden" in client.get(forum_url(field_forum)).content.decode()
    client.post(reverse("hub_forum:forum_unsubscribe", args=[field_forum.pk]))
    assert not ForumSubscription.objects.exists()
    client.force_login(unverified)
    assert client.post(reverse("hub_forum:forum_subscribe", args=[field_forum.pk])).status_code == 403


def test_reply_mails_topic_and_forum_subscribers_once_and_not_the_author(
    client, field_forum, member, django_capture_on_commit_callbacks
):
    author = UserFactory(verified=True, display_name="Ada")
    topic_fan = UserFactory(verified=True)
    forum_fan = UserFactory(verified=True)
    both = UserFactory(verified=True)
    topic = make_topic(field_forum, member, subject="Solarbank")
    topic.subscribers.add(topic_fan, both, author)
    ForumSubscription.objects.create(user=forum_fan, forum=field_forum)
    ForumSubscription.objects.create(user=both, forum=field_forum)
    ForumSubscription.objects.create(user=author, forum=field_forum)
    mail.outbox.clear()

    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reply_url(topic), post_data("Re: Solarbank", "Ich baue mit."))
    assert response.status_code == 302
    assert callbacks  # sent after commit
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([topic_fan.email, forum_fan.email, both.email])
    message = mail.outbox[0]
    assert message.subject == "Neue Antwort: Solarbank"
    assert "Ada hat im Thema „Solarbank“" in message.body
    assert "http://testserver/forum/forum/" in message.body and "?post=" in message.body
    assert "Abo beenden" in message.body


def test_new_topic_mails_forum_subscribers(client, field_forum, member, django_capture_on_commit_callbacks):
    fan = UserFactory(verified=True)
    ForumSubscription.objects.create(user=fan, forum=field_forum)
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(create_topic_url(field_forum), post_data("Wärmepumpen", "Erfahrungen?"))
    assert [m.to for m in mail.outbox] == [[fan.email]]
    assert mail.outbox[0].subject == "Neues Thema im Forum „Energie und Verkehr“: Wärmepumpen"


def test_no_mail_before_commit_or_for_unapproved_posts(
    field_forum, member, django_capture_on_commit_callbacks
):
    fan = UserFactory(verified=True)
    ForumSubscription.objects.create(user=fan, forum=field_forum)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_topic(field_forum, member)
    # The forum's own callback (the cache bump and the notifications app queue theirs too).
    notifications = [callback for callback in callbacks if "notify_subscribers" in callback.__qualname__]
    assert mail.outbox == [] and len(notifications) == 1
    topic = Topic.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        topic.posts.create(poster=member, subject="Re", content="wartet", approved=False)
    assert mail.outbox == []


def test_no_mail_to_subscribers_who_may_no_longer_read(
    field_forum, region, region_forum, member, django_capture_on_commit_callbacks
):
    fan = UserFactory(verified=True)
    ForumSubscription.objects.create(user=fan, forum=region_forum)
    structure.close_region_forum(region)
    with django_capture_on_commit_callbacks(execute=True):
        make_topic(region_forum, UserFactory(verified=True))
    assert mail.outbox == []


def test_topic_subscription_is_for_verified_members(client, field_forum, member, unverified):
    topic = make_topic(field_forum, member)
    client.force_login(unverified)
    assert client.post(reverse("forum_member:topic_subscribe", args=[topic.pk])).status_code == 403
    reader = UserFactory(verified=True)
    client.force_login(reader)
    assert client.post(reverse("forum_member:topic_subscribe", args=[topic.pk])).status_code == 302
    assert topic.subscribers.filter(pk=reader.pk).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_a_wrapping_transaction_topics_and_replies_are_told_apart(client, no_interval):
    """on_commit runs at once inside Post.save() here, before machina sets topic.first_post."""
    field_forum = _transactional_field_forum()
    member, fan = UserFactory(verified=True), UserFactory(verified=True)
    ForumSubscription.objects.create(user=fan, forum=field_forum)
    client.force_login(member)
    assert (
        client.post(create_topic_url(field_forum), post_data("Wärmepumpen", "Erfahrungen?")).status_code
        == 302
    )
    assert [m.subject for m in mail.outbox] == [f"Neues Thema im Forum „{field_forum.name}“: Wärmepumpen"]
    topic = Topic.objects.get(subject="Wärmepumpen")
    mail.outbox.clear()
    assert client.post(reply_url(topic), post_data("Re: Wärmepumpen", "Gute!")).status_code == 302
    assert [m.subject for m in mail.outbox] == ["Neue Antwort: Wärmepumpen"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failing_mail_server_does_not_break_posting(client, settings, no_interval):
    settings.EMAIL_BACKEND = "tests.forum.test_subscriptions.BrokenBackend"
    field_forum = _transactional_field_forum()
    member, fan = UserFactory(verified=True), UserFactory(verified=True)
    ForumSubscription.objects.create(user=fan, forum=field_forum)
    client.force_login(member)
    response = client.post(create_topic_url(field_forum), post_data("Kaputt", "Der Server streikt."))
    assert response.status_code == 302
    topic = Topic.objects.get(subject="Kaputt")
    assert client.post(reply_url(topic), post_data("Re: Kaputt", "Trotzdem.")).status_code == 302
    assert topic.posts.count() == 2


def test_subject_has_no_line_breaks(field_forum, member):
    from forum import notifications

    fan = UserFactory(verified=True)
    ForumSubscription.objects.create(user=fan, forum=field_forum)
    topic = make_topic(field_forum, member, subject="Zeile\r\nBcc: x@example.org")
    mail.outbox.clear()
    notifications.notify_subscribers(topic.posts.first().pk)
    assert mail.outbox[0].subject == f"Neues Thema im Forum „{field_forum.name}“: Zeile Bcc: x@example.org"


def _transactional_field_forum():
    """A transactional test flushes the tables, the data migrations' fields of action included."""
    structure.ensure_structure()
    field, _created = FieldOfAction.objects.get_or_create(slug="energie", defaults={"name": "Energie"})
    return structure.field_forum(field)


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPException("Der Mailserver ist nicht erreichbar.")
