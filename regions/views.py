"""Front-end actions of members and moderators: join a region, submit and approve initiatives."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
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
from regions.forms import InitiativeForm, RejectForm
from regions.map.page import point_map_config
from regions.models import (
    ApprovalStatus,
    Initiative,
    RegionIndexPage,
    RegionMembership,
    RegionPage,
    attach_shown_regions,
)
from regions.rules import moderated_regions

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


@require_POST
def join_region(request, page_id):
    page, region = _public_region(page_id)
    if not request.user.is_authenticated:
        return _signup_redirect(page)
    # Joining needs a confirmed address (a session may outlive a change of address or group).
    if not rules.has_perm("regions.join_region", request.user):
        return _verification_required(request, action="join")
    _membership, created = RegionMembership.objects.get_or_create(user=request.user, region=region)
    if created:
        messages.success(request, _("Great to have you taking part in this region!"))
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


def _may_see_unapproved(user, initiative):
    """The submitter and whoever may decide on it see an initiative before (or without) approval."""
    if not user.is_authenticated:
        return False
    if initiative.submitted_by_id == user.pk or is_editor(user):
        return True
    return initiative.region_id is not None and initiative.region_id in {
        region.pk for region in moderated_regions(user)
    }


def _network_map_url():
    page = RegionIndexPage.objects.live().public().filter(locale_id=locale_id()).first()
    return page.url if page else None


@require_GET
def initiative_profile(request, pk):
    initiative = get_object_or_404(
        Initiative.objects.select_related("region").prefetch_related("fields_of_action", "sdgs"), pk=pk
    )
    approved = initiative.approval_status == ApprovalStatus.APPROVED
    if not approved and not _may_see_unapproved(request.user, initiative):
        raise Http404(_("This initiative does not exist (any more)."))
    attach_shown_regions([initiative])
    region = initiative.shown_region
    region_public = region is not None and RegionPage.objects.live().public().filter(pk=region.pk).exists()
    context = {
        "initiative": initiative,
        "approved": approved,
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


def _form_context(form):
    return {"form": form, "point_map_config": point_map_config(picker=True)}


@login_required
@require_GET
def my_initiatives(request):
    initiatives = (
        Initiative.objects.filter(submitted_by=request.user)
        .select_related("region")
        .order_by("-created_at", "name")
    )
    return render(
        request, "regions/initiative_list_mine.html", {"initiatives": attach_shown_regions(initiatives)}
    )


# --- Moderation -----------------------------------------------------------------------------------------


def reviewable_initiatives(user):
    """Pending initiatives ``user`` may decide on: all for editors, their regions' for moderators."""
    pending = Initiative.objects.pending()
    if is_editor(user):
        return pending
    return pending.filter(region__in=moderated_regions(user))


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
    return render(
        request, "regions/initiative_review.html", {"initiatives": attach_shown_regions(initiatives)}
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
