import sys

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured


class CommonConfig(AppConfig):
    """Plumbing every app may import and that imports none of them: the API's problem bodies and schema
    rules, pagination, the anonymous response cache. See docs/architecture.md."""

    name = "common"

    def ready(self):
        from common import api_read_schemas, api_write_schemas, language, public_cache

        # Wagtail builds its page schemas on the first import of its API registry; our field rules must be
        # in before that. `common` is first in INSTALLED_APPS, so no other app's ready() has imported it yet.
        if "wagtail.api.v3.registry" in sys.modules:
            raise ImproperlyConfigured(
                "`common` must come before every app that uses Wagtail's API in INSTALLED_APPS: "
                "wagtail.api.v3.registry was imported before its schema rules were registered."
            )
        api_read_schemas.register()
        api_write_schemas.register()
        public_cache.connect()
        language.connect()
