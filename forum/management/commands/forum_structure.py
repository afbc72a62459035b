from django.core.management.base import BaseCommand

from forum.structure import ensure_structure


class Command(BaseCommand):
    """Ensure the forum tree: categories, permissions, one forum per field of action and per published region.

    Idempotent: forums are created when missing, renamed when their field or region was renamed, closed
    when their region is no longer published. Run after deployments (load_demo_content runs it too).
    """

    help = "Legt die Forenstruktur an bzw. gleicht sie ab (Handlungsfelder, Regionen, Berechtigungen)."

    def handle(self, *args, **options):
        ensure_structure(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Forenstruktur ist aktuell."))
