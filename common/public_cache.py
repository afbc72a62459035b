"""Anonymous responses from the shared cache until public content changes: the JSON API and whole HTML pages.

Every cached response is keyed by a *content version* kept in the shared cache (Redis in production, so every
process and server sees the same one). Publishing, unpublishing, moving or deleting a page, a change of a view
restriction, a site, an image or document bump it, and so does every model an app registers with ``track()``
(the taxonomy and site settings in ``home``, members in ``members``, forum content in ``forum``) or bumps for
itself (initiatives, member cards and memberships in ``regions.signals`` and ``members.signals``): no stale
response outlives a change. This module imports no app of ours; the apps call it.

Two middlewares share that version:

- ``PublicAPICacheMiddleware`` serves anonymous ``/api/v3/`` GETs. It sits before the session middleware: the
  API reads as anonymous unless a token is sent, and requests with an ``Authorization`` header pass by.
- ``PublicPageCacheMiddleware`` serves whole HTML pages to anonymous visitors. It sits after the session,
  authentication and message middlewares, because only the session tells a logged-in member from a visitor. A
  page is stored only when nothing in it belonged to this visitor: no member logged in, an empty session (or one
  holding only what we know to be shared, see ``SHAREABLE_SESSION_KEYS``), no CSRF token used in the page, no
  message shown or queued, no cookie set, nothing marked private or ``no-store``.

``wagtail-cache`` would have been the kept library for the page part, but its releases require Wagtail < 8, and it
clears the whole cache on publish instead of following our content version, which the API cache and the
cached site parts already use.
"""

import hashlib
from http.cookies import SimpleCookie

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "public-content-version"
CACHED_PREFIXES = ("/api/v3/",)
# Pages that are someone's own (account, profile, forms) or not pages at all.
UNCACHED_PAGE_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/konto/",
    "/mitglied/",
    "/api/",
    "/documents/",
    "/healthz",
    "/static/",
    "/media/",
)
# Query strings longer than this are free text or made up; caching them would fill the cache, not serve it.
MAX_CACHED_QUERY_LENGTH = 200
# Session keys a visitor may hold without the page becoming theirs. Empty: the forum gives anonymous
# visitors no key (forum.middleware), and everything else an anonymous session holds (a page password
# passed, a pending message) makes the page personal.
SHAREABLE_SESSION_KEYS = frozenset()
# Per tracked model (``track()``): the fields whose saves change nothing a visitor sees, and whether a new row
# changes nothing either (a setting created with its defaults the first time a page reads it).
_unseen_fields = {}
_created_with_defaults = set()


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


def bump_now_and_after_commit(**kwargs):
    """Now and after the commit: a request that read the old rows in between must not stay cached."""
    bump()
    transaction.on_commit(bump)


def _bump_for_page_delete(sender, **kwargs):
    if isinstance(kwargs.get("instance"), Page):
        bump_now_and_after_commit()


def _bump_for_save(sender, created=False, update_fields=None, raw=False, **kwargs):
    label = sender._meta.label_lower
    unseen = _unseen_fields.get(label, frozenset())
    if raw or (update_fields is not None and set(update_fields) <= unseen):
        return
    if created and label in _created_with_defaults:
        return
    bump_now_and_after_commit()


def track(model, unseen_fields=(), created_with_defaults=False):
    """Every save or delete of ``model`` makes cached public responses stale: visitors see its rows on pages.

    ``unseen_fields``: saves of only these fields change nothing a visitor sees. ``created_with_defaults``: a new
    row changes nothing (created with its defaults the first time a page reads it).
    """
    label = model._meta.label_lower
    _unseen_fields[label] = frozenset(unseen_fields)
    if created_with_defaults:
        _created_with_defaults.add(label)
    post_save.connect(_bump_for_save, sender=model, dispatch_uid=f"public_cache_save_{label}")
    post_delete.connect(bump_now_and_after_commit, sender=model, dispatch_uid=f"public_cache_delete_{label}")


def connect():
    # Wagtail may send these inside a transaction (a workflow's last approval publishes in one): a page rendered
    # from the old rows before the commit would otherwise be stored under the new version.
    page_published.connect(bump_now_and_after_commit, dispatch_uid="public_cache_published")
    page_unpublished.connect(bump_now_and_after_commit, dispatch_uid="public_cache_unpublished")
    post_page_move.connect(bump_now_and_after_commit, dispatch_uid="public_cache_moved")
    post_delete.connect(_bump_for_page_delete, dispatch_uid="public_cache_page_deleted")
    # A page made private (or public again) leaves or joins every public listing; the others are shown on pages.
    track(PageViewRestriction)
    track(Site)
    # Wagtail stores the size and hash of a file the first time it reads them, in the middle of rendering a page.
    track(get_image_model(), unseen_fields={"file_size", "file_hash"})
    track(get_document_model(), unseen_fields={"file_size", "file_hash"})


def cache_key(request, kind="response"):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", "")
    return f"public-{kind}:{content_version()}:{request.get_host()}:{language}:{digest}"


def _strip_cookies(response):
    response.cookies = SimpleCookie()


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
            # The API is stateless; a cookie set on the way (by any middleware) must not be handed to everybody.
            _strip_cookies(response)
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


class PublicPageCacheMiddleware:
    """Serve whole HTML pages to anonymous visitors from the cache for ``PAGE_CACHE_SECONDS`` (0: off)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self._cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request, kind="page")
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            response["X-Cache"] = "miss"
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _anonymous_visitor(request):
        session = request.session
        return (
            not request.user.is_authenticated
            and set(session.keys()) <= SHAREABLE_SESSION_KEYS
            and "messages" not in request.COOKIES
        )

    def _cacheable_request(self, request):
        return (
            request.method == "GET"
            and not request.path.startswith(UNCACHED_PAGE_PREFIXES)
            and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY_LENGTH
            and "HTTP_AUTHORIZATION" not in request.META
            and self._anonymous_visitor(request)
        )

    def _cacheable_response(self, request, response):
        messages = getattr(request, "_messages", None)
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.session.modified
            and not (messages is not None and len(messages))
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
            and self._anonymous_visitor(request)
        )
