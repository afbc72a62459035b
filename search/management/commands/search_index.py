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
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    @property
    def help(self):
        # A property, so the text is translated when the parser is built (argparse needs a plain string).
        return _("Manage the search index of the actions: rebuild, verify [--fix], status, replay.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "verify", "status", "replay"])
        parser.add_argument("--fix", action="store_true", help=_("with verify: repair what differs"))

    def handle(self, *args, action, fix=False, **options):
        engine = get_engine()
        try:
            getattr(self, action)(engine, fix=fix)
        except EngineUnavailable as error:
            raise CommandError(
                _(
                    "The search engine (%(engine)s) cannot be reached: %(error)s\n"
                    "Is it running? For local development: python manage.py search_engine"
                )
                % {"engine": engine.name, "error": error}
            ) from error

    def rebuild(self, engine, **options):
        kind = indexed_kind()
        total = kind.indexable().count()
        self.stdout.write(
            ngettext(
                "Rebuilding the index (%(engine)s, %(count)d action) …",
                "Rebuilding the index (%(engine)s, %(count)d actions) …",
                total,
            )
            % {"engine": engine.name, "count": total}
        )
        progress = Progress(self.stdout, total)
        started = time.monotonic()
        count = engine.rebuild(kind.documents(), progress=progress)
        progress.finish()
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)d action indexed in %(seconds).1f s.",
                    "%(count)d actions indexed in %(seconds).1f s.",
                    count,
                )
                % {"count": count, "seconds": time.monotonic() - started}
            )
        )

    def verify(self, engine, fix=False, **options):
        drift = find_drift(engine)
        if drift.clean:
            self.stdout.write(
                self.style.SUCCESS(_("Index and database agree (%(engine)s).") % {"engine": engine.name})
            )
            return
        self.stdout.write(
            _("Differences: %(missing)d missing from the index, %(extra)d too many, %(stale)d out of date.")
            % {"missing": len(drift.missing), "extra": len(drift.extra), "stale": len(drift.stale)}
        )
        if not fix:
            raise CommandError(_("The index differs. Repair it with --fix."))
        repair(engine, drift)
        if hasattr(engine, "refresh"):
            engine.refresh()
        self.stdout.write(self.style.SUCCESS(_("Repaired.")))

    def status(self, engine, **options):
        url = masked(settings.SEARCH_URL) or _("database")
        self._line(_("Search engine:"), f"{engine.name} ({url})")
        reachable = engine.ping()
        self._line(_("Reachable:"), _("yes") if reachable else _("no"))
        if reachable:
            self._line(_("Documents:"), engine.count())
        self._line(_("Findable in the database:"), indexed_kind().indexable().count())
        waiting = pending_count()
        self._line(
            _("Queue:"), ngettext("%(count)d change", "%(count)d changes", waiting) % {"count": waiting}
        )

    def _line(self, label, value):
        """One line of ``status``: the values line up after labels shorter than 15 characters."""
        self.stdout.write(f"{label:<15} {value}")

    def replay(self, engine, **options):
        waiting = pending_count()
        applied = replay_pending(engine, limit=max(waiting, 1))
        if waiting and not applied:
            raise CommandError(
                ngettext(
                    "%(count)d change still waiting: the search engine cannot be reached.",
                    "%(count)d changes still waiting: the search engine cannot be reached.",
                    waiting,
                )
                % {"count": waiting}
            )
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(count)d change applied.", "%(count)d changes applied.", applied)
                % {"count": applied}
            )
        )
