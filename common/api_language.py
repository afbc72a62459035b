"""The API answers in the language the client asks for with ``Accept-Language`` (German when it asks for none).

Django's LocaleMiddleware takes a page's language from its address (German at ``/``, English at ``/en/``) and
gives every unprefixed path the default language: with ``prefix_default_language=False`` it never reads
``Accept-Language`` there. The API has no language prefix, so under ``/api/`` this middleware, right after it,
activates the first language of the header the hub offers. The site's language cookie does not count: it
records the first visit's hint (common/language.py), and the API is stateless. Problem bodies, labels and dates
come in that language; ``request.LANGUAGE_CODE`` follows, and with it the key of the public API cache.
LocaleMiddleware already marks the answer ``Vary: Accept-Language`` and sets ``Content-Language``.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

API_PREFIX = "/api/"


def requested_language(request):
    """The first language of the request's ``Accept-Language`` the hub offers, else the default language."""
    for language, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if language == "*":
            break
        try:
            return translation.get_supported_language_variant(language)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class APILanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            translation.activate(requested_language(request))
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
