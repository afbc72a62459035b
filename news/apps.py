from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Neuigkeiten")

    def ready(self):
        from hub import api_write_schemas

        # Before Wagtail builds its page write schemas: see hub/api_write_schemas.py.
        api_write_schemas.register()
