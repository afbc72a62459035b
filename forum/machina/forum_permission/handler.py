"""machina's permission handler, with closed forums (RegionForum.closed) hidden from everybody but editors.

A closed forum is not expressed as per-forum "not granted" rows: machina's
``ForumPermissionChecker.get_perms_for_forumlist`` reassigns the globally granted group permissions inside
its per-forum loop, so one such row on a forum removes the global grant for every later forum of the list.
Instead the checker below keeps machina's computation (global grants only) and empties the permissions of
closed forums afterwards — for lists (index, forum listings, search) and single checks alike.
"""

import rules
from machina.apps.forum_permission.checker import ForumPermissionChecker
from machina.apps.forum_permission.handler import PermissionHandler as MachinaPermissionHandler

from forum.models import RegionForum

__all__ = ["ClosedForumsChecker", "PermissionHandler"]


class ClosedForumsChecker(ForumPermissionChecker):
    def __init__(self, user, closed_forum_ids):
        super().__init__(user)
        self.closed_forum_ids = closed_forum_ids

    def get_perms_for_forumlist(self, forums, perm_codenames=None):
        perms = super().get_perms_for_forumlist(forums, perm_codenames)
        if self.closed_forum_ids:
            for forum in forums:
                if forum is not None and forum.id in self.closed_forum_ids:
                    perms[forum] = set()
        return perms


class PermissionHandler(MachinaPermissionHandler):
    def _closed_forum_ids(self):
        if not hasattr(self, "_hub_closed_forum_ids"):
            self._hub_closed_forum_ids = frozenset(
                RegionForum.objects.filter(closed=True).values_list("forum_id", flat=True)
            )
        return self._hub_closed_forum_ids

    def _get_checker(self, user):
        key = user.id if not user.is_anonymous else "anonymous"
        if key not in self._user_perm_checkers_cache:
            closed = self._closed_forum_ids()
            if closed and rules.has_perm("hub_forum.see_closed_forums", user):
                closed = frozenset()  # editors see, read and moderate closed forums
            self._user_perm_checkers_cache[key] = ClosedForumsChecker(user, closed)
        return self._user_perm_checkers_cache[key]
