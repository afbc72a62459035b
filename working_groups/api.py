"""Working groups in the JSON API: ``/api/v3/groups/``, ``/api/v3/groups/{id}/`` and
``/api/v3/groups/{id}/reports/`` (the progress reports, newest first). Only active groups; nothing about members
but their number and the contact persons' public names."""

from datetime import date, datetime

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ninja import Field, Query, Router, Schema

from common.params import InvalidParameter, number_param
from common.problems import ProblemOut, problem, problem_body
from working_groups.directory import GroupQuery, for_cards
from working_groups.models import Membership, ProgressReport, WorkingGroup

router = Router(tags=[gettext_lazy("Working groups")])

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_ID = 2**31 - 1
LIST_PARAMETERS = ("limit", "offset", "region", "field")
PAGE_PARAMETERS = ("limit", "offset")
REPORTS_IN_DETAIL = 5


class GroupOut(Schema):
    id: int
    name: str = Field(
        description="The name in the language asked for (German where there is no English one)."
    )
    slug: str
    kind: str = Field(description="`working_group`, `initiative_circle` or `other`.")
    join_policy: str = Field(description="`open` or `on_request`.")
    region: str | None = Field(description="The slug of the group's region; null for the network and fields.")
    field_of_action: str | None = Field(description="The slug of the group's field of action, if any.")
    member_count: int
    url: str = Field(description="Absolute address of the group page.")


class ReportOut(Schema):
    id: int
    date: date
    title: str
    text: str = Field(description="Plain text, line breaks kept.")
    image: str | None = Field(description="Absolute address of the picture.")
    image_alt: str
    document: str | None = Field(description="Absolute address of the document.")
    document_title: str
    updated_at: datetime


class GroupDetailOut(GroupOut):
    description: str = Field(description="Plain text, line breaks kept.")
    contacts: list[str] = Field(description="The public names of the contact persons.")
    latest_reports: list[ReportOut] = Field(description=f"The {REPORTS_IN_DETAIL} newest progress reports.")


class GroupListOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[GroupOut]


class ReportListOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[ReportOut]


class PageParams(Schema):
    limit: str | None = Field(
        None, description=f"Items per response, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT})."
    )
    offset: str | None = Field(None, description=f"Items to skip, 0 to {MAX_OFFSET} (default 0).")


class GroupParams(PageParams):
    region: str | None = Field(None, description="A region's slug, or `netzwerk` for the network's groups.")
    field: str | None = Field(None, description="A field of action's slug.")


def _check(request, allowed):
    unknown = sorted(set(request.GET.keys()) - set(allowed))
    if unknown:
        raise InvalidParameter(unknown[0][:50], _("Unknown parameter."), allowed)
    return (
        number_param(request.GET, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        number_param(request.GET, "offset", 0, 0, MAX_OFFSET),
    )


def _absolute(request, field):
    return request.build_absolute_uri(field.url) if field else None


def _group_out(request, group):
    return {
        "id": group.pk,
        "name": group.label,
        "slug": group.slug,
        "kind": group.kind,
        "join_policy": group.join_policy,
        "region": group.region.slug if group.region_id else None,
        "field_of_action": group.field_of_action.slug if group.field_of_action_id else None,
        "member_count": group.member_count,
        "url": request.build_absolute_uri(group.get_absolute_url()),
    }


def _report_out(request, report):
    return {
        "id": report.pk,
        "date": report.date,
        "title": report.title,
        "text": report.text,
        "image": _absolute(request, report.image),
        "image_alt": report.image_alt,
        "document": _absolute(request, report.document),
        "document_title": report.document_title,
        "updated_at": report.updated_at,
    }


def _not_found():
    body = problem_body("id", _("There is no active group with this id."), status=404)
    return JsonResponse(body, status=404, content_type="application/json; charset=utf-8")


def _active_group(group_id):
    number = number_param({"id": group_id}, "id", 0, 1, MAX_ID)
    return for_cards(WorkingGroup.objects.active()).filter(pk=number).first()


@router.get(
    "/",
    response={200: GroupListOut, 400: ProblemOut},
    url_name="working_groups",
    summary=gettext_lazy("Working groups"),
    description="Active groups by name; filter by `region` and `field`, page with `limit` and `offset`. "
    "Unknown parameters or values answer 400.",
)
def list_groups(request, params: Query[GroupParams]):
    try:
        limit, offset = _check(request, LIST_PARAMETERS)
        query = GroupQuery.from_params(request.GET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    groups = query.groups()
    return {
        "count": groups.count(),
        "limit": limit,
        "offset": offset,
        "results": [_group_out(request, group) for group in groups[offset : offset + limit]],
    }


@router.get(
    "/{group_id}/",
    response={200: GroupDetailOut, 400: ProblemOut, 404: ProblemOut},
    url_name="working_group",
    summary=gettext_lazy("One working group with its newest reports"),
)
def group_detail(request, group_id: str):
    try:
        group = _active_group(group_id)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    if group is None:
        return _not_found()
    contacts = Membership.objects.contacts().filter(group=group, user__is_active=True).select_related("user")
    reports = ProgressReport.objects.filter(group=group)[:REPORTS_IN_DETAIL]
    return {
        **_group_out(request, group),
        "description": group.description,
        "contacts": [str(row.user.public_name) for row in contacts.order_by("joined_at", "pk")],
        "latest_reports": [_report_out(request, report) for report in reports],
    }


@router.get(
    "/{group_id}/reports/",
    response={200: ReportListOut, 400: ProblemOut, 404: ProblemOut},
    url_name="working_group_reports",
    summary=gettext_lazy("The progress reports of a working group"),
    description="Newest first; page with `limit` and `offset`.",
)
def group_reports(request, group_id: str, params: Query[PageParams]):
    try:
        group = _active_group(group_id)
        limit, offset = _check(request, PAGE_PARAMETERS)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    if group is None:
        return _not_found()
    reports = ProgressReport.objects.filter(group=group)
    return {
        "count": reports.count(),
        "limit": limit,
        "offset": offset,
        "results": [_report_out(request, report) for report in reports[offset : offset + limit]],
    }
