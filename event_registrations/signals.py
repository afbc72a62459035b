"""Keep the anonymous page cache and the reminders in step with registrations and events."""

from wagtail.signals import page_published

from common import public_cache
from event_registrations import reminders
from event_registrations.models import Registration, RegistrationSettings


def _event_published(sender, instance, **kwargs):
    if RegistrationSettings.objects.filter(event_id=instance.pk, enabled=True).exists():
        reminders.reschedule_event(instance.pk)


def connect():
    # An event page shows seats left and "fully booked" to visitors: every change of a seat is a change of it.
    public_cache.track(Registration, unseen_fields={"attended", "reminder_due", "reminded_for", "answers"})
    public_cache.track(RegistrationSettings)
    page_published.connect(_event_published, dispatch_uid="event_registrations_reschedule")
