from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from common import public_cache
        from members import signals
        from members.models import User

        # Names of members appear in forum posts, on region pages and the map; every login stores last_login.
        public_cache.track(User, unseen_fields={"last_login", "password"})
        email_confirmed.connect(signals.add_confirmed_user_to_members, dispatch_uid="members_email_confirmed")
        post_migrate.connect(signals.sync_roles_after_migrate, dispatch_uid="members_sync_roles")
