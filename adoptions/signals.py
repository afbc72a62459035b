"""A report saved or deleted (also through its action, region or initiative being deleted) refreshes the action's
regions at once, in the same transaction, and makes the cached public pages and API answers stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from adoptions.done_in import refresh_action
from adoptions.models import Adoption
from common import public_cache


@receiver(post_save, sender=Adoption, dispatch_uid="adoptions-saved")
@receiver(post_delete, sender=Adoption, dispatch_uid="adoptions-deleted")
def adoption_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    refresh_action(instance.action_id)
    public_cache.bump_now_and_after_commit()
