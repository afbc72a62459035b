from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionApplicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "region_applications"
    verbose_name = _("Applications for new regions")
