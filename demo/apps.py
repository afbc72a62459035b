from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo loader (``manage.py load_demo_content``); no models, so installing it adds no tables.

    It sits on top of every feature app and imports them freely; no other app imports it. Installed with the
    development and test settings, and in production only with ``DJANGO_DEMO_CONTENT=true``.
    """

    name = "demo"
    label = "demo"
    verbose_name = _("Demo content")
