"""Keep the lists in step with regions and fields of action (``newsletters.lists``)."""

from django.db.models.signals import post_migrate, post_save

from anymail.signals import tracking

from home.models import FieldOfAction
from newsletters import lists, webhooks
from regions.models import RegionPage, network_locale_id


def region_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # A draft saves a few bookkeeping fields with the draft's title in memory: the list follows published titles.
    if raw or instance.locale_id != network_locale_id():
        return
    if update_fields is not None and "title" not in update_fields:
        return
    lists.region_list(instance)


def field_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        lists.field_list(instance)


def migrated(sender, **kwargs):
    lists.sync_all()


def connect(app_config):
    post_save.connect(region_saved, sender=RegionPage, dispatch_uid="newsletters_region_saved")
    post_save.connect(field_saved, sender=FieldOfAction, dispatch_uid="newsletters_field_saved")
    tracking.connect(webhooks.provider_event, dispatch_uid="newsletters_provider_event")
    post_migrate.connect(migrated, sender=app_config, dispatch_uid="newsletters_lists_after_migrate")
