"""A member's follows are in their data export and go with their account, and so do the mails still queued."""

from django.utils import timezone

from members.privacy import delete_account, export_user_data
from notifications.models import Follow, Frequency, Preferences
from notifications.tasks import send_digest
from tests.notifications.helpers import news, run_queue


def test_the_export_holds_the_follows_with_the_weekly_default(reader, region, other_region, fields):
    Follow.objects.create(user=reader, field=fields[0], frequency=Frequency.DAILY)
    Follow.objects.create(user=reader, region=other_region, frequency=Frequency.IMMEDIATELY)  # not joined
    Preferences.objects.create(user=reader, reports=False)
    data = export_user_data(reader)["notifications"]
    assert data["regions"] == [
        {"region": region.title, "frequency": "weekly", "joined": True},
        {"region": other_region.title, "frequency": "immediately", "joined": False},
    ]
    assert data["fields_of_action"] == [{"field": fields[0].label, "frequency": "daily"}]
    assert data["reports"] is False
    assert data["all_off"] is False


def test_deleting_the_account_removes_the_follows_and_stops_queued_digests(
    db_queue, inbox, reader, region, fields, news_index
):
    Follow.objects.create(user=reader, field=fields[0], frequency=Frequency.WEEKLY)
    Preferences.objects.create(user=reader)
    news(news_index, "Neu in Neumarkt", regions=[region])
    run_queue()  # the announcement: nobody follows immediately
    send_digest.enqueue(reader.pk, "weekly", timezone.now().isoformat())
    delete_account(reader)
    assert not Follow.objects.exists()
    assert not Preferences.objects.exists()
    assert run_queue() == 1
    assert inbox.messages == []


def test_switching_everything_off_stops_queued_digests(db_queue, inbox, reader, region, news_index):
    news(news_index, "Neu in Neumarkt", regions=[region])
    run_queue()
    send_digest.enqueue(reader.pk, "weekly", timezone.now().isoformat())
    Preferences.objects.create(user=reader, all_off=True)
    assert run_queue() == 1
    assert inbox.messages == []
