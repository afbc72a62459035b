"""A worker killed in the middle of an issue's batch, and another that takes over: every recipient once."""

import signal
import time
from pathlib import Path

from django.db import connection

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from newsletter_issues import sending
from newsletter_issues.models import Delivery, DeliveryStatus, IssueStatus
from tests.background.test_worker import start_worker, wait_until
from tests.helpers import require
from tests.newsletter_issues.helpers import Sink, make_issue, subscribe
from tests.smtp import free_port

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_issue_is_resumed_and_nobody_gets_it_twice(settings, network):
    require(
        connection.vendor == "postgresql", "the worker process needs a database it can share (PostgreSQL)"
    )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    handler = Sink(pause=0.3)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    recipients = [f"mitglied-{number:02}@example.org" for number in range(12)]
    for address in recipients:
        subscribe(network, address)
    issue = make_issue([network])
    assert sending.send_now(issue)

    try:
        first = start_worker(port)
        assert wait_until(lambda: len(handler.received) >= 4, 60), first.communicate(timeout=5)[0]
        handler.receiving.clear()
        assert handler.receiving.wait(10)  # the worker is in the middle of the next mail
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        before_the_kill = list(handler.recipients)
        assert 4 <= len(before_the_kill) < len(recipients)
        assert DBTaskResult.objects.running().count() == 1  # the batch, claimed by a dead worker

        second = start_worker(port)
        try:
            assert wait_until(lambda: len(handler.received) >= len(recipients), 60), "not every mail went out"
            assert wait_until(lambda: issue.__class__.objects.get(pk=issue.pk).status == IssueStatus.SENT, 20)
            time.sleep(1)  # anything sent twice would arrive now
        finally:
            second.send_signal(signal.SIGTERM)
            output = second.communicate(timeout=20)[0]
    finally:
        controller.stop()

    assert sorted(handler.recipients) == recipients, output
    assert "back in the queue" in output
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    issue.refresh_from_db()
    assert (issue.sent_count, issue.recipients_count) == (12, 12)
