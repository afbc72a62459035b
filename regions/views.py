"""Front-end actions of members and moderators: join a region, submit and approve initiatives."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

import rules
from allauth.core import ratelimit

from common.language import locale_id
from members.rules import is_editor
from regions.emails import send_changes_decision_mail, send_review_request_mail
from regions.forms import InitiativeForm, RejectForm, TeamConsentForm
from regions.initiative_edits import (
    apply_proposal,
    described_changes,
    discard_proposal,
    proposal_from,
    propose,
    proposed_initial,
)
from regions.map.page import point_map_config
from regions.models import (
    ApprovalStatus,
    Initiative,
    RegionIndexPage,
    RegionMembership,
    RegionPage,
    RegionTeam,
    attach_shown_regions,
)
from regions.rules import moderated_regions

# What the edit form writes (``InitiativeForm``; its many-to-many fields are saved apart).
EDITED_COLUMNS = ["name", "kind", "region", "website", "links", "description", "logo", "address", "location"]

# ACCOUNT_RATE_LIMITS["initiative_submit"]: initiatives a member may submit (no entry there: no limit).
INITIATIVE_RATE_LIMIT_ACTION = "initiative_submit"


def _public_region(page_id):
    """The public region page ``page_id`` (German or English: the visitor comes back to it) and the German
    page its members join."""
    page = RegionPage.objects.live().public().filter(pk=page_id).first()
    region = page.network_region() if page is not None else None
    if region is None or not region.live:
        raise Http404(_("This region does not exist (any more)."))
    return page, region


# --- Region membership ----------------------------------------------------------------------------------


def _signup_redirect(page):
    """Anonymous visitors who press "Mitmachen" are sent to sign up and come back to the region."""
    return redirect(f"{reverse('account_signup')}?{urlencode({'next': page.url})}")


def _consent_form(request, answer_required=False):
    form = TeamConsentForm(request.POST, answer_required=answer_required)
    if not form.is_valid():
        raise BadRequest(_("Please answer whether the regional team may see and contact you."))
    return form


@require_POST
def join_region(request, page_id):
    page, region = _public_region(page_id)
    if not request.user.is_authenticated:
        return _signup_redirect(page)
    # Joining needs a confirmed address (a session may outlive a change of address or group).
    if not rules.has_perm("regions.join_region", request.user):
        return _verification_required(request, action="join")
    agreed = _consent_form(request).agreed
    # Joining twice changes nothing: a member changes the answer with change_team_consent.
    _membership, created = RegionMembership.objects.get_or_create(
        user=request.user, region=region, defaults=RegionMembership.consent_fields(agreed)
    )
    if created:
        messages.success(request, _("Great to have you taking part in this region!"))
    return redirect(page.url)


@require_POST
def change_team_consent(request, page_id):
    """A member lets the team of a region they joined see and contact them, or no longer. Withdrawing works
    for any region page, also one taken off the site: it is the member's data."""
    page = get_object_or_404(RegionPage, pk=page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("members:profile"))
    form = _consent_form(request, answer_required=True)
    changed = RegionMembership.objects.filter(user=request.user, **page.network_rows()).update(
        **RegionMembership.consent_fields(form.agreed)
    )
    if not changed:
        raise Http404(_("You have not joined this region."))
    if form.agreed:
        messages.success(request, _("The regional team can now see and contact you."))
    else:
        messages.success(request, _("The regional team can no longer see or contact you."))
    if form.cleaned_data["back"] == "profile" or not page.live:
        return redirect("members:profile")
    return redirect(page.url)


@require_POST
def leave_region(request, page_id):
    page, region = _public_region(page_id)
    if not request.user.is_authenticated:
        return _signup_redirect(page)
    deleted, _rows = RegionMembership.objects.filter(user=request.user, region=region).delete()
    if deleted:
        messages.success(request, _("You have left the region."))
    return redirect(page.url)


# --- Initiatives from members ---------------------------------------------------------------------------


def _verification_required(request, action="initiative"):
    return render(request, "regions/initiative_verification_required.html", {"action": action}, status=403)


def _initial_region(value):
    """The German page of the region ``?region=`` names: the English region page links its own."""
    if not (value and value.isdigit() and int(value) < 2**31):
        return None
    page = RegionPage.objects.filter(pk=int(value)).first()
    return page.network_region().pk if page is not None else None


def _network_map_url():
    page = RegionIndexPage.objects.live().public().filter(locale_id=locale_id()).first()
    return page.url if page else None


@require_GET
def initiative_profile(request, pk):
    initiative = get_object_or_404(
        Initiative.objects.select_related("region", "submitted_by").prefetch_related(
            "fields_of_action", "sdgs"
        ),
        pk=pk,
    )
    approved = initiative.approval_status == ApprovalStatus.APPROVED
    may_manage = rules.has_perm("regions.manage_initiative", request.user, initiative)
    if not approved and not may_manage:
        raise Http404(_("This initiative does not exist (any more)."))
    attach_shown_regions([initiative])
    region = initiative.shown_region
    region_public = region is not None and RegionPage.objects.live().public().filter(pk=region.pk).exists()
    context = {
        "initiative": initiative,
        "approved": approved,
        "may_manage": may_manage,
        # Owners (and editors) see who shares the entry; the team's reviewers do not decide that.
        "may_share": may_manage
        and (
            rules.has_perm("regions.invite_co_owner", request.user, initiative)
            or rules.has_perm("regions.remove_co_owner", request.user, initiative)
        ),
        "region": region if region_public else None,
        "point_map_config": point_map_config(),
        "network_map_url": _network_map_url() if initiative.coordinates else None,
    }
    response = render(request, "regions/initiative_profile.html", context)
    if not approved:
        response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def submit_initiative(request):
    if not rules.has_perm("regions.submit_initiative", request.user):
        return _verification_required(request)
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        initial={"region": _initial_region(request.GET.get("region"))},
    )
    if request.method == "POST" and form.is_valid():
        # Counted only for valid forms, so fixing a typo costs nothing. Refused: the form comes back as typed.
        if not ratelimit.consume(request, action=INITIATIVE_RATE_LIMIT_ACTION, user=request.user):
            form.add_error(
                None,
                _(
                    "Too many submissions in a short time. Please wait a little, then send the form again "
                    "– what you entered is still in the form."
                ),
            )
            return render(request, "regions/initiative_form.html", _form_context(form), status=429)
        initiative = form.save(commit=False)
        initiative.submitted_by = request.user
        initiative.approval_status = ApprovalStatus.PENDING
        with transaction.atomic():
            initiative.save()
            form.save_m2m()
            _ask_for_review(initiative, changed=False)
        messages.success(
            request,
            _(
                "Thank you! Your initiative “%(name)s” has been submitted. The regional team will review "
                "it, and you will get an email as soon as it is approved."
            )
            % {"name": initiative.name},
        )
        return redirect("regions:my_initiatives")
    return render(request, "regions/initiative_form.html", _form_context(form))


def _form_context(form, initiative=None, reviewer=False):
    return {
        "form": form,
        "initiative": initiative,
        "perms_decide": reviewer,
        "point_map_config": point_map_config(picker=True),
    }


def _ask_for_review(initiative, changed):
    pk = initiative.pk
    transaction.on_commit(lambda: send_review_request_mail(pk, changed))


def _too_many(request):
    """Counts one edit or submission that mails the team; True when the member has sent too many."""
    return not ratelimit.consume(request, action=INITIATIVE_RATE_LIMIT_ACTION, user=request.user)


def _managed_initiative(request, pk):
    """The initiative ``pk`` if ``request.user`` may manage it: 404 when it is not public and not theirs, 403
    when it is public but not theirs."""
    initiative = get_object_or_404(Initiative.objects.select_related("region"), pk=pk)
    if not rules.has_perm("regions.manage_initiative", request.user, initiative):
        if initiative.approval_status == ApprovalStatus.APPROVED:
            raise PermissionDenied(
                _("Only the people behind this initiative and its regional team can change it.")
            )
        raise Http404(_("This initiative does not exist (any more)."))
    return initiative


@login_required
def edit_initiative(request, pk):
    """Owners and reviewers change an initiative. An owner's change to an approved one waits for review
    (``regions.initiative_edits``); a withdrawn or rejected one goes back to review; reviewers' changes count
    at once."""
    initiative = _managed_initiative(request, pk)
    reviewer = rules.has_perm("regions.decide_on_initiative", request.user, initiative)
    proposed = initiative.approval_status == ApprovalStatus.APPROVED and not reviewer
    # The form works on its own copy: validating writes the typed values into its instance.
    # An owner who changes it again starts from the changes waiting for review.
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        instance=Initiative.objects.get(pk=pk),
        initial=proposed_initial(initiative) if proposed else None,
    )
    if request.method == "POST" and form.is_valid():
        if not reviewer and _too_many(request):
            form.add_error(
                None, _("Too many changes in a short time. Please wait a little, then send the form again.")
            )
            return render(
                request, "regions/initiative_form.html", _form_context(form, initiative), status=429
            )
        if proposed:
            proposal = proposal_from(form, initiative)
            propose(initiative, proposal)
            if proposal:
                _ask_for_review(initiative, changed=True)
                messages.success(
                    request,
                    _(
                        "Thank you! Your changes go to the regional team. Until they approve them, the page "
                        "shows the approved version."
                    ),
                )
            else:
                messages.info(request, _("Nothing has changed."))
        else:
            with transaction.atomic():
                # Only the form's columns: a decision or a proposal saved meanwhile stays as it is.
                Initiative.objects.select_for_update().only("pk").get(pk=initiative.pk)
                saved = form.save(commit=False)
                saved.save(update_fields=[*EDITED_COLUMNS, "updated_at"])
                form.save_m2m()
                if not reviewer and saved.approval_status in (
                    ApprovalStatus.REJECTED,
                    ApprovalStatus.WITHDRAWN,
                ):
                    saved.approval_status = ApprovalStatus.PENDING
                    saved.save(update_fields=["approval_status"])
                    _ask_for_review(saved, changed=False)
                transaction.on_commit(form.delete_replaced_logo)
            messages.success(request, _("The initiative has been saved."))
        return redirect(initiative.get_absolute_url())
    return render(request, "regions/initiative_form.html", _form_context(form, initiative, reviewer))


@login_required
@require_POST
def withdraw_initiative(request, pk):
    """Take an initiative off the site (its owner can send it for review again by saving it)."""
    initiative = _managed_initiative(request, pk)
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        discard_proposal(locked)
        locked.approval_status = ApprovalStatus.WITHDRAWN
        locked.save(update_fields=["approval_status"])
    messages.success(
        request,
        _("“%(name)s” is no longer shown on the site. Save it again to send it to the regional team.")
        % {"name": initiative.name},
    )
    return redirect(initiative.get_absolute_url())


@login_required
def delete_initiative(request, pk):
    initiative = _managed_initiative(request, pk)
    if request.method != "POST":
        return render(request, "regions/initiative_delete.html", {"initiative": initiative})
    with transaction.atomic():
        # Its logo files go with it (regions.signals.initiative_files_deleted).
        Initiative.objects.select_for_update().get(pk=initiative.pk).delete()
    messages.success(request, _("“%(name)s” has been deleted.") % {"name": initiative.name})
    return redirect("regions:my_initiatives")


@login_required
@require_GET
def my_initiatives(request):
    initiatives = (
        Initiative.objects.owned_by(request.user).select_related("region").order_by("-created_at", "name")
    )
    return render(
        request, "regions/initiative_list_mine.html", {"initiatives": attach_shown_regions(initiatives)}
    )


# --- Moderation -----------------------------------------------------------------------------------------


def _in_reach(user, initiatives):
    """``initiatives`` narrowed to those ``user`` decides on: all for editors, their regions' for moderators."""
    return initiatives if is_editor(user) else initiatives.filter(region__in=moderated_regions(user))


def reviewable_initiatives(user):
    """Pending initiatives ``user`` may decide on."""
    return _in_reach(user, Initiative.objects.pending())


def reviewable_changes(user):
    """Approved initiatives with changes waiting that ``user`` may decide on (a proposed move is decided by the
    team of the region it leaves; the receiving team is told, ``regions.emails.send_review_request_mail``)."""
    return _in_reach(user, Initiative.objects.with_pending_changes())


def _require_reviewer(user):
    if not rules.has_perm("regions.review_initiatives", user):
        raise PermissionDenied(_("Only regional moderators and editors can approve initiatives."))


@login_required
@require_GET
def review_initiatives(request):
    _require_reviewer(request.user)
    initiatives = (
        reviewable_initiatives(request.user)
        .select_related("region", "submitted_by")
        .prefetch_related("fields_of_action")
        .order_by("created_at", "pk")
    )
    changed = (
        reviewable_changes(request.user)
        .select_related("region", "submitted_by")
        .prefetch_related("fields_of_action", "sdgs")
        .order_by("changes_submitted_at", "pk")
    )
    changes = [(initiative, described_changes(initiative)) for initiative in attach_shown_regions(changed)]
    # "My regions": the regions whose team the user is in (as ``moderated_regions``), linked to their members.
    teams = (
        RegionTeam.objects.filter(group__user=request.user).select_related("region").order_by("region__title")
    )
    return render(
        request,
        "regions/initiative_review.html",
        {
            "initiatives": attach_shown_regions(initiatives),
            "changes": changes,
            "teams": attach_shown_regions(teams.defer("region__body")),
        },
    )


def _decide(request, pk, status, note=""):
    """Set the decision; the callers have checked ``_require_reviewer`` (before looking at any form)."""
    # Scoped lookup: another region's initiative (or one already decided) is simply not there (404).
    with transaction.atomic():
        initiative = get_object_or_404(reviewable_initiatives(request.user).select_for_update(), pk=pk)
        initiative.approval_status = status
        initiative.review_note = note
        initiative.save(update_fields=["approval_status", "review_note"])
    return initiative


@login_required
@require_POST
def approve_initiative(request, pk):
    _require_reviewer(request.user)
    initiative = _decide(request, pk, ApprovalStatus.APPROVED)
    messages.success(request, _("“%(name)s” has been approved.") % {"name": initiative.name})
    return redirect("regions:review_initiatives")


@login_required
@require_POST
def reject_initiative(request, pk):
    _require_reviewer(request.user)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reason is too long (at most 1000 characters)."))
        return redirect("regions:review_initiatives")
    initiative = _decide(request, pk, ApprovalStatus.REJECTED, form.cleaned_data["reason"].strip())
    messages.success(request, _("“%(name)s” has been rejected.") % {"name": initiative.name})
    return redirect("regions:review_initiatives")


def _decide_changes(request, pk, approve, note=""):
    with transaction.atomic():
        initiative = get_object_or_404(reviewable_changes(request.user).select_for_update(), pk=pk)
        if approve:
            apply_proposal(initiative)
        else:
            discard_proposal(initiative)
        transaction.on_commit(lambda: send_changes_decision_mail(pk, approve, note))
    return initiative


@login_required
@require_POST
def approve_changes(request, pk):
    _require_reviewer(request.user)
    initiative = _decide_changes(request, pk, approve=True)
    messages.success(request, _("The changes to “%(name)s” have been approved.") % {"name": initiative.name})
    return redirect("regions:review_initiatives")


@login_required
@require_POST
def reject_changes(request, pk):
    _require_reviewer(request.user)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reason is too long (at most 1000 characters)."))
        return redirect("regions:review_initiatives")
    initiative = _decide_changes(request, pk, approve=False, note=form.cleaned_data["reason"].strip())
    messages.success(request, _("The changes to “%(name)s” have been rejected.") % {"name": initiative.name})
    return redirect("regions:review_initiatives")
