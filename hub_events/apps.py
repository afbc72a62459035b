from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    """Events, webinars and recordings.

    The package is ``hub_events`` because a top-level ``events`` package would shadow the PyPI package
    ``Events`` that opensearch-py imports; the label stays ``events`` (tables, migrations, templates).
    """

    name = "hub_events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # Before anything asks Wagtail for the policy of EventPage (see hub_events.permissions); imported here
        # because wagtail.permissions loads the models.
        from wagtail.permissions import register_permission_policy

        from hub_events.models import EventPage
        from hub_events.permissions import EventPermissionPolicy

        register_permission_policy(EventPage, EventPermissionPolicy())
