"""The directory of groups, the group page, joining and leaving, requests, and the progress reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

import rules
from allauth.core import ratelimit

from common.pagination import paginate
from common.params import InvalidParameter
from regions.models import attach_shown_regions
from working_groups import page
from working_groups.directory import GroupQuery
from working_groups.emails import send_decision_mail, send_request_mail
from working_groups.forms import ReportForm
from working_groups.models import Membership, MembershipStatus, ProgressReport, WorkingGroup

GROUPS_PER_PAGE = 24
REPORTS_PER_PAGE = 10
MAX_ID = 2**31 - 1
JOIN_RATE_LIMIT_ACTION = "working_group_join"
REPORT_RATE_LIMIT_ACTION = "working_group_report"


def _group(slug, user=None):
    """The active group ``slug``; an inactive one only for those who manage it. Else 404."""
    group = WorkingGroup.objects.select_related("region", "field_of_action").filter(slug=slug[:80]).first()
    if group is None or not (
        group.active or (user and rules.has_perm("working_groups.manage_group", user, group))
    ):
        raise Http404(_("There is no such group."))
    return group


@require_GET
def directory(request):
    status = 200
    try:
        query = GroupQuery.from_params(request.GET)
        filter_error = None
    except InvalidParameter as error:
        query, filter_error, status = GroupQuery(), error, 400
    groups = paginate(request, query.groups(), per_page=GROUPS_PER_PAGE)
    context = {
        "query": query,
        "groups": groups,
        "shown_groups": attach_shown_regions(groups.object_list),
        "filter_error": filter_error,
        "may_create": rules.has_perm("working_groups.create_groups", request.user),
        **query.choices(),
    }
    return render(request, "working_groups/directory.html", context, status=status)


@require_GET
def group_page(request, slug):
    group = _group(slug, request.user)
    user = request.user
    membership = page.membership_of(group, user)
    may_see_members = rules.has_perm("working_groups.see_members", user, group)
    may_decide = rules.has_perm("working_groups.decide_requests", user, group)
    reports = paginate(
        request,
        ProgressReport.objects.filter(group=group).select_related("author"),
        per_page=REPORTS_PER_PAGE,
    )
    context = {
        "group": group,
        "shown_region": attach_shown_regions([group])[0].shown_region,
        "membership": membership,
        "is_member": membership is not None and membership.status == MembershipStatus.MEMBER,
        "has_requested": membership is not None and membership.status == MembershipStatus.REQUESTED,
        "member_count": page.member_count(group),
        "contacts": page.contacts(group),
        "dates": page.upcoming_dates(group),
        "reports": reports,
        "may_join": rules.has_perm("working_groups.join_group", user) and group.active,
        "may_write_report": rules.has_perm("working_groups.write_report", user, group),
        "may_manage": rules.has_perm("working_groups.manage_group", user, group),
        "may_see_members": may_see_members,
        "named_members": page.named_members(group) if may_see_members else [],
        "requests": page.requests(group) if may_decide else [],
        "may_decide": may_decide,
    }
    return render(request, "working_groups/group_page.html", context)


def _verification_required(request, group):
    return render(request, "working_groups/verification_required.html", {"group": group}, status=403)


@login_required
@require_POST
def join(request, slug):
    """Join an open group at once, or ask to join one on request (the contact persons are mailed)."""
    group = _group(slug)
    if not rules.has_perm("working_groups.join_group", request.user):
        return _verification_required(request, group)
    if Membership.objects.filter(group=group, user=request.user).exists():
        return redirect(group.get_absolute_url())
    if not ratelimit.consume(request, action=JOIN_RATE_LIMIT_ACTION, user=request.user):
        messages.error(request, _("Too many requests in a short time. Please wait a little and try again."))
        return render(request, "working_groups/rate_limited.html", {"group": group}, status=429)
    now = timezone.now()
    status = MembershipStatus.MEMBER if group.is_open else MembershipStatus.REQUESTED
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                group=group, user=request.user, status=status, joined_at=now if group.is_open else None
            )
            if not group.is_open:
                transaction.on_commit(lambda: send_request_mail(membership.pk))
    except IntegrityError:  # the same click from a parallel request
        return redirect(group.get_absolute_url())
    if group.is_open:
        messages.success(request, _("Welcome! You are now a member of the group."))
    else:
        messages.success(request, _("Thank you! The group's contact persons will answer your request."))
    return redirect(group.get_absolute_url())


@login_required
@require_POST
def leave(request, slug):
    """Leave the group, or withdraw one's request (an inactive group too). A contact person leaving stops being
    one."""
    group = get_object_or_404(WorkingGroup, slug=slug[:80])
    deleted, _rows = Membership.objects.filter(group=group, user=request.user).delete()
    if deleted:
        messages.success(request, _("You have left the group."))
    return redirect(group.get_absolute_url())


@login_required
@require_POST
def show_name(request, slug):
    """The member's choice to show their name in the member list (seen by the group's members only)."""
    group = _group(slug)
    shown = request.POST.get("show_name") == "1"
    updated = Membership.objects.members().filter(group=group, user=request.user).update(show_name=shown)
    if not updated:
        raise Http404(_("You are not a member of this group."))
    messages.success(request, _("Your choice has been saved."))
    return redirect(group.get_absolute_url() + "#mitglieder")


def _decide(request, slug, pk, accept):
    group = _group(slug, request.user)
    if not rules.has_perm("working_groups.decide_requests", request.user, group):
        raise Http404(_("There is no such request."))
    with transaction.atomic():
        request_row = (
            Membership.objects.requests().select_for_update().filter(group=group, pk=min(pk, MAX_ID)).first()
        )
        if request_row is None:
            raise Http404(_("There is no such request."))
        user_pk = request_row.user_id
        if accept:
            request_row.status = MembershipStatus.MEMBER
            request_row.joined_at = timezone.now()
            request_row.save(update_fields=["status", "joined_at"])
        else:
            request_row.delete()
        transaction.on_commit(lambda: send_decision_mail(group.pk, user_pk, accept))
    return group


@login_required
@require_POST
def accept(request, slug, pk):
    group = _decide(request, slug, pk, accept=True)
    messages.success(request, _("The request has been accepted."))
    return redirect(group.get_absolute_url() + "#anfragen")


@login_required
@require_POST
def decline(request, slug, pk):
    group = _decide(request, slug, pk, accept=False)
    messages.success(request, _("The request has been declined."))
    return redirect(group.get_absolute_url() + "#anfragen")


@login_required
def write_report(request, slug):
    group = _group(slug, request.user)
    if not rules.has_perm("working_groups.write_report", request.user, group):
        return render(request, "working_groups/not_allowed.html", {"group": group}, status=403)
    form = ReportForm(*_bound(request))
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif not ratelimit.consume(request, action=REPORT_RATE_LIMIT_ACTION, user=request.user):
            form.add_error(
                None, _("Too many reports in a short time. Please wait a little and send it again.")
            )
            status = 429
        else:
            report = form.save(commit=False)
            report.group = group
            report.author = request.user
            report.save()
            messages.success(request, _("Your report has been published."))
            return redirect(report.get_absolute_url())
    return render(request, "working_groups/report_form.html", {"group": group, "form": form}, status=status)


def _bound(request):
    """The form's data on a POST (an empty POST too: it is answered with the form's errors), else none."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _report(request, slug, pk):
    group = _group(slug, request.user)
    report = ProgressReport.objects.filter(group=group, pk=min(pk, MAX_ID)).select_related("group").first()
    if report is None or not rules.has_perm("working_groups.change_report", request.user, report):
        raise Http404(_("There is no such report."))
    return group, report


@login_required
def edit_report(request, slug, pk):
    group, report = _report(request, slug, pk)
    old_files = (report.image.name, report.document.name)
    form = ReportForm(*_bound(request), instance=report)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            _remove_replaced(report, old_files)
            messages.success(request, _("The report has been saved."))
            return redirect(report.get_absolute_url())
        status = 400
    context = {"group": group, "form": form, "report": report}
    return render(request, "working_groups/report_form.html", context, status=status)


def _remove_replaced(report, old_files):
    for field, old in zip((report.image, report.document), old_files, strict=True):
        if old and field.name != old:
            field.storage.delete(old)


@login_required
@require_POST
def delete_report(request, slug, pk):
    group, report = _report(request, slug, pk)
    report.delete()  # its files go with it (working_groups/signals.py)
    messages.success(request, _("The report has been deleted."))
    return redirect(group.get_absolute_url())
