from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """The django-machina integration. Its own label: machina's app is ``forum``.

    Keep ``forum/__init__.py`` empty: machina's class loader looks up names in a package called ``forum``
    before its own forum app.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "forum"
    label = "hub_forum"
    verbose_name = _("Forums")

    def ready(self):
        from forum import receivers  # noqa: F401 (connects the signal receivers)
