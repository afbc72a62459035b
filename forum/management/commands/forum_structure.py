from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from forum.structure import ensure_structure


class Command(BaseCommand):
    """Ensure the forum tree: categories, permissions, one forum per field of action and per published region.

    Idempotent: forums are created when missing, renamed when their field or region was renamed, closed
    when their region is no longer published. Run after deployments (load_demo_content runs it too).
    """

    help = _("Creates or updates the forum structure (fields of action, regions, permissions).")

    def handle(self, *args, **options):
        ensure_structure(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(_("The forum structure is up to date.")))
