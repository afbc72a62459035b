"""Which language a visitor sees, and the same page in the other languages.

German is served at ``/``, English under ``/en/`` (``i18n_patterns`` without a prefix for the default). The
browser's language is a hint on the first visit only: a visitor without the language cookie whose browser
prefers English is sent once to the English version of the page they asked for; every later visit shows the
language of the address, whatever the browser says. The redirect sets the language cookie (nothing but the
language code) so that it happens once; a visitor who follows a link of the site (the language switch) is not
redirected either. Pages themselves set no cookie: the page cache serves them to everybody.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import escape_leading_slashes, url_has_allowed_host_and_scheme

from wagtail.models import Locale, Page

# {language code: Locale id}. Locales are created by migrations and by editors, rarely; a miss asks again.
_locale_ids = {}


def locale_id(language=None):
    """The id of the Wagtail locale of ``language`` (default: the active language), without a query once known.

    Lists of pages filter on it (``.filter(locale_id=locale_id())``) so that German visitors see the German
    tree and English visitors the English one, where untranslated pages are aliases of the German ones.
    """
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language not in _locale_ids:
        found = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
        if found is None:
            return locale_id(settings.LANGUAGE_CODE) if language != settings.LANGUAGE_CODE else None
        _locale_ids[language] = found
    return _locale_ids[language]


def forget_locales(**kwargs):
    _locale_ids.clear()


def connect():
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="common.language.forget_locales")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="common.language.forget_locales_deleted")


def page_translation_urls(request, page):
    """``{language code: URL}`` of the live translations of a Wagtail page, the page itself included; one query."""
    if page is None or not getattr(page, "pk", None):
        return {}
    found = (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .select_related("locale")
        .only("url_path", "path", "depth", "locale__language_code", "translation_key")
    )
    return {candidate.locale.language_code: candidate.get_url(request) for candidate in found}


def _with_query(request, url):
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


def route_in_language(path, language):
    """``path`` (a route of the site, without its query) under ``language``'s prefix, or None when it is not one
    of the site's routes. Never a URL of another host: a path such as ``//host/`` stays a path."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if not match.url_name:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(language):
        try:
            url = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return escape_leading_slashes(url)


def _in_language(request, language, translation_urls):
    """The address of what ``request`` shows, in ``language``: on a page of the tree (or one of its subroutes)
    its translation's address (its slugs may differ), elsewhere the same route under the other prefix, else
    that language's home page."""
    current = translation_urls.get(translation.get_language()) if translation_urls else None
    if current and language in translation_urls and request.path.startswith(current):
        return _with_query(request, translation_urls[language] + request.path[len(current) :])
    url = route_in_language(request.path_info, language)
    if url is None:  # not a route: that language's home page
        with translation.override(language):
            return reverse("wagtail_serve", args=[""])
    return _with_query(request, url)


def language_links(request, page=None, translation_urls=None):
    """The language switch: one entry per language, each keeping the visitor on the same page.

    ``translation_urls`` are the page's addresses per language as ``page_translation_urls`` gives them.
    """
    current = translation.get_language()
    if translation_urls is None and page is not None:
        translation_urls = page_translation_urls(request, page)
    return [
        {
            "code": code,
            "name": name,
            "url": _in_language(request, code, translation_urls),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


class FirstVisitLanguageMiddleware:
    """On a first visit (no language cookie) to a German address, follow the browser's language once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "GET"
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and translation.get_language() == settings.LANGUAGE_CODE
            and not self._from_this_site(request)
        ):
            preferred = translation.get_language_from_request(request)
            if preferred != settings.LANGUAGE_CODE:
                target = self._target(request, preferred)
                if target is not None:
                    # The cookie goes with the redirect only: pages for visitors carry none (the page cache).
                    response = HttpResponseRedirect(target)
                    self._remember(response, preferred)
                    patch_vary_headers(response, ("Accept-Language", "Cookie", "Referer"))
                    return response
        return self.get_response(request)

    @staticmethod
    def _from_this_site(request):
        """A visitor who followed a link of this site (the language switch among them) is not on a first visit."""
        referer = request.headers.get("Referer", "")
        return bool(referer) and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()})

    @staticmethod
    def _target(request, language):
        """The page asked for in ``language``, or None where there is none (the admin, the API, a 404)."""
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve":
            url = route_in_language(request.path_info, language)
            if url in (None, request.path_info):
                return None  # not a route of the site's languages: the admin, the API, files
            return _with_query(request, url)
        # Wagtail keeps the route on the request: when there is no redirect, serving the page reuses it.
        route = Page.route_for_request(request, match.args[0] if match.args else "")
        if route is None:
            return None
        page = route[0]
        urls = page_translation_urls(request, page)
        if language not in urls:
            return None
        return _in_language(request, language, urls)

    @staticmethod
    def _remember(response, language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
