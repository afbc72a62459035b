"""Look after the action search index: ``rebuild``, ``verify [--fix]``, ``status`` and ``replay``.

``rebuild`` indexes every live, public action into a new index and then swaps the alias, so searches
keep working during the rebuild. ``verify`` compares the index with the database and ``--fix`` repairs
the drift. ``status`` shows the engine, its document count and the queue of changes waiting for it.
``replay`` applies that queue now (it is also replayed automatically whenever the engine answers).
"""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.engine_config import masked
from search.engines import EngineUnavailable, get_engine
from search.kinds import indexed_kind
from search.sync import pending_count, replay_pending
from search.verify import find_drift, repair


class Progress:
    """A one-line progress bar on a terminal, a line every 10 % elsewhere (logs, CI)."""

    def __init__(self, stdout, total, width=30):
        self.stdout, self.total, self.width = stdout, max(total, 1), width
        self.tty = hasattr(sys.stdout, "isatty") and sys.stdout.isatty()
        self.last_tenth = -1

    def __call__(self, done):
        share = done / self.total
        if self.tty:
            filled = int(share * self.width)
            bar = "█" * filled + "·" * (self.width - filled)
            self.stdout.write(f"\r  [{bar}] {done}/{self.total}", ending="")
            self.stdout.flush()
        elif int(share * 10) > self.last_tenth:
            self.last_tenth = int(share * 10)
            self.stdout.write(f"  {done}/{self.total}")

    def finish(self):
        if self.tty:
            self.stdout.write("")


class Command(BaseCommand):
    help = "Suchindex der Aktionen verwalten: rebuild, verify [--fix], status, replay."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "verify", "status", "replay"])
        parser.add_argument("--fix", action="store_true", help="with verify: repair what differs")

    def handle(self, *args, action, fix=False, **options):
        engine = get_engine()
        try:
            getattr(self, action)(engine, fix=fix)
        except EngineUnavailable as error:
            raise CommandError(
                f"Die Suchmaschine ({engine.name}) ist nicht erreichbar: {error}\n"
                "Läuft sie? Für die lokale Entwicklung: python manage.py search_engine"
            ) from error

    def rebuild(self, engine, **options):
        kind = indexed_kind()
        total = kind.indexable().count()
        self.stdout.write(f"Baue den Index neu auf ({engine.name}, {total} Aktionen) …")
        progress = Progress(self.stdout, total)
        started = time.monotonic()
        count = engine.rebuild(kind.documents(), progress=progress)
        progress.finish()
        self.stdout.write(
            self.style.SUCCESS(f"{count} Aktionen indexiert in {time.monotonic() - started:.1f} s.")
        )

    def verify(self, engine, fix=False, **options):
        drift = find_drift(engine)
        if drift.clean:
            self.stdout.write(self.style.SUCCESS(f"Index und Datenbank stimmen überein ({engine.name})."))
            return
        self.stdout.write(
            f"Abweichungen: {len(drift.missing)} fehlen im Index, {len(drift.extra)} sind zu viel, "
            f"{len(drift.stale)} sind veraltet."
        )
        if not fix:
            raise CommandError("Der Index weicht ab. Mit --fix reparieren.")
        repair(engine, drift)
        if hasattr(engine, "refresh"):
            engine.refresh()
        self.stdout.write(self.style.SUCCESS("Repariert."))

    def status(self, engine, **options):
        self.stdout.write(f"Suchmaschine:   {engine.name} ({masked(settings.SEARCH_URL) or 'Datenbank'})")
        reachable = engine.ping()
        self.stdout.write(f"Erreichbar:     {'ja' if reachable else 'nein'}")
        if reachable:
            self.stdout.write(f"Dokumente:      {engine.count()}")
        self.stdout.write(f"In der Datenbank auffindbar: {indexed_kind().indexable().count()}")
        self.stdout.write(f"Warteschlange:  {pending_count()} Änderungen")

    def replay(self, engine, **options):
        waiting = pending_count()
        applied = replay_pending(engine, limit=max(waiting, 1))
        if waiting and not applied:
            raise CommandError(f"{waiting} Änderungen warten weiter: die Suchmaschine ist nicht erreichbar.")
        self.stdout.write(self.style.SUCCESS(f"{applied} Änderungen übertragen."))
