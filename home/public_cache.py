"""Anonymous GET responses of the JSON API, cached until public content changes.

Every cached response is keyed by a *content version*; publishing, unpublishing, moving or deleting a page and
changing public data outside pages (initiatives, member cards, the taxonomy) bumps it with ``bump()``, so no
stale response outlives a change. Responses to requests that carry credentials (an ``Authorization`` header)
are never cached: they may show drafts. Session cookies do not matter here: the API reads as anonymous unless a
token is sent, and our own endpoints (action search, GeoJSON, events) show only public data.
"""

import hashlib
from http.cookies import SimpleCookie

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "public-content-version"
CACHED_PREFIXES = ("/api/v3/",)


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump(**kwargs):
    """Signal receiver and plain function: every cached public response is stale from now on."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _is_page(sender, **kwargs):
    from wagtail.models import Page

    return isinstance(kwargs.get("instance"), Page)


def _bump_for_page_delete(sender, **kwargs):
    if _is_page(sender, **kwargs):
        bump()


def connect():
    from wagtail.models import PageViewRestriction

    from home.models import SDG, FieldOfAction, Resource

    page_published.connect(bump, dispatch_uid="public_cache_published")
    page_unpublished.connect(bump, dispatch_uid="public_cache_unpublished")
    post_page_move.connect(bump, dispatch_uid="public_cache_moved")
    post_delete.connect(_bump_for_page_delete, dispatch_uid="public_cache_page_deleted")
    # A page made private (or public again) leaves or joins every public listing.
    for model in (PageViewRestriction, FieldOfAction, SDG, Resource):
        post_save.connect(bump, sender=model, dispatch_uid=f"public_cache_save_{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"public_cache_delete_{model.__name__}")


def cache_key(request):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-response:{content_version()}:{request.get_host()}:{digest}"


class PublicAPICacheMiddleware:
    """Serve anonymous API GETs from the cache; store successful ones for ``PUBLIC_CACHE_SECONDS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming:
            # The API is stateless, but middleware (machina's anonymous forum key) starts a session on every
            # request: a stored cookie would hand one visitor's session to everybody after them.
            response.cookies = SimpleCookie()
            response["X-Cache"] = "miss"
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
            # A shared cache in front of us must not hand this anonymous answer to a client with a token.
            patch_vary_headers(response, ["Authorization"])
            cache.set(key, response, settings.PUBLIC_CACHE_SECONDS)
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            request.method in ("GET", "HEAD")
            and request.path.startswith(CACHED_PREFIXES)
            and "HTTP_AUTHORIZATION" not in request.META
            # A draft preview or anything else that depends on who asks.
            and "version" not in request.GET
            # Every pan of the map asks for another box: caching those would fill the cache, not serve it.
            and "bbox" not in request.GET
        )
