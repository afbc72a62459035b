from django.core.management.base import BaseCommand

from event_registrations.models import GUEST_DATA_DAYS
from event_registrations.privacy import delete_guest_data


class Command(BaseCommand):
    help = (
        f"Delete guests' event registrations {GUEST_DATA_DAYS} days after the event's last date (run daily)."
    )

    def handle(self, *args, **options):
        deleted = delete_guest_data()
        self.stdout.write(f"Deleted {deleted} guest registrations.")
