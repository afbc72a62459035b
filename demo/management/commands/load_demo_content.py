"""Build the Mitmach-Hub demo site: ``python manage.py load_demo_content``.

The command replaces Wagtail's welcome page by the home page, makes it the default site's root and
builds the whole tree in a fixed order (sections, handbook and course, regions with initiatives, the
action pool, events including the Regionallabor 2024/25 series, news), then publishes the home page,
fills the site settings and, only when ``DEBUG`` is on, creates the ``admin`` account.

It is idempotent: pages are keyed by slug under their parent, initiatives by name and region, images
and documents by title, and only what is missing is created, so a second run changes nothing. Events
and news are dated relative to the day of the first run. Everything runs in one transaction. The
content and the steps live in the ``demo`` package.
"""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision

from demo import accounts, steps
from demo import adoptions as adoptions_demo
from demo import event_registrations as event_registrations_demo
from demo import forum as forum_demo
from demo import region_applications as region_applications_demo
from demo import working_groups as working_groups_demo
from demo.writer import DemoWriter
from regions.models import Initiative

# Wagtail logs every page action and django-tasks every task; the command reports progress itself.
CHATTY_LOGGERS = ["wagtail", "django_tasks"]


@contextmanager
def quiet_loggers(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


class Command(BaseCommand):
    help = (
        "Legt die Demo-Inhalte des Mitmach-Hubs an (Startseite, Regionen, Aktionen, Veranstaltungen, "
        "Neuigkeiten, Handbuch, Online-Kurs). Idempotent: ein zweiter Lauf ändert nichts."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        writer = DemoWriter(self.stdout, self.style)
        today = timezone.localdate()

        chatty = CHATTY_LOGGERS if options["verbosity"] < 2 else []
        with quiet_loggers(chatty), transaction.atomic():
            steps.media(writer)
            home, site = steps.home_page(writer)
            index = steps.sections(writer, home)
            region_applications_demo.region_application_page(writer, home, today)
            steps.content_pages(writer, home)
            taxonomy = steps.Taxonomy()
            regions = steps.regions(writer, index["regions"], taxonomy)
            steps.initiatives(writer, regions, taxonomy)
            steps.actions(writer, index["actions"], taxonomy)
            steps.events(writer, index, regions, taxonomy, today)
            steps.news(writer, index, regions, taxonomy, today)
            steps.publish_home(writer, home)
            steps.site_settings(writer, site)
            steps.english_tree(writer)
            steps.english_translations(writer)
            adoptions_demo.load(writer, regions)
            event_registrations_demo.load(writer)
            forum_demo.load(self.stdout)
            accounts.member_cards(writer, regions, taxonomy)
            working_groups_demo.load(writer, regions)
            if settings.DEBUG:
                accounts.demo_accounts(writer, regions)

        self.report(writer, time.monotonic() - started)

    def report(self, writer, seconds):
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Zusammenfassung"))
        for label, count in steps.page_counts().items():
            self.stdout.write(f"  {label!s:<28} {count:>4}")
        others = {
            "Revisionen": Revision.objects.count(),
            "Initiativen": Initiative.objects.count(),
            "Bilder": get_image_model().objects.count(),
            "Dokumente": get_document_model().objects.count(),
            "Benutzer:innen": get_user_model().objects.count(),
        }
        for label, count in others.items():
            self.stdout.write(f"  {label:<28} {count:>4}")
        created = sum(writer.created.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Fertig in {seconds:.1f} s: {created} Objekte neu angelegt, "
                f"{sum(writer.found.values())} bereits vorhanden."
            )
        )
        self.stdout.write(f"Admin: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/")
        if settings.DEBUG:
            self.stdout.write(f"Demo-Login: {accounts.ADMIN_USERNAME} / {accounts.ADMIN_PASSWORD}")
