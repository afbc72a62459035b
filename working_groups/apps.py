from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "working_groups"
    verbose_name = _("Working groups")

    def ready(self):
        from working_groups import signals  # noqa: F401  (the anonymous page cache follows the groups)
