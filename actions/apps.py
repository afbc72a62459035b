from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "actions"
    verbose_name = _("Action pool")

    def ready(self):
        # Imported here: actions.search imports the models, which exist only once the registry is ready.
        from actions.search import register_search

        register_search()
