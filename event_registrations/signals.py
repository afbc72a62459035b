"""Keep the anonymous page cache, the registrations of moved dates and the reminders in step with events."""

from django.db.models.signals import post_save, pre_save

from wagtail.signals import page_published

from common import public_cache
from event_registrations import moves, reminders
from event_registrations.models import Registration, RegistrationSettings
from hub_events.models import EventPage


def _event_published(sender, instance, **kwargs):
    if RegistrationSettings.objects.filter(event_id=instance.pk, enabled=True).exists():
        reminders.reschedule_event(instance.pk)


def _event_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    # Publishing saves the page with its new dates; saving a revision or a draft leaves the page's dates alone.
    if not raw and update_fields is None:
        moves.remember_dates(instance)


def _event_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        moves.follow_dates(instance)


def connect():
    # An event page shows seats left and "fully booked" to visitors: every change of a seat is a change of it.
    public_cache.track(Registration, unseen_fields={"attended", "reminder_due", "reminded_for", "answers"})
    public_cache.track(RegistrationSettings)
    pre_save.connect(_event_saving, sender=EventPage, dispatch_uid="event_registrations_dates_before")
    post_save.connect(_event_saved, sender=EventPage, dispatch_uid="event_registrations_follow_dates")
    page_published.connect(_event_published, dispatch_uid="event_registrations_reschedule")
