"""The API answers in the language the client asks for: ``Accept-Language`` (or the site's language cookie).

Django's LocaleMiddleware takes a page's language from its address (German at ``/``, English at ``/en/``) and
gives every unprefixed path the default language — with ``prefix_default_language=False`` it never reads
``Accept-Language`` there. The API has no language prefix: under ``/api/`` this middleware, right after it, picks
the language as Django does without URL prefixes (the cookie, then ``Accept-Language``, then German), so problem
bodies, labels and dates come in the client's language. ``request.LANGUAGE_CODE`` follows, and with it the key of
the public API cache; LocaleMiddleware already marks the answer ``Vary: Accept-Language`` and sets
``Content-Language`` from the active language.
"""

from django.utils import translation

API_PREFIX = "/api/"


class APILanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            translation.activate(translation.get_language_from_request(request, check_path=False))
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
