"""The task worker's bookkeeping: who is working, which claimed tasks were abandoned, how old the queue is.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again. A worker killed in the
middle of a task (out of memory, ``kill -9``, a lost machine) would leave it RUNNING for ever: the task, and the
e-mail it was to send, would be lost. ``requeue_abandoned`` puts such tasks back in the queue: at once when the
worker that claimed them ran on this machine and its process is gone, after ``TASK_ABANDONED_AFTER`` seconds when it
ran elsewhere. Tasks that finished are never run again, so a mail is sent twice only if the worker died in the
instant between the mail server's "accepted" and the worker noting it (the retry then carries the same Message-ID).
"""

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def worker_id():
    """``host:pid``: enough to tell later whether the worker that claimed a task is still alive."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}"


def _process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, but belongs to another user
        return True
    return True


def _abandoned(task_result, host, cutoff):
    claimed_by = task_result.worker_ids[-1] if task_result.worker_ids else ""
    claimed_host, _, pid = claimed_by.rpartition(":")
    if claimed_host == host and pid.isdigit():
        return not _process_alive(int(pid))
    return task_result.started_at is None or task_result.started_at < cutoff


def requeue_abandoned():
    """Put RUNNING tasks whose worker is gone back in the queue; returns how many."""
    host = socket.gethostname()[:50]
    cutoff = timezone.now() - timedelta(seconds=settings.TASK_ABANDONED_AFTER)
    abandoned = [
        task_result.pk
        for task_result in DBTaskResult.objects.running().only("pk", "worker_ids", "started_at")
        if _abandoned(task_result, host, cutoff)
    ]
    if not abandoned:
        return 0
    return DBTaskResult.objects.filter(pk__in=abandoned, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


def queue_state():
    """Waiting and running tasks and the age in seconds of the oldest task that is due (None when none is)."""
    now = timezone.now()
    due = DBTaskResult.objects.ready()
    oldest = due.aggregate(oldest=Min("enqueued_at"))["oldest"]
    counts = {
        "ready": due.count(),
        "running": DBTaskResult.objects.running().count(),
        "failed": DBTaskResult.objects.failed().count(),
    }
    return counts | {"oldest_ready_seconds": round((now - oldest).total_seconds(), 1) if oldest else None}
