"""The one shape of a 4xx answer in our API endpoints: which parameter was wrong, why, and what it accepts."""

from http import HTTPStatus

from django.http import JsonResponse

from ninja import Field, Schema, Status


class ProblemOut(Schema):
    status: int
    title: str
    detail: str
    parameter: str = Field(description="The parameter that was wrong.")
    valid: list[str] = Field(description="Values that parameter accepts (empty when it is not a list).")


def problem_body(parameter, detail, valid=()):
    return {
        "status": 400,
        "title": "Bad Request",
        "detail": detail,
        "parameter": parameter,
        "valid": list(valid),
    }


def problem(parameter, detail, valid=()):
    return Status(400, problem_body(parameter, detail, valid))


def problem_response(parameter, detail, valid=(), status=400):
    """The same body as a plain Django response (``application/problem+json``), for code in front of the
    API's views: the request guards."""
    # ``type`` as well, so the body also fits Wagtail's RFC 7807 problems (type, title, status, detail).
    body = {"type": "about:blank"} | problem_body(parameter, detail, valid)
    body |= {"status": status, "title": HTTPStatus(status).phrase}
    return JsonResponse(body, status=status, content_type="application/problem+json")
