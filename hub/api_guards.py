"""Input checks in front of Wagtail's API v3 that Wagtail itself misses.

``/api/v3/pages/find/?html_path=…&site=host:port`` passes the port straight to a database lookup; a port that
is not a number (``site=example.org:abc``) raised a ValueError there and answered 500. Here such a value gets a
400 problem response like every other bad parameter of the API.
"""

import re

from django.http import JsonResponse

SITE_FILTER = re.compile(r"^[^:]*(:\d{1,5})?$")


def problem(detail, parameter):
    body = {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": detail,
        "parameter": parameter,
    }
    return JsonResponse(body, status=400, content_type="application/problem+json")


class APIParameterGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/v3/pages/"):
            site = request.GET.get("site")
            if site is not None and not SITE_FILTER.match(site):
                return problem(
                    "site must be a host name, optionally with a numeric port: example.org:8000", "site"
                )
        return self.get_response(request)
