"""Where an app registers the pages search indexes: ``register(IndexedKind(...))`` from its ``ready()``.

Registering stores the kind (``search.kinds``) and connects the signals that keep the engine's documents
and the cached taxonomy true to the database: the kind's pages published, unpublished or deleted; the
``Stale`` rules' models changed; any page moved or made private (the kind's pages below it); the
taxonomy models saved or deleted.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import signals
from search.facets import Facet, Option, forget_taxonomy
from search.kinds import IndexedKind, Rank, Stale, add

__all__ = ["Facet", "IndexedKind", "Option", "Rank", "Stale", "register"]


def register(kind):
    if not add(kind):
        return  # registered already (ready() ran again)
    uid = f"search-{kind.name}"
    post_delete.connect(signals.page_deleted, sender=kind.model, dispatch_uid=f"{uid}-deleted")
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished")):
        signal.connect(signals.page_changed, sender=kind.model, dispatch_uid=f"{uid}-{name}")
    post_page_move.connect(signals.page_moved, dispatch_uid=f"{uid}-moved")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            signals.privacy_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-privacy-{name}"
        )

    for rule in kind.stale:
        receiver = signals.stale_receiver(rule)  # a closure: held strongly, or it would be collected
        label = f"{uid}-stale-{rule.model._meta.label_lower}"
        if issubclass(rule.model, Page):
            for signal, name in ((page_published, "published"), (page_unpublished, "unpublished")):
                signal.connect(receiver, sender=rule.model, weak=False, dispatch_uid=f"{label}-{name}")
        else:
            post_save.connect(receiver, sender=rule.model, weak=False, dispatch_uid=label)

    # The cached taxonomy: its rows and pages (saved, published, unpublished, deleted, moved, made
    # private). Pages of other types do not change it.
    for model in (*kind.taxonomy_models, PageViewRestriction):
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                forget_taxonomy, sender=model, dispatch_uid=f"{uid}-taxonomy-{model._meta.label_lower}-{name}"
            )
        if issubclass(model, Page):
            page_unpublished.connect(
                forget_taxonomy,
                sender=model,
                dispatch_uid=f"{uid}-taxonomy-{model._meta.label_lower}-unpublished",
            )
    post_page_move.connect(forget_taxonomy, dispatch_uid=f"{uid}-taxonomy-moved")
