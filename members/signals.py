"""Receivers that keep the fixed roles in sync (connected in ``members.apps.MembersConfig.ready``), and that
keep the network map's cached answers fresh when a member's card changes (connected on import, below)."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from common import public_cache
from members.models import User
from members.roles import add_to_members, sync_roles


def add_confirmed_user_to_members(request, email_address, **kwargs):
    """allauth's ``email_confirmed``: a confirmed address makes the user a verified member."""
    add_to_members(email_address.user)


def sync_roles_after_migrate(sender, **kwargs):
    """post_migrate fires once per app; run once, after the last app, when every permission exists."""
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender.label == last.label:
        sync_roles()


# --- The member's card on the network map ------------------------------------------------------------
# The map's GeoJSON is cached for anonymous visitors (common.public_cache) until bump(). These receivers are
# connected when this module is imported (MembersConfig.ready imports it).

# What the card on the map is made of (regions.map.layers reads these), plus what decides whether it shows.
MAP_CARD_FIELDS = (
    "show_on_map",
    "map_place",
    "map_location",
    "display_name",
    "first_name",
    "last_name",
    "is_active",
)
_UNCHANGED = object()


@receiver(pre_save, sender="members.User", dispatch_uid="members_map_card_before")
def remember_map_card(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        instance._map_card_before = None
        return
    if update_fields is not None and not set(update_fields) & set(MAP_CARD_FIELDS):
        instance._map_card_before = _UNCHANGED  # e.g. last_login on every login: no query, no bump
        return
    instance._map_card_before = sender.objects.filter(pk=instance.pk).values(*MAP_CARD_FIELDS).first()


@receiver(post_save, sender="members.User", dispatch_uid="members_map_card_saved")
def map_card_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_map_card_before", None)
    if before is _UNCHANGED:
        return
    after = {name: getattr(instance, name) for name in MAP_CARD_FIELDS}
    if before is None:
        if after["show_on_map"]:
            public_cache.bump_now_and_after_commit()
    elif (before["show_on_map"] or after["show_on_map"]) and before != after:
        public_cache.bump_now_and_after_commit()


@receiver(post_delete, sender="members.User", dispatch_uid="members_map_card_deleted")
def map_card_deleted(sender, instance, **kwargs):
    if instance.show_on_map:
        public_cache.bump_now_and_after_commit()


def _shown_on_map(model, pk_set):
    return bool(pk_set) and model.objects.filter(pk__in=pk_set, show_on_map=True).exists()


def map_card_relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """The card's fields of action, or the groups that make a member verified, changed."""
    if not action.startswith("post_"):
        return
    if reverse:
        # From the other side (group.user_set.add(...)): ``model`` is User, ``pk_set`` the users.
        if action == "post_clear" or _shown_on_map(model, pk_set):
            public_cache.bump_now_and_after_commit()
    elif instance.show_on_map:
        public_cache.bump_now_and_after_commit()


def _connect_relations():
    for name, through in (("fields", User.fields_of_action.through), ("groups", User.groups.through)):
        m2m_changed.connect(
            map_card_relation_changed, sender=through, dispatch_uid=f"members_map_card_{name}"
        )


_connect_relations()
