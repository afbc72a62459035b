"""The task worker's bookkeeping: who is working, which claimed tasks were abandoned, how old the queue is.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again. A worker killed in the
middle of a task (out of memory, ``kill -9``, a lost machine) would leave it RUNNING for ever: the task, and the
e-mail it was to send, would be lost. ``requeue_abandoned`` puts such tasks back in the queue: at once when the
worker that claimed them ran on this machine (the same host name and process namespace) and its process is gone —
checked by process id and start time, so a new process with a recycled id (a restarted container's pid 1) does not
count as the old one — and after ``TASK_ABANDONED_AFTER`` seconds when it ran elsewhere. Every worker looks at
startup and then every minute. Tasks that finished are never run again, so a mail is sent twice only if the worker
died in the instant between the mail server's "accepted" and the worker noting it.
"""

import os
import socket
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import Min
from django.dispatch import Signal
from django.utils import timezone

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

# Sent by ``run_worker`` before it takes the first task: apps above queue their recurring tasks (digests) here.
worker_started = Signal()


def _pid_namespace():
    """Containers that share a host name still have their own process ids: the namespace tells them apart."""
    try:
        return "".join(filter(str.isdigit, os.readlink("/proc/self/ns/pid")))
    except OSError:
        return ""


def _process_started(pid):
    """When process ``pid`` started, in seconds since the epoch (None where /proc cannot say)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
    except (OSError, StopIteration, IndexError, ValueError):
        return None
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def machine():
    return f"{socket.gethostname()[:30]}~{_pid_namespace()}"


def worker_id():
    """``machine:pid:start``: enough to tell later whether the worker that claimed a task is still alive."""
    pid = os.getpid()
    return f"{machine()}:{pid}:{int(_process_started(pid) or time.time())}"


def _alive(pid, started):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, but belongs to another user
        pass
    actual = _process_started(pid)
    return actual is None or abs(actual - started) <= 2


def _abandoned(task_result, here, cutoff):
    claimed_by = task_result.worker_ids[-1] if task_result.worker_ids else ""
    parts = claimed_by.rsplit(":", 2)
    if len(parts) == 3 and parts[0] == here and parts[1].isdigit() and parts[2].isdigit():
        return not _alive(int(parts[1]), int(parts[2]))
    return task_result.started_at is None or task_result.started_at < cutoff


def requeue_abandoned():
    """Put RUNNING tasks whose worker is gone back in the queue; returns how many."""
    here = machine()
    cutoff = timezone.now() - timedelta(seconds=settings.TASK_ABANDONED_AFTER)
    abandoned = [
        task_result.pk
        for task_result in DBTaskResult.objects.running().only("pk", "worker_ids", "started_at")
        if _abandoned(task_result, here, cutoff)
    ]
    if not abandoned:
        return 0
    return DBTaskResult.objects.filter(pk__in=abandoned, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


def queue_state():
    """Waiting and running tasks, the age in seconds of the oldest due task and of the oldest running one."""
    now = timezone.now()
    due = DBTaskResult.objects.ready()
    oldest = due.aggregate(oldest=Min("enqueued_at"))["oldest"]
    running = DBTaskResult.objects.running()
    longest = running.aggregate(started=Min("started_at"))["started"]
    return {
        "ready": due.count(),
        "running": running.count(),
        "failed": DBTaskResult.objects.failed().count(),
        "oldest_ready_seconds": round((now - oldest).total_seconds(), 1) if oldest else None,
        "longest_running_seconds": round((now - longest).total_seconds(), 1) if longest else None,
    }
