"""Who may do what with working groups: one place answers it for views, the admin, the API and templates.

- verified members join open groups and ask to join the others;
- a group's contact persons accept or decline requests and write progress reports;
- a region's team manages its region's groups (admin, requests, reports), editors every group;
- the member list is for the group's members (and those who manage it), showing only names members agreed to show.
"""

import rules

from members.rules import is_editor, is_verified_member
from regions.rules import is_region_moderator, moderated_regions
from working_groups.models import Membership, MembershipStatus, WorkingGroup


def managed_groups(user):
    """The groups ``user`` manages in the admin: every group for editors, a team its regions' groups."""
    if is_editor(user):
        return WorkingGroup.objects.all()
    return WorkingGroup.objects.filter(region__in=moderated_regions(user))


@rules.predicate
def manages_group(user, group):
    """An editor, or in the team of the group's region."""
    if group is None or not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    return group.region_id is not None and moderated_regions(user).filter(pk=group.region_id).exists()


@rules.predicate
def is_group_member(user, group):
    if group is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(group=group, user=user, status=MembershipStatus.MEMBER).exists()


@rules.predicate
def is_group_contact(user, group):
    if group is None or not user.is_authenticated:
        return False
    return Membership.objects.contacts().filter(group=group, user=user).exists()


@rules.predicate
def is_report_author(user, report):
    return report is not None and user.is_authenticated and report.author_id == user.pk


@rules.predicate
def is_contact_of_report_group(user, report):
    return report is not None and is_group_contact(user, report.group)


@rules.predicate
def manages_report_group(user, report):
    return report is not None and manages_group(user, report.group)


may_lead_group = (is_verified_member & is_group_contact) | manages_group

rules.add_perm("working_groups.create_groups", is_editor | is_region_moderator)
rules.add_perm("working_groups.manage_group", manages_group)
rules.add_perm("working_groups.join_group", is_verified_member)
rules.add_perm("working_groups.decide_requests", may_lead_group)
rules.add_perm("working_groups.write_report", may_lead_group)
# The author while a verified member and still a contact person of the group, and whoever manages the group;
# a former contact person, or another group's, may not.
rules.add_perm(
    "working_groups.change_report",
    (is_verified_member & is_report_author & is_contact_of_report_group) | manages_report_group,
)
rules.add_perm("working_groups.see_members", (is_verified_member & is_group_member) | manages_group)
