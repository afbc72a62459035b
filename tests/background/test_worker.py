"""The task worker as production runs it: a separate process, a real SMTP server, and a kill in mid-batch."""

import asyncio
import os
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.db import connection
from django.utils import timezone

import pytest
from aiosmtpd.controller import Controller
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.worker import queue_state, requeue_abandoned, worker_id
from tests.helpers import require

BASE_DIR = Path(__file__).resolve().parents[2]
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queue_mails(settings):
    """Mails go through the queue as in production: stored tasks, sent only by a worker."""
    settings.TASKS = QUEUED
    settings.EMAIL_BACKEND = "background.mail.QueuedEmailBackend"


class SlowSink:
    """An SMTP server's handler that takes its time over each recipient and records the mails it accepted.

    The pause is in RCPT, before the message is transferred: a worker killed there has not handed the mail over.
    (Killed after the end of DATA and before the server's "250", nobody can know whether the mail was taken: the
    one window docs/deploy.md names in which a mail may go out twice.)
    """

    def __init__(self, seconds):
        self.seconds = seconds
        self.accepted = []
        self.receiving = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.receiving.set()
        await asyncio.sleep(self.seconds)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.accepted.extend(envelope.rcpt_tos)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink():
    require(
        connection.vendor == "postgresql", "the worker process needs a database it can share (PostgreSQL)"
    )
    handler = SlowSink(seconds=0.3)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def start_worker(port):
    database = connection.settings_dict
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.background.worker_settings",
        DATABASE_URL=f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
    )
    return subprocess.Popen(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "run_worker", "--interval", "0.1"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_in_mid_batch_loses_no_mail_and_sends_none_twice(settings, smtp_sink):
    require(
        connection.vendor == "postgresql", "the worker process needs a database it can share (PostgreSQL)"
    )
    queue_mails(settings)
    handler, port = smtp_sink
    recipients = [f"mitglied-{number}@example.org" for number in range(12)]
    for address in recipients:
        mail.send_mail("Neues aus Neumarkt", "Hallo!", None, [address])
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == len(recipients)

    first = start_worker(port)
    assert wait_until(lambda: len(handler.accepted) >= 4, 60), first.communicate(timeout=5)[0]
    handler.receiving.clear()
    assert handler.receiving.wait(10)  # the worker is in the middle of the next message
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    sent_before_the_kill = list(handler.accepted)
    assert 4 <= len(sent_before_the_kill) < len(recipients)
    assert DBTaskResult.objects.running().count() == 1  # the message in hand, claimed by a dead worker

    second = start_worker(port)
    try:
        assert wait_until(lambda: len(handler.accepted) >= len(recipients), 60), "not every mail went out"
        time.sleep(1)  # anything sent twice would arrive now
    finally:
        second.send_signal(signal.SIGTERM)
        output = second.communicate(timeout=20)[0]

    assert sorted(handler.accepted) == sorted(recipients), output
    assert "back in the queue" in output
    assert DBTaskResult.objects.successful().count() == len(recipients)
    # Sent mails leave no copy (with their addresses and links) in the queue.
    stored = list(
        DBTaskResult.objects.filter(task_path="background.mail.send_queued_mail").values_list(
            "args_kwargs", flat=True
        )
    )
    assert stored == [{"args": [], "kwargs": {}}] * len(recipients)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_stopped_with_sigterm_finishes_the_mail_in_hand(settings, smtp_sink):
    require(
        connection.vendor == "postgresql", "the worker process needs a database it can share (PostgreSQL)"
    )
    queue_mails(settings)
    handler, port = smtp_sink
    mail.send_mail("Erinnerung", "Morgen ist Sprechstunde.", None, ["a@example.org"])
    mail.send_mail("Erinnerung", "Morgen ist Sprechstunde.", None, ["b@example.org"])

    worker = start_worker(port)
    assert handler.receiving.wait(30)
    worker.send_signal(signal.SIGTERM)
    worker.communicate(timeout=20)

    assert handler.accepted[:1] in (["a@example.org"], ["b@example.org"])
    assert DBTaskResult.objects.running().count() == 0


@pytest.mark.django_db
def test_tasks_of_a_live_worker_stay_with_it_and_the_others_are_recovered(settings):
    settings.TASKS = QUEUED
    settings.TASK_ABANDONED_AFTER = 600

    def claimed(worker, minutes_ago):
        task = DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="background.mail.send_queued_mail",
            backend_name="default",
            run_after=timezone.now(),
            status=TaskResultStatus.RUNNING,
            started_at=timezone.now() - timedelta(minutes=minutes_ago),
            worker_ids=[worker],
        )
        return task.pk

    machine, pid, started = worker_id().rsplit(":", 2)
    mine_alive = claimed(worker_id(), minutes_ago=90)
    # The same process id, started at another time: a restarted container's pid 1, or a recycled id.
    recycled_pid = claimed(f"{machine}:{pid}:{int(started) - 3600}", minutes_ago=1)
    dead_here = claimed(f"{machine}:{2**22 + 1}:{started}", minutes_ago=1)
    other_machine_recent = claimed("elsewhere~1:123:1700000000", minutes_ago=5)
    other_machine_silent = claimed("elsewhere~1:456:1700000000", minutes_ago=30)

    assert requeue_abandoned() == 3
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[mine_alive] == statuses[other_machine_recent] == TaskResultStatus.RUNNING
    assert (
        statuses[recycled_pid]
        == statuses[dead_here]
        == statuses[other_machine_silent]
        == TaskResultStatus.READY
    )
    assert queue_state()["ready"] == 3
    assert queue_state()["longest_running_seconds"] >= 90 * 60


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error, retried",
    [
        (ConnectionRefusedError(111, "Connection refused"), True),
        (smtplib.SMTPServerDisconnected("gone"), True),
        (smtplib.SMTPDataError(451, b"Try again later"), True),
        (smtplib.SMTPRecipientsRefused({"x@example.org": (450, b"Mailbox busy")}), True),
        (smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"No such user")}), False),
        (smtplib.SMTPDataError(554, b"Rejected as spam"), False),
    ],
)
def test_a_temporary_mail_failure_is_tried_again_later_and_a_refusal_is_not(
    settings, monkeypatch, error, retried
):
    queue_mails(settings)

    def refuse(self, messages):
        raise error

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.send_mail("Hallo", "Text", None, ["x@example.org"])
    (first,) = DBTaskResult.objects.all()

    if retried:
        assert first.task.call(*first.task_result.args, **first.task_result.kwargs) == 0
        later = DBTaskResult.objects.exclude(pk=first.pk).get()
        assert later.task_result.kwargs == {} and later.task_result.args[-1] == 1  # the second attempt
        assert timedelta(seconds=50) < later.run_after - timezone.now() <= timedelta(seconds=60)
    else:
        with pytest.raises(type(error)):
            first.task.call(*first.task_result.args, **first.task_result.kwargs)
        assert DBTaskResult.objects.count() == 1


def test_the_queued_backend_keeps_the_message_as_it_was_written(settings):
    settings.EMAIL_BACKEND = "background.mail.QueuedEmailBackend"
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    message = mail.EmailMultiAlternatives("Einladung", "Text", "hallo@example.org", ["x@example.org"])
    message.bcc = ["verdeckt@example.org"]
    message.attach_alternative("<p>Text</p>", "text/html")
    message.attach("termin.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.extra_headers["Message-ID"] = "<fixed@example.org>"

    assert message.send() == 1

    (sent,) = mail.outbox
    assert sent.subject == "Einladung"
    assert sent.body.strip() == "Text"
    assert sorted(sent.recipients()) == ["verdeckt@example.org", "x@example.org"]
    raw = sent.message().as_bytes()
    assert b"Message-ID: <fixed@example.org>" in raw
    assert b"text/html" in raw and b"termin.ics" in raw
    assert b"verdeckt@example.org" not in raw
