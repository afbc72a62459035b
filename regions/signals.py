"""Keep region teams' groups and rights in step with the pages, tell submitters about decisions, and keep the
map's cached API answers and its stored clusters (``regions.map.clusters``) fresh.

Connected in ``regions.apps.RegionsConfig.ready``.
"""

from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from common import public_cache
from members.models import User
from regions.emails import send_decision_mail
from regions.map import clusters
from regions.models import (
    ApprovalStatus,
    Initiative,
    RegionMembership,
    RegionModerator,
    RegionPage,
    RegionTeam,
)
from regions.roles import sync_region_team


def region_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    # Saving a draft writes only a few bookkeeping fields (and never the team rows): nothing to sync.
    if update_fields is not None and "title" not in update_fields:
        return
    sync_region_team(instance)


def moderator_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    region = RegionPage.objects.filter(pk=instance.region_id).first()
    if region is not None:
        sync_region_team(region)


def moderator_deleted(sender, instance, **kwargs):
    # Only the membership: this also runs inside the cascade that deletes the region page, when granting
    # page permissions again would point at a row that is going away.
    record = RegionTeam.objects.select_related("group").filter(region_id=instance.region_id).first()
    if record is not None:
        record.group.user_set.set(
            RegionModerator.objects.filter(region_id=instance.region_id).values_list("user_id", flat=True)
        )


def team_deleted(sender, instance, **kwargs):
    """A region page went away (RegionTeam cascades from it): its group and the group's rights go too."""
    Group.objects.filter(pk=instance.group_id).delete()


def remember_approval_status(sender, instance, raw=False, **kwargs):
    instance._approval_status_before = (
        None
        if raw or instance.pk is None
        else Initiative.objects.filter(pk=instance.pk).values_list("approval_status", flat=True).first()
    )


def approval_status_changed(sender, instance, created, raw=False, **kwargs):
    """E-mail the submitter once a decision is made — in the admin or on the front end, never twice."""
    before = getattr(instance, "_approval_status_before", None)
    if raw or created or before is None or before == instance.approval_status:
        return
    if instance.approval_status not in (ApprovalStatus.APPROVED, ApprovalStatus.REJECTED):
        return
    pk = instance.pk
    transaction.on_commit(lambda: send_decision_mail(pk))


# --- The public cache of the map's GeoJSON (common.public_cache) ---------------------------------------


def initiative_saved(sender, instance, created, raw=False, **kwargs):
    """Only approved initiatives are public: bump when one is (or was, before this save) approved."""
    if raw:
        return
    before = getattr(instance, "_approval_status_before", None)
    if ApprovalStatus.APPROVED in (instance.approval_status, before):
        public_cache.bump_now_and_after_commit()


def initiative_deleted(sender, instance, **kwargs):
    if instance.approval_status == ApprovalStatus.APPROVED:
        public_cache.bump_now_and_after_commit()


def initiative_files_deleted(sender, instance, **kwargs):
    """The logo and a logo waiting for review go with the initiative, however it is deleted (by its owner or in the
    admin), once the deletion is committed; a file that cannot be deleted does not fail the deletion."""
    names = [name for name in (instance.logo.name, (instance.proposed_changes or {}).get("logo")) if name]
    for name in names:
        transaction.on_commit(lambda name=name: default_storage.delete(name), robust=True)


def initiative_fields_changed(sender, instance, action, reverse, **kwargs):
    if not action.startswith("post_"):
        return
    # reverse: a field of action's initiatives were changed (field.initiatives.add(...)).
    if reverse or instance.approval_status == ApprovalStatus.APPROVED:
        public_cache.bump_now_and_after_commit()


def membership_changed(sender, instance, raw=False, **kwargs):
    """The region page counts its members (and a card on the map links to the member's first region)."""
    if not raw:
        public_cache.bump_now_and_after_commit()


# --- The map's stored clusters (regions.map.clusters), in the transaction of the change ----------------------

# What places a member's card on the map (or takes it off); a save of other fields (last_login) changes nothing.
CARD_FIELDS = {"show_on_map", "map_place", "map_location", "is_active"}


def initiative_clusters_saved(sender, instance, raw=False, **kwargs):
    before = getattr(instance, "_approval_status_before", None)
    if not raw and ApprovalStatus.APPROVED in (instance.approval_status, before):
        clusters.sync(clusters.INITIATIVES, [instance.pk])


def initiative_clusters_deleted(sender, instance, **kwargs):
    if instance.approval_status == ApprovalStatus.APPROVED:
        clusters.sync(clusters.INITIATIVES, [instance.pk])


def _relation_synced(layer, reverse_name):
    """An m2m_changed receiver syncing ``layer``'s entries on either side of a relation.

    From the other side (``field.initiatives.add(...)``, ``group.user_set.clear()``) ``pk_set`` holds the
    entries; a clear has none, so the entries are remembered before it.
    """

    def changed(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse:
            if action in ("post_add", "post_remove", "post_clear"):
                clusters.sync(layer, [instance.pk])
        elif action == "pre_clear":
            instance._map_cluster_pks = list(getattr(instance, reverse_name).values_list("pk", flat=True))
        elif action == "post_clear":
            clusters.sync(layer, getattr(instance, "_map_cluster_pks", ()))
        elif action in ("post_add", "post_remove"):
            clusters.sync(layer, pk_set)

    return changed


def card_clusters_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not CARD_FIELDS & set(update_fields)):
        return
    clusters.sync(clusters.MEMBERS_LAYER, [instance.pk])


def card_clusters_deleted(sender, instance, **kwargs):
    if instance.show_on_map:
        clusters.sync(clusters.MEMBERS_LAYER, [instance.pk])


initiative_fields_synced = _relation_synced(clusters.INITIATIVES, "initiatives")
card_fields_synced = _relation_synced(clusters.MEMBERS_LAYER, "members")
card_groups_synced = _relation_synced(clusters.MEMBERS_LAYER, "user_set")


def connect():
    post_save.connect(region_saved, sender=RegionPage, dispatch_uid="regions_region_saved")
    post_save.connect(moderator_saved, sender=RegionModerator, dispatch_uid="regions_moderator_saved")
    post_delete.connect(moderator_deleted, sender=RegionModerator, dispatch_uid="regions_moderator_deleted")
    post_delete.connect(team_deleted, sender=RegionTeam, dispatch_uid="regions_team_deleted")
    pre_save.connect(remember_approval_status, sender=Initiative, dispatch_uid="regions_initiative_pre")
    post_save.connect(approval_status_changed, sender=Initiative, dispatch_uid="regions_initiative_post")
    post_save.connect(initiative_saved, sender=Initiative, dispatch_uid="regions_initiative_cache_saved")
    post_delete.connect(
        initiative_deleted, sender=Initiative, dispatch_uid="regions_initiative_cache_deleted"
    )
    post_delete.connect(
        initiative_files_deleted, sender=Initiative, dispatch_uid="regions_initiative_files_deleted"
    )
    m2m_changed.connect(
        initiative_fields_changed,
        sender=Initiative.fields_of_action.through,
        dispatch_uid="regions_initiative_cache_fields",
    )
    post_save.connect(membership_changed, sender=RegionMembership, dispatch_uid="regions_membership_saved")
    post_delete.connect(
        membership_changed, sender=RegionMembership, dispatch_uid="regions_membership_deleted"
    )
    post_save.connect(
        initiative_clusters_saved, sender=Initiative, dispatch_uid="regions_initiative_clusters_saved"
    )
    post_delete.connect(
        initiative_clusters_deleted, sender=Initiative, dispatch_uid="regions_initiative_clusters_deleted"
    )
    m2m_changed.connect(
        initiative_fields_synced,
        sender=Initiative.fields_of_action.through,
        dispatch_uid="regions_initiative_clusters_fields",
    )
    post_save.connect(card_clusters_saved, sender=User, dispatch_uid="regions_card_clusters_saved")
    post_delete.connect(card_clusters_deleted, sender=User, dispatch_uid="regions_card_clusters_deleted")
    m2m_changed.connect(
        card_fields_synced, sender=User.fields_of_action.through, dispatch_uid="regions_card_clusters_fields"
    )
    m2m_changed.connect(
        card_groups_synced, sender=User.groups.through, dispatch_uid="regions_card_clusters_groups"
    )
