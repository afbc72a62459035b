from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "members"
    verbose_name = _("Mitglieder")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from members import signals

        email_confirmed.connect(signals.add_confirmed_user_to_members, dispatch_uid="members_email_confirmed")
        post_migrate.connect(signals.sync_roles_after_migrate, dispatch_uid="members_sync_roles")
