from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Suche")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_unpublished, post_page_move

        from actions.models import ActionPage
        from home.models import SDG, FieldOfAction, Resource
        from regions.models import RegionPage
        from search import fts5, signals
        from search.facets import forget_taxonomy

        fts5.install()

        post_delete.connect(signals.action_deleted, sender=ActionPage, dispatch_uid="search-action-deleted")
        for model in (FieldOfAction, SDG, Resource):
            post_save.connect(signals.taxonomy_changed, sender=model, dispatch_uid=f"search-{model.__name__}")

        # The cached taxonomy of the facets: its rows, and the live public regions (saved, published,
        # unpublished, deleted, moved, made private). Pages other than regions do not change it.
        for model in (FieldOfAction, SDG, Resource, RegionPage, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_taxonomy, sender=model, dispatch_uid=f"search-taxonomy-{model.__name__}"
                )
        page_unpublished.connect(
            forget_taxonomy, sender=RegionPage, dispatch_uid="search-taxonomy-unpublished"
        )
        post_page_move.connect(forget_taxonomy, dispatch_uid="search-taxonomy-moved")
