"""Production: every secret comes from the environment, and start-up fails loudly without it."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False

_REQUIRED = ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL"]
_missing = [name for name in _REQUIRED if not env.str(name, default="")]
if _missing:
    raise ImproperlyConfigured("Production settings need these environment variables: " + ", ".join(_missing))

# Nominatim's usage policy: a geocoder is used only with a User-Agent that names the site and how to reach it.
if GEOCODER_URL and not GEOCODER_USER_AGENT:
    raise ImproperlyConfigured(
        "GEOCODER_URL needs GEOCODER_USER_AGENT, e.g. 'Mitmach-Hub mitmach.example.org (hallo@example.org)'"
    )

# Rate limits, cached API answers and the page cache must be the same for every worker process: a cache that
# lives in one process lets every worker count (and cache) on its own.
_PER_PROCESS_CACHES = ("LocMemCache", "DummyCache")
if CACHES["default"]["BACKEND"].rsplit(".", 1)[-1] in _PER_PROCESS_CACHES:
    raise ImproperlyConfigured(
        "CACHE_URL must name a cache that every worker process shares, e.g. rediscache://127.0.0.1:6379/1, "
        f"not {CACHES['default']['BACKEND']}"
    )

# The demo loader (`manage.py load_demo_content`) only when the operator asks for it, e.g. for a staging or
# smoke-test site that shows the demo content (.ci/run, benchmarks/load_bench.py); a real site has no use for it.
if env.bool("DJANGO_DEMO_CONTENT", default=False):
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

# Each gunicorn worker keeps its database connection for a minute instead of opening one per request (a new
# PostgreSQL connection costs more than most pages' queries); a connection that broke meanwhile is replaced.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Forum attachments wait between preview and submit; with several servers the submit may reach another one.
CACHES["machina_attachments"] = CACHES["default"] | {"KEY_PREFIX": "machina-attachments", "TIMEOUT": 3600}

# Tasks (e-mails, notifications, index updates) wait in the database for `manage.py run_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind a reverse proxy REMOTE_ADDR is the proxy: rate limits (allauth's and ours) count per client only when
# they may read X-Forwarded-For. The number of proxies in front of the hub; 0 (the default) trusts the header not
# at all, since without a proxy that sets it anybody can write any address there (docs/deploy.md).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Load balancers probe the web processes directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
