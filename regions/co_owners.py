"""Co-owners of an initiative: invitations by e-mail, accepting them, removing co-owners and leaving.

An owner (the submitter or a co-owner) invites an e-mail address; the hub mails a link with a single-use token
(only its hash is stored) that expires after ``CoOwnerInvitation.INVITATION_DAYS``. Accepting needs a login with
a confirmed account, and the invited address must be one of that account's confirmed addresses: a forwarded or
leaked link gives nobody else the entry. Nothing the inviter sees depends on whether the address has an account.

Who may do what is ``regions.rules`` (``regions.invite_co_owner``, ``regions.remove_co_owner``).
"""

import secrets
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

import rules
from allauth.core import ratelimit

from regions.emails import send_co_owner_invitation
from regions.models import ApprovalStatus, CoOwnerInvitation, Initiative, InitiativeCoOwner

# Pending invitations per initiative: enough for a small group, too few to mail strangers in bulk.
MAX_PENDING_INVITATIONS = 5
# ACCOUNT_RATE_LIMITS: invitations per inviting member, and per invited address (across initiatives).
INVITE_RATE_LIMIT_ACTION = "co_owner_invite"
ADDRESS_RATE_LIMIT_ACTION = "co_owner_invite_address"
# A token is 43 characters (``secrets.token_urlsafe(32)``); anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 100


def pending_invitations(initiative):
    return initiative.co_owner_invitations.filter(expires_at__gt=timezone.now())


class TooManyInvitations(Exception):
    pass


def invite(initiative, email, inviter):
    """Invite ``email`` (lower case) to ``initiative``; returns ``(invitation, token)``. Inviting an address
    again replaces its token (the earlier link stops working) and starts the time again."""
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        # The initiative's row lock counts the pending invitations of two requests one after the other.
        Initiative.objects.select_for_update().only("pk").get(pk=initiative.pk)
        initiative.co_owner_invitations.filter(expires_at__lte=now).delete()
        existing = initiative.co_owner_invitations.filter(email=email).exists()
        if not existing and initiative.co_owner_invitations.count() >= MAX_PENDING_INVITATIONS:
            raise TooManyInvitations
        invitation, _created = CoOwnerInvitation.objects.update_or_create(
            initiative=initiative,
            email=email,
            defaults={
                "invited_by": inviter,
                "token_hash": CoOwnerInvitation.hash_token(token),
                "created_at": now,
                "expires_at": now + timedelta(days=CoOwnerInvitation.INVITATION_DAYS),
            },
        )
    return invitation, token


def accept(invitation, user):
    """Make ``user`` a co-owner and use up ``invitation``. False when they already own the initiative."""
    with transaction.atomic():
        locked = CoOwnerInvitation.objects.select_for_update().filter(pk=invitation.pk).first()
        if locked is None:  # accepted or revoked a moment ago
            raise Http404(_("This invitation is no longer valid."))
        locked.delete()
        initiative = invitation.initiative
        # Whoever sent it must still be an owner: a co-owner who left or was removed leaves no way back in.
        if not rules.has_perm("regions.invite_co_owner", invitation.invited_by, initiative):
            raise Http404(_("This invitation is no longer valid."))
        if initiative.submitted_by_id == user.pk:
            return False
        _row, created = InitiativeCoOwner.objects.get_or_create(
            initiative=initiative, user=user, defaults={"invited_by_id": invitation.invited_by_id}
        )
    return created


def hand_over_initiatives(user):
    """Before ``user``'s account is deleted: each initiative they submitted that has co-owners goes to its
    longest-standing co-owner (an active account first), who becomes its submitter, so the entry stays
    looked after. Initiatives without co-owners stay without a submitter (``Initiative.submitted_by`` is
    SET_NULL), for the regional team to look after. Invitations to the user's confirmed addresses are deleted; their
    co-ownerships and the invitations they sent go with the account (cascade)."""
    heirs = (
        InitiativeCoOwner.objects.filter(initiative__submitted_by=user)
        .exclude(user=user)
        .order_by("initiative_id", "-user__is_active", "added_at", "pk")
    )
    handed_over = set()
    for heir in heirs:
        if heir.initiative_id in handed_over:
            continue
        handed_over.add(heir.initiative_id)
        Initiative.objects.filter(pk=heir.initiative_id).update(submitted_by=heir.user_id)
        heir.delete()
    # Only confirmed addresses: anyone can add someone else's address to an account without confirming it.
    CoOwnerInvitation.objects.filter(email__in=verified_addresses(user)).delete()


def verified_addresses(user):
    return [
        address.lower()
        for address in user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    ]


# --- Views ----------------------------------------------------------------------------------------------


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address"), max_length=254)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


def _initiative_for_owners(request, pk):
    """The initiative ``pk`` when ``request.user`` may see its co-owners (its owners and the editors): 404 when
    it is not public and not theirs to manage, else 403."""
    initiative = get_object_or_404(Initiative.objects.select_related("submitted_by"), pk=pk)
    user = request.user
    if rules.has_perm("regions.invite_co_owner", user, initiative) or rules.has_perm(
        "regions.remove_co_owner", user, initiative
    ):
        return initiative
    if initiative.approval_status == ApprovalStatus.APPROVED or rules.has_perm(
        "regions.manage_initiative", user, initiative
    ):
        raise PermissionDenied(_("Only the people behind this initiative can invite or remove co-owners."))
    raise Http404(_("This initiative does not exist (any more)."))


def _page(request, initiative, form, status=200):
    user = request.user
    context = {
        "initiative": initiative,
        "form": form,
        "co_owners": initiative.co_owners.select_related("user").order_by("added_at", "pk"),
        "invitations": pending_invitations(initiative)
        .select_related("invited_by")
        .order_by("created_at", "pk"),
        "may_invite": rules.has_perm("regions.invite_co_owner", user, initiative),
        "may_remove": rules.has_perm("regions.remove_co_owner", user, initiative),
        "max_pending": MAX_PENDING_INVITATIONS,
        "days": CoOwnerInvitation.INVITATION_DAYS,
    }
    return render(request, "regions/initiative_co_owners.html", context, status=status)


@login_required
def co_owners(request, pk):
    """The co-owners and pending invitations of an initiative, and the form to invite someone."""
    initiative = _initiative_for_owners(request, pk)
    if request.method != "POST":
        return _page(request, initiative, InviteForm())
    if not rules.has_perm("regions.invite_co_owner", request.user, initiative):
        raise PermissionDenied(_("Only the people behind this initiative can invite co-owners."))
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _page(request, initiative, form, status=400)
    email = form.cleaned_data["email"]
    if email in verified_addresses(request.user):
        form.add_error("email", _("This is your own address."))
        return _page(request, initiative, form, status=400)
    if not (
        ratelimit.consume(
            request, action=ADDRESS_RATE_LIMIT_ACTION, key=CoOwnerInvitation.hash_token(email), dry_run=True
        )
        and ratelimit.consume(request, action=INVITE_RATE_LIMIT_ACTION, user=request.user)
        and ratelimit.consume(
            request, action=ADDRESS_RATE_LIMIT_ACTION, key=CoOwnerInvitation.hash_token(email)
        )
    ):
        form.add_error(None, _("Too many invitations in a short time. Please try again later."))
        return _page(request, initiative, form, status=429)
    try:
        invitation, token = invite(initiative, email, request.user)
    except TooManyInvitations:
        form.add_error(
            None,
            _(
                "At most %(count)d invitations can wait at a time. Withdraw one, or wait until they are answered."
            )
            % {"count": MAX_PENDING_INVITATIONS},
        )
        return _page(request, initiative, form, status=400)
    # The invitee's language is unknown: the mail speaks the inviter's, as the page does.
    language = translation.get_language()
    invitation_pk = invitation.pk
    transaction.on_commit(lambda: send_co_owner_invitation(invitation_pk, token, language))
    # The same answer whether or not the address has an account.
    messages.success(
        request,
        _("We have sent an invitation to %(email)s. The link in it is valid for %(days)d days.")
        % {"email": email, "days": CoOwnerInvitation.INVITATION_DAYS},
    )
    return redirect("regions:co_owners", pk=initiative.pk)


@login_required
@require_POST
def revoke_invitation(request, pk, invitation_id):
    initiative = _initiative_for_owners(request, pk)
    invitation = get_object_or_404(initiative.co_owner_invitations, pk=invitation_id)
    own = invitation.invited_by_id == request.user.pk and rules.has_perm(
        "regions.invite_co_owner", request.user, initiative
    )
    if not (own or rules.has_perm("regions.remove_co_owner", request.user, initiative)):
        raise PermissionDenied(
            _("Only the submitter and the person who sent it can withdraw this invitation.")
        )
    invitation.delete()
    messages.success(
        request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email}
    )
    return redirect("regions:co_owners", pk=initiative.pk)


@login_required
@require_POST
def remove_co_owner(request, pk, co_owner_id):
    initiative = _initiative_for_owners(request, pk)
    if not rules.has_perm("regions.remove_co_owner", request.user, initiative):
        raise PermissionDenied(_("Only the submitter and the editors can remove co-owners."))
    row = get_object_or_404(initiative.co_owners.select_related("user"), pk=co_owner_id)
    with transaction.atomic():
        row.delete()
        CoOwnerInvitation.objects.filter(initiative=initiative, invited_by=row.user).delete()
    messages.success(
        request, _("%(name)s is no longer a co-owner of this initiative.") % {"name": row.user.public_name}
    )
    return redirect("regions:co_owners", pk=initiative.pk)


@login_required
@require_POST
def leave(request, pk):
    """A co-owner gives up their part in an initiative (no confirmed address needed to give something up)."""
    row = get_object_or_404(
        InitiativeCoOwner.objects.select_related("initiative"), initiative_id=pk, user=request.user
    )
    with transaction.atomic():
        row.delete()
        CoOwnerInvitation.objects.filter(initiative=row.initiative, invited_by=request.user).delete()
    messages.success(
        request, _("You are no longer a co-owner of “%(name)s”.") % {"name": row.initiative.name}
    )
    return redirect("regions:my_initiatives")


@login_required
def accept_invitation(request, token):
    """The link in the invitation: a page that says what accepting means, and accepting it (POST).

    A link opened by a mail program's link checker (GET) changes nothing."""
    if not rules.has_perm("regions.submit_initiative", request.user):  # a confirmed address
        return render(
            request, "regions/initiative_verification_required.html", {"action": "co_owner"}, status=403
        )
    invitation = None
    if len(token) <= MAX_TOKEN_LENGTH:
        invitation = (
            CoOwnerInvitation.objects.select_related("initiative", "invited_by")
            .filter(token_hash=CoOwnerInvitation.hash_token(token), expires_at__gt=timezone.now())
            .first()
        )
    if invitation is None:
        return render(request, "regions/co_owner_invitation.html", {"state": "invalid"}, status=404)
    context = {"invitation": invitation, "initiative": invitation.initiative}
    if invitation.email not in verified_addresses(request.user):
        return render(
            request, "regions/co_owner_invitation.html", {**context, "state": "other_address"}, status=403
        )
    if request.method != "POST":
        return render(request, "regions/co_owner_invitation.html", {**context, "state": "open"})
    if accept(invitation, request.user):
        messages.success(
            request,
            _("You are now a co-owner of “%(name)s” and can change it.")
            % {"name": invitation.initiative.name},
        )
    else:
        messages.info(request, _("You already look after “%(name)s”.") % {"name": invitation.initiative.name})
    return redirect(invitation.initiative.get_absolute_url())
