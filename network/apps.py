from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from common import public_cache
        from network import signals
        from network.models import Card

        # The directory shows the cards to visitors (and the page cache keeps it).
        public_cache.track(Card, created_with_defaults=True)
        # The map's contact links of initiatives whose owner goes.
        signals.connect()
