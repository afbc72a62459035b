"""Signal handlers that tell the sync which actions changed (connected in SearchConfig.ready)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.sync import action_ids_below, queue_changes


def _actions_of(page):
    from actions.models import ActionPage
    from regions.models import RegionPage

    if page.specific_class is ActionPage:
        return [page.pk]
    if page.specific_class is RegionPage:
        # Documents carry the slugs of regions where an action has been done.
        return list(ActionPage.objects.filter(regions=page.pk).values_list("pk", flat=True))
    return []  # other pages carry no action data; subtrees matter only for moves and privacy


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    queue_changes(_actions_of(instance))


def action_deleted(sender, instance, **kwargs):
    queue_changes([instance.pk])


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    queue_changes(action_ids_below(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        queue_changes(action_ids_below(page))


def taxonomy_changed(sender, instance, **kwargs):
    """A renamed field of action, SDG or resource: every action that carries it gets a new document."""
    queue_changes(instance.actions.values_list("pk", flat=True))
