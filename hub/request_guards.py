"""Checks in front of every view, for input that no view should ever see: one place instead of one per view.

- **NUL bytes.** No browser, form or API client sends one, and the databases choke on them: PostgreSQL
  refuses them in text ("A string literal cannot contain NUL (0x00) characters"), SQLite's full-text search
  reads them as the end of the query ("unterminated string"). A NUL in the path, a header, a cookie, or a
  parameter name or value of the query string or a posted form answers 400.
- **Integers beyond what a database column holds** (2**63 - 1): PostgreSQL answers "bigint out of range",
  SQLite raises OverflowError, both a 500. A number that large in the URL (``<int:pk>`` of any URL pattern,
  ours, machina's or Wagtail's, or an all-digit path parameter of the API) names nothing: 404. In the query
  string of the API, where numbers are ids, offsets and limits: 400 naming the parameter.
- **Wagtail's page lookup** ``/api/v3/pages/find/?site=host:port`` passes the port straight to a database
  lookup; a port that is not a number (``site=example.org:abc``) raised a ValueError there: 400.

Under ``/api/`` the answers have the problem body of ``common.problems``; everywhere else a 400 is Django's
``BadRequest``, rendered by ``templates/400.html``, and a 404 is the site's 404 page.
"""

import re

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils.translation import gettext as _

from common.problems import problem_response

API_PREFIX = "/api/"
MAX_INTEGER = 2**63 - 1  # the largest value of a bigint (PostgreSQL) or INTEGER (SQLite) column
NUL = "\x00"
# What Python and pydantic read as a whole number: "12", " +12 ", "1_000", "12.0".
WHOLE_NUMBER = re.compile(r"\s*([+-]?[0-9][0-9_]*)(?:\.0*)?\s*", re.ASCII)
SITE_FILTER = re.compile(r"^[^:]*(:\d{1,5})?$")


def too_large(value):
    """Whether ``value`` (an int, or a string from a URL or query) is a whole number beyond ``MAX_INTEGER``.

    Counted in digits before converting: ``int()`` refuses strings of more than 4,300 digits with a ValueError.
    """
    if isinstance(value, int):
        return abs(value) > MAX_INTEGER
    match = WHOLE_NUMBER.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return False
    digits = match[1].lstrip("+-").replace("_", "").lstrip("0")
    return len(digits) > len(str(MAX_INTEGER)) or int(digits or "0") > MAX_INTEGER


def _form_data(request):
    # Only a POST has a parsed form; for JSON and other bodies Django leaves it empty without reading.
    return request.POST if request.method == "POST" else {}


def nul_byte_in(request):
    """The name of the first part of ``request`` that holds a NUL byte, or None."""
    if NUL in request.path:
        return "path"
    for name, value in request.headers.items():
        if NUL in value:
            return name
    for data in (request.GET, _form_data(request), request.COOKIES):
        lists = data.lists() if hasattr(data, "lists") else ((key, [value]) for key, value in data.items())
        for key, values in lists:
            if NUL in key or any(NUL in value for value in values):
                return key.replace(NUL, "\N{REPLACEMENT CHARACTER}")
    return None


def api_parameter_problem(request):
    """A problem response for a query parameter of the API no view can use, or None."""
    for key, values in request.GET.lists():
        if any(too_large(value) for value in values):
            return problem_response(
                key, _("The number is too large (at most %(max)d).") % {"max": MAX_INTEGER}
            )
    site = request.GET.get("site")
    if request.path.startswith("/api/v3/pages/") and site is not None and not SITE_FILTER.match(site):
        return problem_response(
            "site",
            _("“site” must be a host name, optionally with a port number: example.org:8000"),
        )
    return None


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_api = request.path.startswith(API_PREFIX)
        parameter = nul_byte_in(request)
        if parameter is not None:
            if is_api:
                return problem_response(parameter, _("The request contains a null character (NUL)."))
            raise BadRequest(f"NUL byte in {parameter}")
        if is_api:
            problem = api_parameter_problem(request)
            if problem is not None:
                return problem
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A number from the URL too large for any id column: nothing has that id."""
        if any(too_large(value) for value in (*view_args, *view_kwargs.values())):
            if request.path.startswith(API_PREFIX):
                return problem_response("path", _("This address does not exist."), status=404)
            raise Http404(_("This address does not exist."))
        return None
