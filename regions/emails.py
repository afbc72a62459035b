"""E-mails about initiatives: to the people who submitted them, to the teams who review them, and invitations
to become co-owner."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone

from common.links import absolute
from members.language import in_language, language_of
from members.models import User
from members.roles import EDITORS
from regions.models import ApprovalStatus, CoOwnerInvitation, Initiative, RegionPage


def owners_of(initiative):
    """Who hears the team's decisions: the submitter and the co-owners with an active account and an address."""
    owners = [initiative.submitted_by] if initiative.submitted_by_id else []
    owners += [row.user for row in initiative.co_owners.select_related("user").order_by("added_at", "pk")]
    return [owner for owner in owners if owner.is_active and owner.email]


def send_decision_mail(initiative_pk):
    """Tell the owners that their initiative was approved or rejected (plain text, each in their language, with
    links to their language's version of the site).

    Called after the transaction commits, so a rolled-back decision never sends a mail.
    """
    initiative = Initiative.objects.select_related("submitted_by", "region").filter(pk=initiative_pk).first()
    if initiative is None:
        return
    if initiative.approval_status == ApprovalStatus.APPROVED:
        template = "regions/emails/initiative_approved"
    elif initiative.approval_status == ApprovalStatus.REJECTED:
        template = "regions/emails/initiative_rejected"
    else:
        return
    for owner in owners_of(initiative):
        with in_language(language_of(owner)):
            region = initiative.region.localized if initiative.region else None
            context = {
                "initiative": initiative,
                "user": owner,
                "region_url": absolute(region.url) if region and region.live else "",
                "my_initiatives_url": absolute(reverse("regions:my_initiatives")),
            }
            send_template(template, context, owner.email)


def send_changes_decision_mail(initiative_pk, approved, note=""):
    """Tell the owners whether the team approved the changes of their initiative."""
    initiative = Initiative.objects.select_related("submitted_by").filter(pk=initiative_pk).first()
    if initiative is None:
        return
    template = "regions/emails/changes_approved" if approved else "regions/emails/changes_rejected"
    for owner in owners_of(initiative):
        with in_language(language_of(owner)):
            context = {
                "initiative": initiative,
                "user": owner,
                "note": note,
                "profile_url": absolute(initiative.get_absolute_url()),
                "edit_url": absolute(reverse("regions:edit_initiative", args=[initiative.pk])),
            }
            send_template(template, context, owner.email)


def reviewers_of(initiative):
    """Who is told about a new or changed initiative (or anything else with a ``region_id``, such as a report of
    an action done there): its region's team, or the editors when it has none."""
    active = User.objects.filter(is_active=True).exclude(email="")
    team = (
        active.filter(groups__region_team__region_id=initiative.region_id) if initiative.region_id else None
    )
    if team is not None and team.exists():
        return list(team.distinct())
    return list(active.filter(groups__name=EDITORS).distinct())


def send_review_request_mail(initiative_pk, changed):
    """Ask the region's team to review a new initiative (``changed`` False) or the changes to one, one mail per
    reviewer in their language. Sent after the transaction commits."""
    initiative = Initiative.objects.select_related("region").filter(pk=initiative_pk).first()
    if initiative is None:
        return
    template = "regions/emails/review_changes" if changed else "regions/emails/review_new"
    for reviewer in reviewers_of(initiative):
        with in_language(language_of(reviewer)):
            context = {
                "initiative": initiative,
                "user": reviewer,
                "region": initiative.region.localized.title if initiative.region else "",
                "review_url": absolute(reverse("regions:review_initiatives")),
                "profile_url": absolute(initiative.get_absolute_url()),
            }
            send_template(template, context, reviewer.email)
    if changed:
        send_move_notice(initiative, already_told={reviewer.pk for reviewer in reviewers_of(initiative)})


def send_move_notice(initiative, already_told):
    """Tell the team of the region a change would move ``initiative`` to (the team it leaves decides)."""
    moved_to = RegionPage.objects.filter(pk=(initiative.proposed_changes or {}).get("region") or 0).first()
    if moved_to is None or moved_to.pk == initiative.region_id:
        return
    team = User.objects.filter(is_active=True, groups__region_team__region_id=moved_to.pk).exclude(email="")
    for member in team.exclude(pk__in=already_told).distinct():
        with in_language(language_of(member)):
            context = {
                "initiative": initiative,
                "user": member,
                "region": initiative.region.localized.title if initiative.region else "",
                "new_region": moved_to.localized.title,
                "profile_url": absolute(initiative.get_absolute_url()),
            }
            send_template("regions/emails/move_notice", context, member.email)


def send_co_owner_invitation(invitation_pk, token, language):
    """Mail the link of a co-owner invitation to the invited address, in ``language`` (the inviter's: whether
    the address has an account, and in which language, is none of the inviter's business).

    ``token`` is the only copy of the link's secret (the database keeps its hash). Sent after the transaction
    commits; an invitation withdrawn or replaced meanwhile sends nothing.
    """
    invitation = (
        CoOwnerInvitation.objects.select_related("initiative", "invited_by").filter(pk=invitation_pk).first()
    )
    if invitation is None or invitation.token_hash != CoOwnerInvitation.hash_token(token):
        return
    with in_language(language):
        context = {
            "initiative": invitation.initiative,
            "inviter": invitation.invited_by.public_name,
            "accept_url": absolute(reverse("regions:accept_co_owner_invitation", args=[token])),
            "signup_url": absolute(reverse("account_signup")),
            "valid_until": formats.date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT"),
        }
        send_template("regions/emails/co_owner_invitation", context, invitation.email)


def send_template(template, context, address):
    """One plain-text mail from ``<template>_subject.txt`` and ``<template>.txt`` (sent through the queue)."""
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    send_mail(f"{prefix}{subject}", body, None, [address])
