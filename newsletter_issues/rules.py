"""Who may write and send newsletter issues: editors to every list, a region's team to its own regions' lists.

A list of a region names the region's German page; ``regions.rules.moderated_regions`` are German pages too.
"""

import rules

from members.rules import is_editor
from newsletters.models import MailingList
from regions.rules import is_region_moderator, moderated_regions


def sendable_lists(user):
    """The lists ``user`` may send to."""
    if is_editor(user):
        return MailingList.objects.all()
    return MailingList.objects.filter(region__in=moderated_regions(user))


@rules.predicate
def may_send_to_its_lists(user, issue):
    """Every list of ``issue`` is one ``user`` may send to (and it has at least one)."""
    if issue is None or not user.is_authenticated:
        return False
    chosen = set(issue.lists.values_list("pk", flat=True))
    return bool(chosen) and chosen <= set(
        sendable_lists(user).filter(pk__in=chosen).values_list("pk", flat=True)
    )


@rules.predicate
def may_see_issue(user, issue):
    """Editors every issue; a team the issues its members wrote and those for its regions' lists."""
    if issue is None or not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    return issue.created_by_id == user.pk or issue.lists.filter(region__in=moderated_regions(user)).exists()


may_write_issues = is_editor | is_region_moderator

rules.add_perm("newsletter_issues.write", may_write_issues)
rules.add_perm("newsletter_issues.change_issue", may_write_issues & may_see_issue)
rules.add_perm("newsletter_issues.send_issue", may_write_issues & may_see_issue & may_send_to_its_lists)
