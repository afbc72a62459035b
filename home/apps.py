from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Home page and taxonomy")

    def ready(self):
        from common import public_cache
        from home.models import SDG, FieldOfAction, Resource, SiteSettings

        for model in (FieldOfAction, SDG, Resource):
            public_cache.track(model)
        # Wagtail creates the settings with their defaults the first time a page reads them.
        public_cache.track(SiteSettings, created_with_defaults=True)
