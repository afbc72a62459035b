from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from search import fts5


class SearchConfig(AppConfig):
    """The search library. The app whose pages are searched registers them (``search.registry.register``
    from its ``ready()``), which also connects the signals that keep the index in sync."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        fts5.install()
