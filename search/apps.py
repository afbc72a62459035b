from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Suche")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from actions.models import ActionPage
        from home.models import SDG, FieldOfAction, Resource
        from search import fts5, signals

        fts5.install()

        post_delete.connect(signals.action_deleted, sender=ActionPage, dispatch_uid="search-action-deleted")
        for model in (FieldOfAction, SDG, Resource):
            post_save.connect(signals.taxonomy_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
