"""E-mails about initiatives: to the people who submitted them, to the teams who review them, and invitations
to become co-owner."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone

from members.language import in_language, language_of
from members.models import User
from members.roles import EDITORS
from regions.models import ApprovalStatus, CoOwnerInvitation, Initiative


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
    an action done there): its region's team, and for a proposed move the receiving region's team too; the
    editors when there is no team."""
    active = User.objects.filter(is_active=True).exclude(email="")
    moved_to = (getattr(initiative, "proposed_changes", None) or {}).get("region")
    regions = [pk for pk in (initiative.region_id, moved_to) if pk]
    team = active.filter(groups__region_team__region_id__in=regions) if regions else None
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


def absolute(path):
    """An address with the site's host, for mails."""
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
