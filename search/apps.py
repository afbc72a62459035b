from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")

    def ready(self):
        from django.db.models.signals import post_save

        from home.models import SDG, FieldOfAction, Resource
        from search import signals

        for model in (FieldOfAction, SDG, Resource):
            post_save.connect(signals.taxonomy_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
