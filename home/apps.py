from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Startseite und Taxonomie")

    def ready(self):
        from home import api_schemas, public_cache

        api_schemas.register()
        public_cache.connect()
