"""Approved initiatives in the JSON API: ``/api/v3/initiatives/…`` (one OpenAPI schema with Wagtail's API).

Public data only, as on the profile pages: nothing about who submitted an entry, no review notes, no entry
before approval. The region of an initiative is named and linked only while its page is live and public.
"""

import datetime as dt

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ninja import Field, Query, Router, Schema

from common.params import InvalidParameter, number_param, values_of
from common.problems import ProblemOut, problem, problem_body
from home.models import FieldOfAction
from regions.map.query import parse_locale
from regions.models import Initiative, InitiativeKind, RegionPage, attach_shown_regions, network_locale_id

router = Router(tags=[gettext_lazy("Initiatives")])

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 10_000
MAX_VALUES = 20
MAX_QUERY_LENGTH = 100
PARAMETERS = ("locale", "region", "field", "kind", "q", "limit", "offset")


class RegionRefOut(Schema):
    id: int = Field(description="Page id of the region's German page (the network's language).")
    title: str
    url: str = Field(description="Absolute address of the region's page in the requested language.")


class FieldRefOut(Schema):
    slug: str
    name: str


class SDGRefOut(Schema):
    number: int
    title: str


class PositionOut(Schema):
    lat: float
    lng: float


class InitiativeOut(Schema):
    id: int
    name: str
    url: str = Field(description="Absolute address of the initiative's profile page.")
    kind: str = Field(description=f"One of: {', '.join(InitiativeKind.values)}.")
    kind_label: str
    description: str
    region: RegionRefOut | None = Field(description="Null when it has none or its page is not public.")
    fields: list[FieldRefOut] = Field(description="Fields of action (Handlungsfelder).")
    sdgs: list[SDGRefOut] = Field(description="UN sustainable development goals the initiative names.")
    website: str
    links: list[str] = Field(description="Further web addresses (social media …).")
    logo_url: str = Field(description="Absolute address of the picture or logo; empty when there is none.")
    position: PositionOut | None
    updated_at: dt.datetime


class InitiativeListOut(Schema):
    count: int = Field(description="Number of initiatives matching the filters, over all pages.")
    limit: int
    offset: int
    results: list[InitiativeOut]


class InitiativeParams(Schema):
    locale: str | None = Field(None, description="Language of labels, regions and links: de or en.")
    region: list[str] | None = Field(None, description="Region by the slug of its page; repeatable.")
    field: list[str] | None = Field(None, description="Field of action by slug; repeatable.")
    kind: list[str] | None = Field(
        None, description=f"Kind; repeatable. One of: {', '.join(InitiativeKind.values)}."
    )
    q: str | None = Field(
        None, description=f"Words in the name or description, at most {MAX_QUERY_LENGTH} characters."
    )
    limit: str | None = Field(
        None, description=f"Initiatives per response, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT})."
    )
    offset: str | None = Field(None, description=f"Initiatives to skip, 0 to {MAX_OFFSET} (default 0).")


def _unknown(name, value, valid):
    return InvalidParameter(
        name, _("Unknown value “%(value)s” for %(name)s.") % {"value": value[:50], "name": name}, valid
    )


def _filtered(params):
    """Approved initiatives narrowed by ``params``; raises InvalidParameter."""
    unknown = sorted(set(params.keys()) - set(PARAMETERS))
    if unknown:
        raise InvalidParameter(unknown[0][:50], _("Unknown parameter."), PARAMETERS)
    initiatives = Initiative.objects.approved()
    kinds = values_of(params, "kind", limit=MAX_VALUES, unique=True)
    for kind in kinds:
        if kind not in InitiativeKind.values:
            raise _unknown("kind", kind, InitiativeKind.values)
    if kinds:
        initiatives = initiatives.filter(kind__in=kinds)
    fields = values_of(params, "field", limit=MAX_VALUES, unique=True)
    if fields:
        known = set(FieldOfAction.objects.filter(slug__in=fields).values_list("slug", flat=True))
        for slug in fields:
            if slug not in known:
                raise _unknown("field", slug, FieldOfAction.objects.values_list("slug", flat=True))
        initiatives = initiatives.filter(fields_of_action__slug__in=fields).distinct()
    slugs = values_of(params, "region", limit=MAX_VALUES, unique=True)
    if slugs:
        pages = RegionPage.objects.live().public().filter(slug__in=slugs)
        keys = {slug: key for slug, key in pages.values_list("slug", "translation_key")}
        for slug in slugs:
            if slug not in keys:
                raise _unknown("region", slug, ())
        initiatives = initiatives.filter(
            region__translation_key__in=keys.values(), region__locale_id=network_locale_id()
        )
    text = (params.get("q") or "").strip()
    if len(text) > MAX_QUERY_LENGTH or "\x00" in text:
        raise InvalidParameter("q", _("At most %(max)d characters, please.") % {"max": MAX_QUERY_LENGTH})
    return initiatives.matching(text)


def _outputs(request, initiatives):
    """The API form of ``initiatives`` (a list, their relations prefetched)."""
    public = set(
        RegionPage.objects.live().public().filter(locale_id=network_locale_id()).values_list("pk", flat=True)
    )
    attach_shown_regions(initiatives)
    results = []
    for initiative in initiatives:
        region = initiative.shown_region if initiative.region_id in public else None
        position = initiative.coordinates
        results.append(
            {
                "id": initiative.pk,
                "name": initiative.name,
                "url": request.build_absolute_uri(initiative.get_absolute_url()),
                "kind": initiative.kind,
                "kind_label": str(initiative.get_kind_display()),
                "description": initiative.description,
                "region": (
                    {
                        "id": initiative.region_id,
                        "title": region.title,
                        "url": region.get_full_url(request) or "",
                    }
                    if region
                    else None
                ),
                "fields": [{"slug": f.slug, "name": f.label} for f in initiative.fields_of_action.all()],
                "sdgs": [{"number": sdg.number, "title": sdg.title} for sdg in initiative.sdgs.all()],
                "website": initiative.website,
                "links": initiative.link_list,
                "logo_url": request.build_absolute_uri(initiative.logo.url) if initiative.logo else "",
                "position": position,
                "updated_at": initiative.updated_at,
            }
        )
    return results


def _with_relations(queryset):
    return queryset.select_related("region").prefetch_related("fields_of_action", "sdgs")


@router.get(
    "/",
    response={200: InitiativeListOut, 400: ProblemOut},
    url_name="initiatives",
    summary=gettext_lazy("List and filter initiatives"),
    description=(
        "Approved initiatives of the network, by name. Repeat `region`, `field` or `kind` for several values: "
        "values of one parameter are OR-ed, parameters are AND-ed; `q` finds words in the name or the "
        f"description. Page with `limit` (at most {MAX_LIMIT}) and `offset`. Unknown parameters or values "
        "answer 400 naming the parameter and the valid values."
    ),
)
def list_initiatives(request, params: Query[InitiativeParams]):
    try:
        language = parse_locale(request.GET)
        with translation.override(language):
            initiatives = _filtered(request.GET)
            limit = number_param(request.GET, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
            offset = number_param(request.GET, "offset", 0, 0, MAX_OFFSET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    with translation.override(language):
        page = list(_with_relations(initiatives.order_by("name", "pk"))[offset : offset + limit])
        return {
            "count": initiatives.count(),
            "limit": limit,
            "offset": offset,
            "results": _outputs(request, page),
        }


@router.get(
    "/{initiative_id}/",
    response={200: InitiativeOut, 400: ProblemOut, 404: ProblemOut},
    url_name="initiative",
    summary=gettext_lazy("One initiative"),
    description="An approved initiative by its id; 404 when there is none (or it is not approved).",
)
def initiative_detail(request, initiative_id: str, locale: str | None = None):
    try:
        language = parse_locale(request.GET)
    except InvalidParameter as error:
        return problem(error.parameter, error.detail, error.valid)
    found = None
    if initiative_id.isascii() and initiative_id.isdigit() and int(initiative_id) < 2**31:
        found = _with_relations(Initiative.objects.approved()).filter(pk=int(initiative_id)).first()
    if found is None:
        body = problem_body("initiative_id", _("There is no approved initiative with this id."), status=404)
        return JsonResponse(body, status=404, content_type="application/json; charset=utf-8")
    with translation.override(language):
        return _outputs(request, [found])[0]
