"""Run the task worker: e-mails, notifications and the other slow jobs of the hub."""

import logging
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from background.worker import requeue_abandoned, worker_id, worker_started

logger = logging.getLogger(__name__)

# How often a running worker looks for tasks that a dead worker left behind.
REQUEUE_EVERY_SECONDS = 60


def requeue_now_and_then(stop):
    while not stop.wait(REQUEUE_EVERY_SECONDS):
        try:
            requeued = requeue_abandoned()
        except Exception:  # the database may be away for a moment; the next round tries again
            logger.exception("Could not look for abandoned tasks")
            requeued = 0
        finally:
            close_old_connections()
        if requeued:
            logger.warning("Put %s task(s) of a worker that died back in the queue.", requeued)


class Command(BaseCommand):
    help = (
        "Run the task worker (django-tasks-db's db_worker). At start and every minute it puts the tasks of workers "
        "that died back in the queue. Stop it with SIGTERM: it finishes the task in hand first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run every waiting task, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at the queue.")

    def handle(self, *args, batch, interval, **options):
        requeued = requeue_abandoned()
        if requeued:
            self.stdout.write(f"Put {requeued} task(s) of a worker that died back in the queue.")
        # A receiver that fails (its database table not migrated yet) must not stop the worker and every mail.
        for receiver, error in worker_started.send_robust(sender=self.__class__):
            if isinstance(error, Exception):
                self.stderr.write(f"{receiver.__module__}.{receiver.__name__} failed at start: {error!r}")
        stop = threading.Event()
        threading.Thread(target=requeue_now_and_then, args=(stop,), daemon=True).start()
        try:
            call_command(
                "db_worker",
                queue_name="*",
                batch=batch,
                interval=interval,
                worker_id=worker_id(),
                reload=False,
                startup_delay=False,
                verbosity=options["verbosity"],
            )
        finally:
            stop.set()
