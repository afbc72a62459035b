"""Test runs: fast hashing, in-memory cache and mail outbox; DATABASE_URL may point at PostgreSQL."""

from .base import *

SECRET_KEY = "test-only-insecure-key"  # noqa: S105 (tests only)
DEBUG = False
ALLOWED_HOSTS = ["*"]
# The demo loader: tests load the demo site (tests/demo, query budgets, the API fuzzing).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# wagtail-localize starts a tree sync whenever its LocaleSynchronization row is saved, even when a transactional
# test restores the database from its serialized copy (before the locales are back): that row is not restored.
TEST_NON_SERIALIZED_APPS = ["wagtail_localize"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "machina_attachments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "att"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["loggers"] |= {
    "django_tasks": {"level": "WARNING"},
    "wagtail": {"level": "WARNING"},
}
# No test asks an online geocoder unless it starts its own (tests/map/test_geocoder.py).
GEOCODER_URL = ""
# The mail provider's webhooks are routed only with a secret (newsletters/urls.py): the tests post with this one.
ANYMAIL = {"WEBHOOK_SECRET": "provider:test-webhook-secret"}
