"""Where actions have been done, in the JSON API: ``/api/v3/adoptions/`` (one OpenAPI schema with Wagtail's API).

Confirmed reports only, of live public actions and regions and approved initiatives; never who reported them.
"""

from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from ninja import Field, Query, Router, Schema

from actions.models import ActionPage
from adoptions.models import Adoption
from common.language import locale_id
from common.params import InvalidParameter, number_param, values_of
from common.problems import ProblemOut, problem
from regions.map.query import parse_locale
from regions.models import ApprovalStatus, RegionPage, network_locale_id

router = Router(tags=[gettext_lazy("Actions done")])

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_OFFSET = 100_000
MAX_ID = 2**31 - 1
PARAMETERS = ("locale", "action", "region", "initiative", "limit", "offset")


class PageRefOut(Schema):
    id: int = Field(description="Page id of the German page (the network's language).")
    title: str = Field(description="Title in the requested language (German where there is no translation).")
    url: str = Field(description="Absolute address of the page in the requested language.")


class InitiativeRefOut(Schema):
    id: int
    name: str
    url: str = Field(description="Absolute address of the initiative's profile page.")


class AdoptionOut(Schema):
    id: int
    action: PageRefOut
    region: PageRefOut
    initiative: InitiativeRefOut | None = Field(description="Null when the region as a whole reported it.")
    month: str | None = Field(description="When it was done, as YYYY-MM; null when not given.")
    note: str = Field(description="A short note from the region or initiative.")


class AdoptionListOut(Schema):
    count: int = Field(description="Number of reports matching the filters, over all pages.")
    limit: int
    offset: int
    results: list[AdoptionOut]


class AdoptionParams(Schema):
    locale: str | None = Field(None, description="Language of titles and links: de or en.")
    action: str | None = Field(None, description="An action by page id (German or English page).")
    region: str | None = Field(None, description="A region by the slug of its page.")
    initiative: str | None = Field(None, description="An initiative by id.")
    limit: str | None = Field(
        None, description=f"Reports per response, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT})."
    )
    offset: str | None = Field(None, description=f"Reports to skip, 0 to {MAX_OFFSET} (default 0).")


def _filtered(params):
    """The public confirmed reports narrowed by ``params``; raises InvalidParameter."""
    unknown = sorted(set(params.keys()) - set(PARAMETERS))
    if unknown:
        raise InvalidParameter(unknown[0][:50], _("Unknown parameter."), PARAMETERS)
    public_regions = RegionPage.objects.live().public().filter(locale_id=network_locale_id())
    reports = Adoption.objects.confirmed().filter(
        action__in=ActionPage.objects.live().public().filter(locale_id=network_locale_id()),
        region__in=public_regions,
    )
    reports = reports.filter(
        Q(initiative__isnull=True) | Q(initiative__approval_status=ApprovalStatus.APPROVED)
    )
    if params.get("action"):
        action_id = number_param(params, "action", 0, 1, MAX_ID)
        key = ActionPage.objects.filter(pk=action_id).values_list("translation_key", flat=True).first()
        reports = reports.filter(action__translation_key=key)
    slugs = values_of(params, "region", limit=1)
    if slugs:
        if not public_regions.filter(slug=slugs[0]).exists():
            raise InvalidParameter("region", _("There is no public region with this slug."))
        reports = reports.filter(region__slug=slugs[0])
    if params.get("initiative"):
        reports = reports.filter(initiative_id=number_param(params, "initiative", 0, 1, MAX_ID))
    return reports


def _outputs(request, reports):
    """The API form of ``reports`` (a list): titles and links of the requested language's pages."""
    keys = {report.action.translation_key for report in reports} | {r.region.translation_key for r in reports}
    shown = {}
    if keys:
        found = Page.objects.live().filter(translation_key__in=keys, locale_id=locale_id())
        shown = {page.translation_key: page for page in found}

    def page_ref(page):
        localized = shown.get(page.translation_key, page)
        return {"id": page.pk, "title": localized.title, "url": localized.get_full_url(request) or ""}

    return [
        {
            "id": report.pk,
            "action": page_ref(report.action),
            "region": page_ref(report.region),
            "initiative": (
                {
                    "id": report.initiative.pk,
                    "name": report.initiative.name,
                    "url": request.build_absolute_uri(report.initiative.get_absolute_url()),
                }
                if report.initiative
                else None
            ),
            "month": report.month.strftime("%Y-%m") if report.month else None,
            "note": report.note,
        }
        for report in reports
    ]


@router.get(
    "/",
    response={200: AdoptionListOut, 400: ProblemOut},
    url_name="adoptions",
    summary=gettext_lazy("Where actions have been done"),
    description=(
        "Confirmed reports that an action of the pool has been done in a region, by the region as a whole or "
        "by one of its initiatives, newest month first. Filter by `action` (page id), `region` (slug) or "
        f"`initiative` (id); page with `limit` (at most {MAX_LIMIT}) and `offset`. Unknown parameters or values "
        "answer 400 naming the parameter. Who reported is never part of the answer."
    ),
)
def list_adoptions(request, params: Query[AdoptionParams]):
    try:
        language = parse_locale(request.GET)
        with translation.override(language):
            reports = _filtered(request.GET)
            limit = number_param(request.GET, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
            offset = number_param(request.GET, "offset", 0, 0, MAX_OFFSET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    with translation.override(language):
        ordered = reports.select_related("action", "region", "initiative").defer(
            "action__body", "region__body"
        )
        page = list(
            ordered.order_by(F("month").desc(nulls_last=True), "-created_at", "-pk")[offset : offset + limit]
        )
        return {
            "count": reports.count(),
            "limit": limit,
            "offset": offset,
            "results": _outputs(request, page),
        }
