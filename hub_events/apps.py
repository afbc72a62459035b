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
