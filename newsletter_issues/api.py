"""Sent newsletter issues in the JSON API: ``/api/v3/newsletters/`` and ``/api/v3/newsletters/{id}/``."""

from datetime import datetime

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ninja import Field, Query, Router, Schema

from common.params import InvalidParameter, number_param
from common.problems import ProblemOut, problem, problem_body
from newsletter_issues.mail import IssueMail
from newsletter_issues.models import NewsletterIssue

router = Router(tags=[gettext_lazy("Newsletter")])

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_ID = 2**31 - 1
PARAMETERS = ("limit", "offset")


class IssueOut(Schema):
    id: int
    subject: str
    intro: str
    sent_at: datetime
    url: str = Field(description="Absolute address of the issue in the archive.")


class IssueDetailOut(IssueOut):
    html: str = Field(description="The content as mailed (HTML with inline styles and absolute links).")
    text: str = Field(description="The content as plain text.")


class IssueListOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[IssueOut]


class IssueParams(Schema):
    limit: str | None = Field(
        None, description=f"Issues per response, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT})."
    )
    offset: str | None = Field(None, description=f"Issues to skip, 0 to {MAX_OFFSET} (default 0).")


def _out(request, issue):
    return {
        "id": issue.pk,
        "subject": issue.subject,
        "intro": issue.preheader,
        "sent_at": issue.sent_at,
        "url": request.build_absolute_uri(issue.get_absolute_url()),
    }


@router.get(
    "/",
    response={200: IssueListOut, 400: ProblemOut},
    url_name="newsletter_issues",
    summary=gettext_lazy("Sent newsletter issues"),
    description="Sent issues, newest first; page with `limit` and `offset`. Unknown parameters answer 400.",
)
def list_issues(request, params: Query[IssueParams]):
    try:
        unknown = sorted(set(request.GET.keys()) - set(PARAMETERS))
        if unknown:
            raise InvalidParameter(unknown[0][:50], _("Unknown parameter."), PARAMETERS)
        limit = number_param(request.GET, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        offset = number_param(request.GET, "offset", 0, 0, MAX_OFFSET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    issues = NewsletterIssue.objects.sent().only("pk", "subject", "preheader", "sent_at")
    page = issues.order_by("-sent_at", "-pk")[offset : offset + limit]
    return {
        "count": issues.count(),
        "limit": limit,
        "offset": offset,
        "results": [_out(request, i) for i in page],
    }


@router.get(
    "/{issue_id}/",
    response={200: IssueDetailOut, 400: ProblemOut, 404: ProblemOut},
    url_name="newsletter_issue",
    summary=gettext_lazy("One sent newsletter issue"),
)
def issue_detail(request, issue_id: str):
    try:
        number = number_param({"id": issue_id}, "id", 0, 1, MAX_ID)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    issue = NewsletterIssue.objects.sent().filter(pk=number).first()
    if issue is None:
        body = problem_body("id", _("There is no sent issue with this id."), status=404)
        return JsonResponse(body, status=404, content_type="application/json; charset=utf-8")
    mail = IssueMail(issue)
    html, text = mail.body()
    return {**_out(request, issue), "html": str(html), "text": text}
