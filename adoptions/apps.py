from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "adoptions"
    verbose_name = _("Actions done in the network")

    def ready(self):
        from adoptions import rules, signals  # noqa: F401  (permissions; keeping actions' "done in" true)
