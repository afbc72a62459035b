"""machina's permission handler, with forums hidden that machina's permission rows cannot hide:

- closed forums (``RegionForum.closed``, ``GroupForum.closed``): hidden from everybody but editors;
- the forums of members-only working groups: hidden from everybody but the group's members, the team of the
  group's region and the editors — not readable, and not listed (index, forum listings, search, feeds).

This is not expressed as per-forum "not granted" rows: machina's
``ForumPermissionChecker.get_perms_for_forumlist`` reassigns the globally granted group permissions inside
its per-forum loop, so one such row on a forum removes the global grant for every later forum of the list.
Instead the checker below keeps machina's computation (global grants only) and empties the permissions of
hidden forums afterwards — for lists (index, forum listings, search) and single checks alike. Membership is read
per handler (one per request or task), so leaving a group takes its forum away at once.
"""

from django.db.models import Q

import rules
from machina.apps.forum_permission.checker import ForumPermissionChecker
from machina.apps.forum_permission.handler import PermissionHandler as MachinaPermissionHandler

from forum.models import GroupForum, RegionForum
from regions.rules import moderated_regions
from working_groups.models import ForumAccess, Membership

__all__ = ["HiddenForumsChecker", "PermissionHandler"]


class HiddenForumsChecker(ForumPermissionChecker):
    def __init__(self, user, hidden_forum_ids):
        super().__init__(user)
        self.hidden_forum_ids = hidden_forum_ids

    def has_perm(self, perm, forum):
        if forum is not None and forum.id in self.hidden_forum_ids:
            return (
                False  # also for superusers, whom machina answers before asking for the forum's permissions
            )
        return super().has_perm(perm, forum)

    def get_perms_for_forumlist(self, forums, perm_codenames=None):
        perms = super().get_perms_for_forumlist(forums, perm_codenames)
        if self.hidden_forum_ids:
            for forum in forums:
                if forum is not None and forum.id in self.hidden_forum_ids:
                    perms[forum] = set()
        return perms


def _hidden_forum_ids(user):
    """Closed forums, and the forums of members-only groups ``user`` is not in (nor in the team of the group's
    region). No query for the editors' rights or the memberships when there is nothing to hide."""
    closed = set(RegionForum.objects.filter(closed=True).values_list("forum_id", flat=True))
    groups = GroupForum.objects.filter(Q(closed=True) | Q(group__forum_access=ForumAccess.MEMBERS))
    rows = list(groups.values_list("forum_id", "closed", "group_id", "group__region_id"))
    closed |= {forum for forum, is_closed, _group, _region in rows if is_closed}
    members_only = [(forum, group, region) for forum, is_closed, group, region in rows if not is_closed]
    if not (closed or members_only) or rules.has_perm("hub_forum.see_closed_forums", user):
        return frozenset()  # editors see, read and moderate closed and members-only forums
    if members_only and user.is_authenticated:
        joined = set(
            Membership.objects.members()
            .filter(user=user, group__in=[group for _forum, group, _region in members_only])
            .values_list("group_id", flat=True)
        )
        teams = set(moderated_regions(user).values_list("pk", flat=True))
        members_only = [row for row in members_only if row[1] not in joined and row[2] not in teams]
    return frozenset(closed) | {forum for forum, _group, _region in members_only}


class PermissionHandler(MachinaPermissionHandler):
    def _get_checker(self, user):
        key = user.id if not user.is_anonymous else "anonymous"
        if key not in self._user_perm_checkers_cache:
            self._user_perm_checkers_cache[key] = HiddenForumsChecker(user, _hidden_forum_ids(user))
        return self._user_perm_checkers_cache[key]
