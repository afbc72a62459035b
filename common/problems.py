"""The one shape of a 4xx answer in our API endpoints: which parameter was wrong, why, and what it accepts.

The body is the same whether an endpoint answers it (``problem``) or code in front of the views does
(``problem_response``): RFC 7807's ``type``, ``title``, ``status`` and ``detail`` (so it also fits Wagtail's
own problems), plus ``parameter`` and ``valid``. ``title`` and ``detail`` come in the request's language (the
API follows ``Accept-Language``: common/api_language.py), as RFC 7807 allows for localisation. ``ProblemOut``
documents the body in the OpenAPI schema; it leaves ``type`` out (always ``about:blank``, RFC 7807's default when
absent) to keep the schema as it was.
"""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import pgettext_lazy

from ninja import Field, Schema


class ProblemOut(Schema):
    status: int
    title: str
    detail: str
    parameter: str = Field(description="The parameter that was wrong.")
    valid: list[str] = Field(description="Values that parameter accepts (empty when it is not a list).")


# The statuses our problem bodies use; any other keeps the English reason phrase.
TITLES = {
    HTTPStatus.BAD_REQUEST: pgettext_lazy("HTTP status", "Bad Request"),
    HTTPStatus.NOT_FOUND: pgettext_lazy("HTTP status", "Not Found"),
}


def problem_body(parameter, detail, valid=(), status=400):
    return {
        "type": "about:blank",
        "status": status,
        "title": str(TITLES.get(status, HTTPStatus(status).phrase)),
        "detail": str(detail),
        "parameter": parameter,
        "valid": [str(value) for value in valid],
    }


def problem(parameter, detail, valid=()):
    """A 400 for an endpoint that declares ``400: ProblemOut`` (``application/json``, as the schema says)."""
    return JsonResponse(
        problem_body(parameter, detail, valid), status=400, content_type="application/json; charset=utf-8"
    )


def problem_response(parameter, detail, valid=(), status=400):
    """The same body as ``application/problem+json``, for code in front of the API's views: the request
    guards."""
    return JsonResponse(
        problem_body(parameter, detail, valid, status), status=status, content_type="application/problem+json"
    )
