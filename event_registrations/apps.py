from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventRegistrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "event_registrations"
    verbose_name = _("Event registrations")

    def ready(self):
        from event_registrations import signals

        signals.connect()
