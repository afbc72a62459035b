from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionApplicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "region_applications"
    verbose_name = _("Applications for new regions")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from region_applications import founding

        email_confirmed.connect(founding.join_invited_teams, dispatch_uid="region_applications_invitations")
