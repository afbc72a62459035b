"""Mails about joining a group (through the queue, each in the recipient's language): a new request to the
contact persons (or, without any, to whoever manages the group), the decision to the requester."""

from django.urls import reverse

from common.links import absolute
from members.language import in_language, language_of
from members.models import User
from members.roles import EDITORS
from regions.emails import send_template
from working_groups.models import Membership, MembershipStatus, WorkingGroup


def _leaders(group):
    """Who decides on requests: the contact persons, else the region's team, else the editors."""
    active = User.objects.filter(is_active=True).exclude(email="")
    # One filter(): the three conditions hold for the same membership row.
    contacts = active.filter(
        group_memberships__group=group,
        group_memberships__is_contact=True,
        group_memberships__status=MembershipStatus.MEMBER,
    )
    if contacts.exists():
        return list(contacts.distinct())
    if group.region_id:
        team = active.filter(groups__region_team__region_id=group.region_id)
        if team.exists():
            return list(team.distinct())
    return list(active.filter(groups__name=EDITORS).distinct())


def send_request_mail(membership_pk):
    membership = Membership.objects.select_related("group", "user").filter(pk=membership_pk).first()
    if membership is None or membership.status != MembershipStatus.REQUESTED:
        return
    group = membership.group
    for leader in _leaders(group):
        with in_language(language_of(leader)):
            context = {
                "group": group.label,
                "requester": membership.user.public_name,
                "user": leader,
                "group_url": absolute(group.get_absolute_url()) + "#anfragen",
            }
            send_template("working_groups/emails/request", context, leader.email)


def send_decision_mail(group_pk, user_pk, accepted):
    group = WorkingGroup.objects.filter(pk=group_pk).first()
    user = User.objects.filter(pk=user_pk, is_active=True).exclude(email="").first()
    if group is None or user is None:
        return
    with in_language(language_of(user)):
        context = {
            "group": group.label,
            "user": user,
            "accepted": accepted,
            "group_url": absolute(group.get_absolute_url()),
            "directory_url": absolute(reverse("working_groups:directory")),
        }
        send_template("working_groups/emails/decision", context, user.email)
