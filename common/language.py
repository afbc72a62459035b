"""Which language a visitor sees, and the same page in the other languages.

German is served at ``/``, English under ``/en/`` (``i18n_patterns`` without a prefix for the default). The
browser's language is a hint on the first visit only: a visitor without the language cookie whose browser
prefers English is sent once to the English version of the page they asked for; every later visit shows the
language of the address, whatever the browser says. The cookie holds nothing but the language code.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers

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


def language_links(request, page=None, translation_urls=None):
    """The language switch: one entry per language, each keeping the visitor on the same page.

    On a page of the tree the links go to its translations (their slugs may differ), ``translation_urls`` as
    ``page_translation_urls`` gives them; on a subroute of a page and elsewhere, to the same route under the
    other prefix.
    """
    current = translation.get_language()
    if translation_urls is None and page is not None:
        translation_urls = page_translation_urls(request, page)
    on_page = bool(translation_urls) and request.path == translation_urls.get(current)
    links = []
    for code, name in settings.LANGUAGES:
        if on_page and code in translation_urls:
            url = translation_urls[code]
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


class FirstVisitLanguageMiddleware:
    """On a first visit (no language cookie) to a German address, follow the browser's language once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        first_visit = settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        if first_visit and request.method == "GET" and translation.get_language() == settings.LANGUAGE_CODE:
            preferred = translation.get_language_from_request(request)
            if preferred != settings.LANGUAGE_CODE:
                target = translate_url(request.get_full_path(), preferred)
                if target != request.get_full_path():
                    response = HttpResponseRedirect(target)
                    self._remember(response, preferred)
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        response = self.get_response(request)
        if first_visit and self._site_page(request, response):
            self._remember(response, translation.get_language())
        return response

    @staticmethod
    def _site_page(request, response):
        """An HTML page of the site in one of its languages (not the admin, the API or a file)."""
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            return False
        path = request.get_full_path()
        return any(translate_url(path, code) != path for code, _name in settings.LANGUAGES)

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
