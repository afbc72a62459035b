"""Run the task worker: e-mails, notifications and the other slow jobs of the hub."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from background.worker import requeue_abandoned, worker_id


class Command(BaseCommand):
    help = (
        "Run the task worker (django-tasks-db's db_worker) after putting the tasks of workers that died back in "
        "the queue. Stop it with SIGTERM: it finishes the task in hand first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run every waiting task, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at the queue.")

    def handle(self, *args, batch, interval, **options):
        requeued = requeue_abandoned()
        if requeued:
            self.stdout.write(f"Put {requeued} task(s) of a worker that died back in the queue.")
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
