"""Reporting an action as done ("bei uns umgesetzt"), withdrawing the report, and the team's decision on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import rules
from allauth.core import ratelimit

from actions.models import ActionPage
from adoptions.emails import send_decision_mail, send_review_request_mail
from adoptions.forms import ReportForm
from adoptions.models import Adoption, AdoptionStatus
from adoptions.targets import report_targets
from regions.models import Initiative, network_locale_id

REPORT_RATE_LIMIT_ACTION = "adoption_report"
MAX_ID = 2**31 - 1


def _action(action_id):
    """The German page of the live, public action ``action_id`` (German or English), else 404."""
    if action_id > MAX_ID:
        raise Http404(_("This action does not exist."))
    page = get_object_or_404(ActionPage.objects.live().public().only("translation_key"), pk=action_id)
    return get_object_or_404(
        ActionPage.objects.live().public(),
        translation_key=page.translation_key,
        locale_id=network_locale_id(),
    )


@login_required
def report(request, action_id):
    action = _action(action_id)
    shown = action.localized
    if not rules.has_perm("adoptions.report_adoption", request.user):
        return render(request, "adoptions/verification_required.html", {"action": shown}, status=403)
    targets = report_targets(request.user)
    form = ReportForm(request.POST or None, targets=targets)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, action=REPORT_RATE_LIMIT_ACTION, user=request.user):
            form.add_error(
                None, _("Too many reports in a short time. Please wait a little and send it again.")
            )
            status = 429
        else:
            _save_report(request, action, form.cleaned_data)
            return redirect(shown.url)
    elif request.method == "POST":
        status = 400
    mine = Adoption.objects.filter(action=action, reported_by=request.user).select_related(
        "region", "initiative"
    )
    context = {"action": shown, "form": form, "has_targets": bool(targets), "mine": mine}
    return render(request, "adoptions/report_form.html", context, status=status)


def _save_report(request, action, data):
    target = data["target"]
    initiative = target if isinstance(target, Initiative) else None
    region = initiative.region if initiative else target
    # One report per action and initiative, or per action and region for the region as a whole.
    key = (
        {"action": action, "initiative": initiative}
        if initiative
        else {"action": action, "region": region, "initiative": None}
    )
    with transaction.atomic():
        adoption = Adoption.objects.select_for_update().filter(**key).first()
        if adoption is None:
            adoption = Adoption(action=action, region=region, initiative=initiative)
        elif adoption.status == AdoptionStatus.CONFIRMED or (
            adoption.status == AdoptionStatus.PENDING and adoption.reported_by_id != request.user.pk
        ):
            messages.info(request, _("This has been reported already – thank you!"))
            return
        adoption.region = region
        adoption.month = data["month"]
        adoption.note = data["note"].strip()
        adoption.reported_by = request.user
        if rules.has_perm("adoptions.decide_on_adoption", request.user, adoption):
            adoption.status = AdoptionStatus.CONFIRMED
            adoption.decided_by = request.user
            adoption.decided_at = timezone.now()
        else:
            adoption.status = AdoptionStatus.PENDING
            adoption.decided_by = adoption.decided_at = None
        try:
            with transaction.atomic():
                adoption.save()
        except IntegrityError:  # the same report from a parallel request
            messages.info(request, _("This has been reported already – thank you!"))
            return
        if adoption.status == AdoptionStatus.PENDING:
            pk = adoption.pk
            transaction.on_commit(lambda: send_review_request_mail(pk))
    if adoption.is_confirmed:
        messages.success(request, _("Thank you! The action now counts as done there."))
    else:
        messages.success(
            request, _("Thank you! The regional team will confirm it; then it counts on the action's page.")
        )


@login_required
@require_POST
def withdraw(request, pk):
    """The reporter takes back a report the team has not confirmed yet."""
    with transaction.atomic():
        adoption = get_object_or_404(
            Adoption.objects.select_for_update().select_related("action"),
            pk=min(pk, MAX_ID),
            reported_by=request.user,
            status__in=[AdoptionStatus.PENDING, AdoptionStatus.DECLINED],
        )
        action = adoption.action
        adoption.delete()
    messages.success(request, _("Your report has been withdrawn."))
    return redirect("adoptions:report", action.pk)


def _decide(request, pk, status):
    with transaction.atomic():
        adoption = Adoption.objects.select_for_update().filter(pk=min(pk, MAX_ID)).first()
        if adoption is None or not rules.has_perm("adoptions.decide_on_adoption", request.user, adoption):
            raise Http404(_("There is no such report to decide on."))
        changed = adoption.status != status
        adoption.status = status
        adoption.decided_by = request.user
        adoption.decided_at = timezone.now()
        adoption.save(update_fields=["status", "decided_by", "decided_at"])
        if changed and adoption.reported_by_id not in (None, request.user.pk):
            transaction.on_commit(lambda: send_decision_mail(adoption.pk))


def _back(request):
    """To the page the decision was made on when it names one of ours, else the review queue."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(reverse("regions:review_initiatives"))


@login_required
@require_POST
def confirm(request, pk):
    _decide(request, pk, AdoptionStatus.CONFIRMED)
    messages.success(request, _("The report has been confirmed."))
    return _back(request)


@login_required
@require_POST
def decline(request, pk):
    _decide(request, pk, AdoptionStatus.DECLINED)
    messages.success(request, _("The report has been declined."))
    return _back(request)
