from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.documents import urls as wagtaildocs_urls

from adoptions.api import router as adoptions_router
from forum.urls import board_urls
from hub.health import healthz
from hub_events.api import router as events_router
from newsletter_issues.api import router as newsletter_issues_router
from regions.api import router as initiatives_router
from regions.map.api import router as map_router
from search import views as search_views
from search.api import router as action_search_router
from working_groups.api import router as working_groups_router

# One API, one OpenAPI schema (/api/v3/openapi.json, docs at /api/v3/docs/): Wagtail's pages plus ours.
api.add_router("/actions/", action_search_router)
api.add_router("/map/", map_router)
api.add_router("/events/", events_router)
api.add_router("/initiatives/", initiatives_router)
api.add_router("/adoptions/", adoptions_router)
api.add_router("/newsletters/", newsletter_issues_router)
api.add_router("/groups/", working_groups_router)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Every login goes through allauth (rate limits, lockout, verified e-mail only): the admins' own login
    # pages check no password, they pass people on to allauth's login with their ?next=.
    path("django-admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("django-admin/", admin.site.urls),
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
]

# The site for visitors and members: German at /, English under /en/ (common/language.py).
site_urlpatterns = [
    path("suche/", search_views.search, name="search"),
    path("konto/", include("allauth.urls")),
    path("mitglied/", include("members.urls")),
    path("mitmachen/umgesetzt/", include("adoptions.urls")),
    path("mitmachen/gruppen/", include("working_groups.urls")),
    path("mitmachen/", include("regions.urls")),
    path("netzwerk/", include("network.urls")),
    path("newsletter/archiv/", include("newsletter_issues.urls")),
    path("newsletter/", include("newsletters.urls")),
    path("anmeldung/", include("event_registrations.urls")),
    path("mitglied/benachrichtigungen/", include("notifications.urls")),
    path("forum/", include(board_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    *site_urlpatterns, path("", include(wagtail_urls)), prefix_default_language=False
)
