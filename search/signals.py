"""Signal receivers that tell the sync which pages of the indexed kind changed (connected by
``search.registry.register``)."""

from wagtail.models import Page

from search.kinds import indexed_kind
from search.sync import queue_changes


def page_changed(sender, instance, **kwargs):
    """A page of the kind published or unpublished."""
    queue_changes([instance.pk])


def page_deleted(sender, instance, **kwargs):
    queue_changes([instance.pk])


def page_moved(sender, instance, **kwargs):
    """Any page moved: the kind's pages below it may have become public or private."""
    queue_changes(indexed_kind().ids_below(instance))


def privacy_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        queue_changes(indexed_kind().ids_below(page))


def stale_receiver(rule):
    """A receiver for ``rule`` (a ``search.kinds.Stale``): the rows it names get new documents."""

    def receiver(sender, instance, **kwargs):
        queue_changes(rule.rows(instance))

    return receiver
