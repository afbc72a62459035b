"""What every page shows and no request changes, from the shared cache: the site, the main menu, the footer.

Values are keyed by the public content version (``common.public_cache``): it lives in the shared cache (Redis in
production), and publishing, unpublishing, moving, view restrictions, site settings and sites bump it, so the
next request of every process computes them afresh. Nothing here depends on who asks, but the menu and the
footer depend on the language asked for: their keys name it (``per_language``).
"""

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language

from wagtail.models import Page, Site

from common.public_cache import content_version
from home.models import HomePage, SiteSettings

# Old versions are never read again; they only have to leave the cache at some point.
TIMEOUT = 24 * 60 * 60


def cached(name, compute, *, per_language=False):
    """``compute()``, kept in the shared cache under ``name`` until public content changes; ``per_language``:
    one value per language (the key names the active one)."""
    if per_language:
        name = f"{name}:{get_language()}"
    key = f"site-cache:{content_version()}:{name}"
    found = cache.get(key)
    if found is None:
        found = (compute(),)  # a tuple, so that None is a value too
        cache.set(key, found, TIMEOUT)
    return found[0]


def site_for_request(request):
    """``Site.find_for_request`` without its query, remembered on the request as Wagtail does.

    The site comes with its root page as a specific page and that page's translations: Wagtail's routing starts
    at ``site.root_page.localized`` on every request.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname, port = request.get_host(), request.get_port()
        request._wagtail_site = cached(f"site:{hostname}:{port}", lambda: _site_with_root(request))
    return request._wagtail_site


def _site_with_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        # The home page and its translations in one query, so that routing asks ``HomePage.localized``: it
        # answers from them, without the two queries of Wagtail's own (the active locale and its translation).
        homes = list(
            HomePage.objects.filter(
                translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key")
            )
        )
        root = next((home for home in homes if home.pk == site.root_page_id), None)
        if root is None:  # a site whose root is not a home page (Wagtail's welcome page before the set-up)
            root = site.root_page.specific
        else:
            root.cached_translations = {home.locale_id: home for home in homes if home.live}
        site.root_page = root  # the specific page, stored with the site
    return site


def menu_pages(request):
    """The live, public top-level pages marked "show in menus", of the active language's tree (the English
    menu lists the children of the English home page)."""
    site = site_for_request(request)
    if site is None:
        return []

    def compute():
        root = site.root_page.localized  # the site's root in the active language, else itself
        return list(
            root.get_children()
            .live()
            .public()
            .in_menu()
            .only("title", "url_path", "path", "depth", "locale_id", "alias_of_id")
        )

    return cached(f"menu:{site.pk}", compute, per_language=True)


def footer(request):
    """The footer's texts and links from the site settings; the legal notice and the privacy policy in the
    active language where they are translated (an English page or its alias), else the German page."""
    site = site_for_request(request)
    if site is None:
        return {}

    def compute():
        # Not ``for_site``: it creates a missing row, and that save would bump the version it is cached under.
        settings = (
            SiteSettings.objects.filter(site=site).select_related("imprint_page", "privacy_page").first()
        )
        settings = settings or SiteSettings(site=site)
        return {
            "tagline": settings.tagline,
            "footer_text": settings.footer_text,
            "contact_email": settings.contact_email,
            "imprint_url": settings.imprint_page.localized.get_url(request)
            if settings.imprint_page
            else None,
            "privacy_url": settings.privacy_page.localized.get_url(request)
            if settings.privacy_page
            else None,
        }

    return cached(f"footer:{site.pk}", compute, per_language=True)


class CachedSiteMiddleware:
    """Finds the request's site in the shared cache before Wagtail looks for it in the database.

    Not for the health check: it reports the shared cache's state itself and must answer when it is down.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != reverse("healthz"):
            site_for_request(request)
        return self.get_response(request)
