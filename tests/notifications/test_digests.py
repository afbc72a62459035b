"""Digests hold exactly what is new in the regions and fields a member follows, and nothing is sent when there
is nothing new; mails go through the queue to a real SMTP server."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from newsletters.models import Suppression
from notifications.models import Follow, Frequency, Item, Preferences
from notifications.tasks import send_digest
from regions.models import ApprovalStatus
from tests.helpers import english_tree
from tests.members.factories import UserFactory
from tests.notifications.helpers import body, event, initiative, news, topic
from tests.regions.helpers import join


def digest(user, frequency="weekly"):
    return send_digest.call(user.pk, frequency, timezone.now().isoformat())


@pytest.fixture
def last_week(reader):
    """The reader's last weekly digest went out a moment ago: what was logged before is old."""
    Preferences.objects.create(user=reader, weekly_until=timezone.now())
    return reader


def test_the_weekly_digest_holds_exactly_the_new_items_of_the_followed_regions_and_fields(
    inbox,
    reader,
    region,
    other_region,
    fields,
    news_index,
    event_index,
    forums,
    django_capture_on_commit_callbacks,
):
    followed_field, other_field = fields
    Follow.objects.create(user=reader, field=followed_field, frequency=Frequency.WEEKLY)
    author = UserFactory(verified=True)
    with django_capture_on_commit_callbacks(execute=True):
        old = news(news_index, "Alte Nachricht", regions=[region])
        Item.objects.update(created_at=timezone.now() - timedelta(days=3))
        Preferences.objects.create(user=reader, weekly_until=timezone.now() - timedelta(days=1))

        news(news_index, "Neu in Neumarkt", regions=[region])
        news(news_index, "Neu anderswo", regions=[other_region])
        news(news_index, "Anderswo, aber im Handlungsfeld", regions=[other_region], fields=[followed_field])
        news(news_index, "Entwurf in Neumarkt", regions=[region], live=False)
        event(event_index, "Treffen in Neumarkt", region=region)
        event(event_index, "Treffen anderswo", region=other_region, fields=[other_field])
        initiative(region, "Repair-Café Neumarkt")
        initiative(region, "Noch nicht freigegeben", status=ApprovalStatus.PENDING)
        initiative(other_region, "Initiative im Handlungsfeld", fields=[followed_field])
        topic(forums.ensure_region_forum(region)[0], author, "Frage an Neumarkt")
        topic(forums.ensure_region_forum(other_region)[0], author, "Frage anderswo")
        hidden = topic(forums.field_forum(followed_field), author, "Wartet auf Freigabe")
        hidden.approved = False
        hidden.save()
        old.save_revision().publish()  # published again: still the old item
    inbox.clear()

    assert digest(reader) == 6

    [message] = inbox.to(reader.email)
    text = body(message)
    for title in (
        "Neu in Neumarkt",
        "Anderswo, aber im Handlungsfeld",
        "Treffen in Neumarkt",
        "Repair-Café Neumarkt",
        "Initiative im Handlungsfeld",
        "Frage an Neumarkt",
    ):
        assert title in text
    for title in (
        "Alte Nachricht",
        "Neu anderswo",
        "Entwurf",
        "Treffen anderswo",
        "Noch nicht freigegeben",
        "Frage anderswo",
        "Wartet auf Freigabe",
    ):
        assert title not in text
    assert "http://testserver/" in text
    assert " 6 " in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http://testserver/mitglied/benachrichtigungen/abmelden/")

    # Nothing new since: no mail.
    inbox.clear()
    assert digest(reader) == 0
    assert inbox.messages == []


def test_a_digest_with_nothing_new_is_not_sent(inbox, last_week, region, other_region, news_index):
    news(news_index, "Nur anderswo", regions=[other_region])
    assert digest(last_week) == 0
    assert inbox.messages == []


def test_joined_regions_come_weekly_by_default_not_daily(inbox, reader, region, news_index):
    news(news_index, "Neu in Neumarkt", regions=[region])
    assert digest(reader, "daily") == 0
    assert inbox.messages == []
    assert digest(reader, "weekly") == 1
    assert "Neu in Neumarkt" in body(inbox.to(reader.email)[0])


def test_the_daily_digest_has_what_is_followed_daily(inbox, reader, region, other_region, fields, news_index):
    join(reader, other_region, agreed=False)
    Follow.objects.create(user=reader, region=other_region, frequency=Frequency.DAILY)
    news(news_index, "Neu anderswo", regions=[other_region])
    news(news_index, "Neu in Neumarkt", regions=[region])
    assert digest(reader, "daily") == 1
    text = body(inbox.to(reader.email)[0])
    assert "Neu anderswo" in text
    assert "Neu in Neumarkt" not in text


def test_a_region_left_is_no_longer_in_the_digest(inbox, reader, region, news_index):
    reader.region_memberships.all().delete()
    news(news_index, "Neu in Neumarkt", regions=[region])
    assert digest(reader) == 0
    assert inbox.messages == []


@pytest.mark.parametrize("who", ["inactive", "unconfirmed", "suppressed", "all_off", "never"])
def test_no_digest_to_whom_must_not_get_one(inbox, reader, region, news_index, who):
    if who == "inactive":
        type(reader).objects.filter(pk=reader.pk).update(is_active=False)
    elif who == "unconfirmed":
        EmailAddress.objects.filter(user=reader).update(verified=False)
    elif who == "suppressed":
        Suppression.objects.create(email=reader.email, reason="bounced")
    elif who == "all_off":
        Preferences.objects.create(user=reader, all_off=True)
    else:
        Follow.objects.create(user=reader, region=region, frequency=Frequency.NEVER)
    news(news_index, "Neu in Neumarkt", regions=[region])
    assert digest(reader) == 0
    assert inbox.messages == []


def test_english_members_get_the_english_digest_with_links_to_english_pages(
    inbox, reader, region, news_index
):
    reader.language = "en"
    reader.save(update_fields=["language"])
    news(news_index, "Neu in Neumarkt", regions=[region])
    english_tree()
    assert digest(reader) == 1
    message = inbox.to(reader.email)[0]
    assert "new item" in message["Subject"]
    assert "http://testserver/en/" in body(message)


def test_building_a_digest_takes_the_same_number_of_queries_for_few_and_many_items(
    reader, region, fields, news_index, event_index, forums, django_assert_num_queries
):
    Follow.objects.create(user=reader, field=fields[0], frequency=Frequency.WEEKLY)
    author = UserFactory(verified=True)
    forum = forums.ensure_region_forum(region)[0]

    def add(count, start):
        for number in range(start, start + count):
            news(news_index, f"Nachricht {number}", regions=[region], fields=[fields[0]])
            event(event_index, f"Treffen {number}", region=region)
            initiative(region, f"Initiative {number}", fields=[fields[0]])
            topic(forum, author, f"Thema {number}")

    def measure():
        Preferences.objects.filter(user=reader).update(weekly_until=None)
        with CaptureQueriesContext(connection) as queries:
            sent = digest(reader)
        return sent, len(queries)

    add(1, 0)
    measure()  # caches that outlive a digest (content types, locales, site root paths) are warm now
    few = measure()
    add(5, 1)
    many = measure()
    assert few[0] == 4
    assert many[0] == 24
    assert many[1] == few[1]
