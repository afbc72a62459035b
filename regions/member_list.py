"""The members of a region who let its team see and contact them: a page for the team and a CSV export.

Only members who agreed (``RegionMembership.team_may_contact``) are listed, with what the join form told them
the team would see; the others are only counted. Editors and the region's team see it
(``regions.see_region_members``); anyone else logged in gets 403, a visitor the login page.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

import rules

from common.pagination import paginate
from common.spreadsheets import write_spreadsheet_csv
from regions.models import RegionMembership, RegionPage

MEMBERS_PER_PAGE = 50


def _region_for_team(request, page_id):
    """The region page ``page_id`` (German or English: members are kept on the German page) if the user may
    see its members."""
    page = RegionPage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404(_("This region does not exist (any more)."))
    if not rules.has_perm("regions.see_region_members", request.user, page):
        raise PermissionDenied(_("Only the region's team and the editors can see its members."))
    return page


def visible_members(page):
    """The memberships of the region of ``page`` whose members agreed, newest first, with what is shown."""
    return (
        RegionMembership.objects.filter(team_may_contact=True, user__is_active=True, **page.network_rows())
        .select_related("user")
        .prefetch_related("user__fields_of_action")
        .order_by("-joined_at", "-pk")
    )


def member_counts(page):
    """How many members of the region of ``page`` agreed and how many did not, in one query."""
    return RegionMembership.objects.filter(**page.network_rows()).aggregate(
        visible=Count("pk", filter=Q(team_may_contact=True)),
        hidden=Count("pk", filter=Q(team_may_contact=False)),
    )


def _fields(user):
    return ", ".join(str(field.label) for field in user.fields_of_action.all())


@never_cache
@login_required
@require_GET
def region_members(request, page_id):
    page = _region_for_team(request, page_id)
    counts = member_counts(page)
    context = {
        "region": page,
        "page_obj": paginate(request, visible_members(page), MEMBERS_PER_PAGE),
        "visible_count": counts["visible"],
        "hidden_count": counts["hidden"],
    }
    return render(request, "regions/region_members.html", context)


@never_cache
@login_required
@require_GET
def region_members_csv(request, page_id):
    """The rows of the list, all of them, for a spreadsheet (``common.spreadsheets``: semicolons, a BOM)."""
    page = _region_for_team(request, page_id)
    header = [_("Name"), _("Email address"), _("Joined on"), _("Fields of action"), _("Place for the map")]
    rows = (
        [
            membership.user.public_name,
            membership.user.email,
            timezone.localdate(membership.joined_at).isoformat(),
            _fields(membership.user),
            membership.user.map_place,
        ]
        for membership in visible_members(page).iterator(chunk_size=500)
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = pgettext("file name", "members")
    filename = f"{name}-{page.slug}.csv"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    write_spreadsheet_csv(response, header, rows)
    return response
