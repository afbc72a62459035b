"""Keep region teams' groups and rights in step with the pages, and tell submitters about decisions.

Connected in ``regions.apps.RegionsConfig.ready``.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from regions.emails import send_decision_mail
from regions.models import ApprovalStatus, Initiative, RegionModerator, RegionPage, RegionTeam
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


def connect():
    post_save.connect(region_saved, sender=RegionPage, dispatch_uid="regions_region_saved")
    post_save.connect(moderator_saved, sender=RegionModerator, dispatch_uid="regions_moderator_saved")
    post_delete.connect(moderator_deleted, sender=RegionModerator, dispatch_uid="regions_moderator_deleted")
    post_delete.connect(team_deleted, sender=RegionTeam, dispatch_uid="regions_team_deleted")
    pre_save.connect(remember_approval_status, sender=Initiative, dispatch_uid="regions_initiative_pre")
    post_save.connect(approval_status_changed, sender=Initiative, dispatch_uid="regions_initiative_post")
