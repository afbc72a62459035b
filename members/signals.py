"""Receivers that keep the fixed roles in sync (connected in ``members.apps.MembersConfig.ready``)."""

from django.apps import apps

from members.roles import add_to_members, sync_roles


def add_confirmed_user_to_members(request, email_address, **kwargs):
    """allauth's ``email_confirmed``: a confirmed address makes the user a verified member."""
    add_to_members(email_address.user)


def sync_roles_after_migrate(sender, **kwargs):
    """post_migrate fires once per app; run once, after the last app, when every permission exists."""
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender.label == last.label:
        sync_roles()
