"""Settings shared by every environment.

The environment is read here and only here (django-environ); the dev, test and production modules
change defaults, never read variables of their own.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from wagtail.embeds import oembed_providers

import environ
from machina import MACHINA_MAIN_STATIC_DIR, MACHINA_MAIN_TEMPLATE_DIR

from search.engine_config import parse_engine_url, replica_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# --- Core -----------------------------------------------------------------------------------------

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # First: its ready() adds our rules to Wagtail's API schemas before any app can build them.
    "common",
    "home",
    "regions",
    "region_applications",
    "actions",
    "hub_events",
    "event_registrations",
    "news",
    "network",
    "adoptions",
    "newsletter_issues",
    "newsletters",
    "working_groups",
    "notifications",
    "anymail",
    "members",
    "forum",
    "search",
    "background",
    # Background tasks stored in the database; the worker is `manage.py run_worker` (background/).
    "django_tasks_db",
    # Who may do what: each app's rules.py names its predicates and permissions (django-rules); this config
    # imports every app's rules module once the apps are ready (members/rules.py explains the use).
    "rules.apps.AutodiscoverRulesConfig",
    # Accounts: e-mail sign-up with verification, rate limits (django-allauth).
    "allauth",
    "allauth.account",
    # Forums (django-machina). forum_conversation and its attachments are forked in forum/machina/ to
    # enforce our posting rules and upload checks, forum_permission to hide closed forums (its handler);
    # everything else is machina's own.
    "machina",
    "machina.apps.forum",
    "forum.machina.forum_conversation",
    "forum.machina.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    "machina.apps.forum_search",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    "forum.machina.forum_permission",
    "mptt",
    "haystack",
    "widget_tweaks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    # Content in two languages: translations in the admin, PO export/import, and the English tree kept in
    # step with the German one (wagtail_localize.locales replaces wagtail.locales).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v3",
    # Serves the interactive API docs' Swagger UI from static files instead of a CDN.
    "ninja",
    "wagtail",
    "wagtailgeowidget",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the caches: their keys carry the request's language. German at /, English at /en/.
    "django.middleware.locale.LocaleMiddleware",
    # The browser's language as a hint on the first visit only (common/language.py).
    "common.language.FirstVisitLanguageMiddleware",
    # The API has no language prefix: it answers in the client's language (Accept-Language).
    "common.api_language.APILanguageMiddleware",
    # Outside the session and auth middleware: it sees the final headers and strips cookies before storing.
    "common.public_cache.PublicAPICacheMiddleware",
    "hub.request_guards.RequestGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After the session, authentication and messages: only they tell a visitor from a member.
    "common.public_cache.PublicPageCacheMiddleware",
    "forum.middleware.ForumPermissionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The request's Wagtail site from the shared cache (home/site_cache.py), saving a query on every page.
    "home.site_cache.CachedSiteMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our templates first: they override machina's and allauth's to give them the site's look.
        "DIRS": [BASE_DIR / "templates", MACHINA_MAIN_TEMPLATE_DIR],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.navigation",
                "machina.core.context_processors.metadata",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
# Our apps use BigAutoField (set in their AppConfigs); this default matches the migrations machina ships.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_USER_MODEL = "members.User"

# The domain in iCal UIDs and feed entry ids: set once to the real domain and never change it afterwards,
# or every subscriber sees every event and news item as new.
ICAL_UID_DOMAIN = env.str("ICAL_UID_DOMAIN", default="mitmach-hub")
FEED_ID_DOMAIN = env.str("FEED_ID_DOMAIN", default="mitmach-hub")

# Anonymous API responses (common/public_cache.py): kept until content changes, at most this long.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=600)
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=60)
# Whole HTML pages for anonymous visitors (common/public_cache.py), kept until content changes, at most this
# long: a listing of upcoming events may show one that has just begun for that long. 0 turns the cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://"),
    # Holds forum attachments between a preview and the final submit, shared by every worker.
    "machina_attachments": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env.path(
            "MACHINA_ATTACHMENT_CACHE_DIR", default=BASE_DIR / "var" / "cache" / "attachments"
        ),
        "TIMEOUT": 3600,
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ----------------------------------------------------------------------------

# German for every visitor. LocaleMiddleware (choosing English from the browser) joins once the English
# catalogue ships; until then it would mix German UI text with English dates and SDG titles.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language cookie only records that the browser's language was heard once (common/language.py).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]

# --- Static and media files -----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static", MACHINA_MAIN_STATIC_DIR]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: generous enough for the page editor, small enough to refuse abuse.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------------

_email = env.email_url("EMAIL_URL", default="consolemail://")
# Every mail is queued as a task (background/mail.py); the worker sends it through the backend EMAIL_URL names.
EMAIL_BACKEND = "background.mail.QueuedEmailBackend"
QUEUED_EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
# Seconds the worker waits for the mail server: a server that hangs must not stall every other task.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Mitmach-Hub <hallo@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail provider's API instead of SMTP (docs/deploy.md): a django-anymail backend such as
# "anymail.backends.brevo.EmailBackend", configured by environment variables named ANYMAIL_<SETTING>
# (ANYMAIL_BREVO_API_KEY, ANYMAIL_WEBHOOK_SECRET for the bounce and complaint webhooks …).
if env.str("MAIL_PROVIDER_BACKEND", default=""):
    QUEUED_EMAIL_BACKEND = env.str("MAIL_PROVIDER_BACKEND")
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items() if name.startswith("ANYMAIL_")
}

# Newsletters (newsletters/): how long a confirmation link works, and how fast the worker hands list mails over.
NEWSLETTER_CONFIRMATION_DAYS = env.int("NEWSLETTER_CONFIRMATION_DAYS", default=7)
NEWSLETTER_MAILS_PER_SECOND = env.float("NEWSLETTER_MAILS_PER_SECOND", default=50.0)
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=200)

# --- Background tasks (django-tasks) -------------------------------------------------------------

# Development runs each task at once inside the request; production stores them for `manage.py run_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A task claimed by a worker on another machine that has not finished after this long is run again
# (workers on the same machine are checked by process id at once).
TASK_ABANDONED_AFTER = env.int("TASK_ABANDONED_AFTER", default=3600)

# --- Wagtail --------------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Mitmach-Hub"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")

# --- Search ---------------------------------------------------------------------------------------

# One URL picks the engine for the action search and Wagtail's site search: unset = the database,
# opensearch://host:port or elasticsearch://host:port (opensearchs:// / elasticsearchs:// for HTTPS), a
# cluster as opensearch://user:password@host1:9200,host2:9200,host3:9200 (search/engine_config.py).
SEARCH_URL = env.str("SEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="mitmach")
# Replicas of each shard in new indices: 0 for one node, 1 (or "0-1", "0-all") for a cluster.
SEARCH_REPLICAS = env.str("SEARCH_REPLICAS", default="0")
_database_search = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}
WAGTAILSEARCH_BACKENDS = {"default": _database_search}
if SEARCH_URL:
    _search = parse_engine_url(SEARCH_URL)
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{'opensearch3' if _search.kind == 'opensearch' else 'elasticsearch8'}",
            "URLS": _search.urls_with_auth(),
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-site-",
            "TIMEOUT": 5,
            # A node that is down: ask the next one (as the action search does, search/engines/opensearch.py).
            "OPTIONS": {
                "max_retries": len(_search.hosts) - 1,
                "retry_on_status": (502, 503, 504),
                "retry_on_timeout": False,
            },
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {
                        # German stemming for site search too ("Gärten" finds "Garten").
                        "analysis": {"analyzer": {"default": {"type": "german"}}},
                        **replica_settings(SEARCH_REPLICAS),
                    }
                }
            },
        },
        # Kept up to date as well, so site search can fall back to it when the engine is down.
        "database": _database_search,
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Recordings and videos from the platforms the Content-Security-Policy lets frames come from (CSP_FRAME_SOURCES);
# embeds that bring their own scripts (X, Instagram, Facebook) would be blocked on the public pages.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]

# The admin's map widget: centre of Germany, and the tile server the public map will use as well.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 51.1657, "lng": 10.4515}
GEO_WIDGET_ZOOM = 6
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
# Loading tiles tells the tile server the visitor's IP address: by default only after a click (remembered).
MAP_TILES_NEED_CONSENT = env.bool("MAP_TILES_NEED_CONSENT", default=True)
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL

# An online geocoder (Nominatim's /search) for places the offline extract does not know; off when empty. Nominatim's
# usage policy asks for a User-Agent that names the site and a contact, and at most one request per second
# (regions/map/geocoder.py keeps that for every process through the shared cache; docs/map.md).
GEOCODER_URL = env.str("GEOCODER_URL", default="")
GEOCODER_USER_AGENT = env.str("GEOCODER_USER_AGENT", default="")
GEOCODER_COUNTRY_CODES = env.list("GEOCODER_COUNTRY_CODES", default=["de"])
GEOCODER_TIMEOUT = env.float("GEOCODER_TIMEOUT", default=3.0)
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION}

# --- Accounts (django-allauth) -------------------------------------------------------------------

# allauth's backend only: no username-and-password path around its login (it also answers permissions, as
# Django's ModelBackend, which it extends).
AUTHENTICATION_BACKENDS = [
    # The only backend that logs anybody in (allauth: rate limits, lockout, e-mail verification).
    "allauth.account.auth_backends.AuthenticationBackend",
    # Answers user.has_perm() from the rules in each app's rules.py; it authenticates nobody.
    "rules.permissions.ObjectPermissionBackend",
]
LOGIN_URL = "account_login"
# Every login goes through allauth's rate limits, lockout and e-mail verification: Wagtail's admin sends people
# to it, and /admin/login/ and /django-admin/login/ only redirect there (hub/urls.py).
WAGTAILADMIN_LOGIN_URL = "account_login"
# Resetting a password too: allauth's reset is rate-limited, Wagtail's own is not.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# A logged-in person without admin rights sent to the login (by either admin) gets the form to switch accounts,
# not a redirect straight back to the admin (which would loop).
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
LOGIN_REDIRECT_URL = "members:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
# Keeps the language a member signs up in; account mails in the recipient's language (members/adapter.py).
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
# Nobody can log in, post or submit anything before confirming their address.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Bots fill every field; people never see this one.
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mitmach-Hub] "
# allauth's defaults plus a limit on sign-ups per IP; counted in the cache (use a shared cache in production).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    # Our own: password attempts on the account deletion form (members.views.account_delete).
    "delete_account": "5/m/user",
    # "Region starten" applications: each sends a confirmation to the address typed in.
    "region_application": "10/h/ip",
    # Initiatives from members (regions.views.submit_initiative): a few a day is normal, bursts go to 429.
    "initiative_submit": "5/h/user,20/d/user",
    # Messages through the hub (network.views.contact): per sender, per sender and recipient (so one sender
    # cannot use up a recipient's allowance), and per recipient.
    "contact_send": "5/h/user,20/d/user",
    "contact_pair": "3/d/key",
    "contact_receive": "20/d/key",
    # Reports that an action was done (adoptions.views.report): each may mail the region's team.
    "adoption_report": "10/h/user,30/d/user",
    # Working groups (working_groups.views): joining or asking to join (a request mails the contact persons),
    # and progress reports with their uploads.
    "working_group_join": "20/h/user,50/d/user",
    "working_group_report": "10/h/user,30/d/user",
    # Co-owner invitations (regions.co_owners): per inviting member, and per invited address (a hash of it),
    # so nobody's inbox fills with invitations from one or many initiatives.
    "co_owner_invite": "10/h/user,30/d/user",
    "co_owner_invite_address": "3/d/key",
    # Newsletter sign-ups (newsletters.views.subscribe): each mails a confirmation link, so per IP and per address.
    "newsletter_subscribe": "10/h/ip",
    "newsletter_address": "3/d/key",
    # Guests registering for events (event_registrations.views.register): each mails a confirmation link.
    "event_registration": "10/h/ip",
    "event_registration_address": "5/d/key",
}
# Greetings, mails and notices name people by their public name, never by username or e-mail address.
ACCOUNT_USER_DISPLAY = "members.privacy.user_display"

# --- Forums (django-machina) ----------------------------------------------------------------------

MACHINA_FORUM_NAME = "Mitmach-Forum"
MACHINA_BASE_TEMPLATE_NAME = "forum/board_layout.html"
MACHINA_USER_DISPLAY_NAME_METHOD = "public_name_text"
# Markdown without raw HTML, then an allowlist sanitizer (nh3): see forum/markup.py.
MACHINA_MARKUP_LANGUAGE = ("forum.markup.render", {})
FORUM_POST_MAX_LENGTH = 10_000  # enforced in our post form: machina's own setting alters its migrations
MACHINA_ATTACHMENT_MAX_FILES_PER_POST = 3
MACHINA_PROFILE_AVATARS_ENABLED = False
MACHINA_DEFAULT_AUTHENTICATED_USER_FORUM_PERMISSIONS = []
# Machina's own forum search runs through haystack; the simple backend needs no index.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
MIGRATION_MODULES = {
    "forum_conversation": "machina.apps.forum_conversation.migrations",
    "forum_attachments": "machina.apps.forum_conversation.forum_attachments.migrations",
    "forum_permission": "machina.apps.forum_permission.migrations",
}
# Posting rules (forum/policy.py).
FORUM_POST_MIN_INTERVAL_SECONDS = 30
FORUM_NEW_MEMBER_DAYS = 7
FORUM_NEW_MEMBER_TOPICS_PER_DAY = 3
FORUM_TOPICS_PER_DAY = 20
FORUM_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
FORUM_ATTACHMENT_TYPES = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WebP",
}

# --- Browser security headers --------------------------------------------------------------------

# Only our own scripts run on the public site; styles may be inline (colour badges), images come from here and
# the tile server, frames only from the video platforms the recordings are embedded from. Wagtail's admin and
# the Swagger UI rely on inline scripts and keep the browser's defaults.
_tile_origin = urlsplit(MAP_TILE_URL)
CSP_FRAME_SOURCES = env.list(
    "CSP_FRAME_SOURCES",
    default=["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
)
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/", "/api/v3/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", f"{_tile_origin.scheme}://{_tile_origin.netloc.replace('{s}', '*')}"],
        "frame-src": ["'self'", *CSP_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# The map's "use my location" needs geolocation; nothing else of the hub needs these.
PERMISSIONS_POLICY = {
    "geolocation": ["self"],
    "camera": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}

# --- Logging --------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # The search clients log every request at INFO.
    "loggers": {
        "opensearch": {"level": "WARNING"},
        "elastic_transport.transport": {"level": "WARNING"},
    },
}
