"""The digests' schedule without cron: queued once when a worker starts, each run queues the next."""

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection, connections
from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.worker import worker_started
from notifications.models import DigestSchedule, Frequency, Item
from notifications.tasks import ensure_schedule, next_run, run_digests
from tests.helpers import require
from tests.notifications.helpers import body, news, run_queue

BERLIN = ZoneInfo("Europe/Berlin")
RUN_DIGESTS = "notifications.tasks.run_digests"


def waiting_runs():
    return DBTaskResult.objects.filter(task_path=RUN_DIGESTS, status=TaskResultStatus.READY)


def test_digests_run_at_seven_daily_and_on_mondays():
    tuesday_noon = datetime(2026, 12, 1, 12, 0, tzinfo=BERLIN)
    assert next_run(Frequency.DAILY, tuesday_noon) == datetime(2026, 12, 2, 7, 0, tzinfo=BERLIN)
    assert next_run(Frequency.WEEKLY, tuesday_noon) == datetime(2026, 12, 7, 7, 0, tzinfo=BERLIN)
    monday_seven = datetime(2026, 12, 7, 7, 0, tzinfo=BERLIN)
    assert next_run(Frequency.WEEKLY, monday_seven) == datetime(2026, 12, 14, 7, 0, tzinfo=BERLIN)
    # Across the change to summer time the digest stays at seven o'clock local time.
    after_the_change = next_run(Frequency.DAILY, datetime(2027, 3, 28, 1, 0, tzinfo=BERLIN))
    assert after_the_change.astimezone(UTC) == datetime(2027, 3, 28, 5, 0, tzinfo=UTC)


def test_a_worker_start_queues_each_digest_once(db_queue):
    worker_started.send(sender=None)
    worker_started.send(sender=None)
    ensure_schedule()
    assert waiting_runs().count() == 2
    assert set(DigestSchedule.objects.values_list("frequency", flat=True)) == {"daily", "weekly"}
    for schedule in DigestSchedule.objects.all():
        task = DBTaskResult.objects.get(pk=schedule.task_id)
        assert task.run_after == schedule.next_run_at > timezone.now()


def test_a_lost_run_is_queued_again(db_queue):
    ensure_schedule()
    waiting_runs().filter(args_kwargs__args__0="daily").delete()
    assert ensure_schedule() == ["daily"]
    assert waiting_runs().count() == 2


def test_without_a_queue_that_can_wait_nothing_is_scheduled(db):
    assert ensure_schedule() == []
    assert not DigestSchedule.objects.exists()


def test_the_weekly_run_mails_the_digests_and_queues_the_next_run_once(
    db_queue, inbox, reader, region, news_index, django_capture_on_commit_callbacks
):
    ensure_schedule()
    with django_capture_on_commit_callbacks(execute=True):
        news(news_index, "Neu in Neumarkt", regions=[region])
    schedule = DigestSchedule.objects.get(frequency="weekly")
    slot = schedule.next_run_at
    # The time has come.
    DBTaskResult.objects.filter(pk=schedule.task_id).update(run_after=timezone.now())

    run_queue()

    [message] = inbox.to(reader.email)
    assert "Neu in Neumarkt" in body(message)
    schedule.refresh_from_db()
    assert schedule.next_run_at == next_run(Frequency.WEEKLY, slot)
    assert waiting_runs().count() == 2  # the next weekly run, and the daily one
    # The same run again (a second worker, a retry) finds its slot taken: no second round of digests.
    assert run_digests.call("weekly", slot.isoformat()) == 0
    assert waiting_runs().count() == 2
    assert len(inbox.messages) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_starting_at_the_same_moment_queue_each_digest_once(settings):
    require(connection.vendor == "postgresql", "concurrent transactions need PostgreSQL")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    start = threading.Barrier(4)

    def worker():
        try:
            start.wait()
            ensure_schedule()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert waiting_runs().count() == 2
    assert DigestSchedule.objects.count() == 2


def test_a_run_forgets_items_older_than_any_digest_reaches(db_queue, reader, region, news_index):
    ensure_schedule()
    old = news(news_index, "Alt", regions=[region])
    recent = news(news_index, "Neu", regions=[region])
    Item.objects.filter(object_id=old.pk).update(created_at=timezone.now() - timedelta(days=22))
    schedule = DigestSchedule.objects.get(frequency="daily")
    run_digests.call("daily", schedule.next_run_at.isoformat())
    remaining = set(Item.objects.filter(kind="news").values_list("object_id", flat=True))
    assert recent.pk in remaining
    assert old.pk not in remaining
