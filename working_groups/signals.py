"""Group pages, the directory, the region page's section and the API are cached for visitors
(``common.public_cache``): every change of a group, its dates, memberships (the member count) and reports makes
them stale. A deleted report takes its files along, however it is deleted (on the group page, or with its group in
the admin); a deleted region leaves its groups inactive, in the editors' hands."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

from common import public_cache
from regions.models import RegionPage
from working_groups.models import GroupEvent, Membership, ProgressReport, WorkingGroup

for _model in (WorkingGroup, GroupEvent, Membership, ProgressReport):
    public_cache.track(_model, unseen_fields=("show_name",) if _model is Membership else ())


@receiver(post_delete, sender=ProgressReport, dispatch_uid="working_groups_report_files")
def delete_report_files(sender, instance, **kwargs):
    """The media folder is public: the picture and the document go once the deletion is committed."""
    files = [(field.storage, field.name) for field in (instance.image, instance.document) if field]
    if files:
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])


@receiver(pre_delete, sender=RegionPage, dispatch_uid="working_groups_region_deleted")
def deactivate_groups_of_deleted_region(sender, instance, **kwargs):
    """The groups of a deleted region are kept (their reports are the record) but hidden: inactive, and then
    without a region (``on_delete=SET_NULL``), so only the editors manage them."""
    for group in WorkingGroup.objects.filter(region=instance, active=True):
        group.active = False
        group.save(update_fields=["active"])
