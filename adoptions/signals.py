"""A report saved or deleted (also through its action, region or initiative being deleted), or an initiative
with reports saved, refreshes the action's
regions at once, in the same transaction, and makes the cached public pages and API answers stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from adoptions.done_in import refresh_action
from adoptions.models import Adoption
from common import public_cache
from regions.models import Initiative


@receiver(post_save, sender=Adoption, dispatch_uid="adoptions-saved")
@receiver(post_delete, sender=Adoption, dispatch_uid="adoptions-deleted")
def adoption_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    refresh_action(instance.action_id)
    public_cache.bump_now_and_after_commit()


@receiver(post_save, sender=Initiative, dispatch_uid="adoptions-initiative-saved")
def initiative_saved(sender, instance, raw=False, **kwargs):
    """An initiative approved, withdrawn or rejected counts (or stops counting) for its actions' regions. Other
    saves change nothing here (``regions.signals.remember_approval_status`` keeps the status before the save)."""
    if raw or getattr(instance, "_approval_status_before", None) == instance.approval_status:
        return
    for action_id in set(
        Adoption.objects.confirmed().filter(initiative=instance).values_list("action_id", flat=True)
    ):
        refresh_action(action_id)
