from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """The django-machina integration (a later issue). Its own label: machina's app is ``forum``."""

    name = "forum"
    label = "hub_forum"
    verbose_name = _("Foren")
