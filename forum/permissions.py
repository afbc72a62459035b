"""Who may do what in the forums, written as machina forum permissions.

- everybody (anonymous and logged in) sees and reads the public forums (global user permissions);
- verified members (group MEMBERS) post, reply, edit their posts, create and vote in polls, attach and
  download files (global group permissions);
- editors (group EDITORS) have every permission everywhere (global group permissions);
- a region's team group moderates that region's forum and the forums of its working groups only (per-forum
  group permissions);
- a members-only working group's forum is hidden from everybody outside the group (our permission handler);
- a closed forum (its region unpublished or deleted) is hidden from everybody but editors: not by
  permission rows but by our permission handler (forum/machina/forum_permission/handler.py).

Machina caches permissions only on its ``PermissionHandler`` objects; the middleware makes one per request
and our code always builds a fresh one, so nothing outlives a request or a test.
"""

from django.db import transaction

from machina.apps.forum_permission.models import (
    ForumPermission,
    GroupForumPermission,
    UserForumPermission,
)
from machina.apps.forum_permission.receivers import create_permissions

from forum.machina.forum_permission.handler import PermissionHandler
from forum.models import RegionForum
from members.roles import ensure_groups
from regions.roles import team_group

READ = ["can_see_forum", "can_read_forum"]
MEMBER = [
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_delete_own_posts",
    "can_post_without_approval",
    "can_create_polls",
    "can_vote_in_polls",
    "can_attach_file",
    "can_download_file",
]
MODERATE = [
    "can_edit_posts",
    "can_delete_posts",
    "can_lock_topics",
    "can_move_topics",
    "can_approve_posts",
    "can_reply_to_locked_topics",
    "can_post_announcements",
    "can_post_stickies",
]


def _permissions(codenames):
    perms = {p.codename: p for p in ForumPermission.objects.filter(codename__in=codenames)}
    if len(perms) < len(codenames):  # a database flushed after migrate: machina's rows are gone
        create_permissions()
        perms = {p.codename: p for p in ForumPermission.objects.filter(codename__in=codenames)}
    return [perms[c] for c in codenames]


def _set_user_perm(forum, codenames, granted, **who):
    for permission in _permissions(codenames):
        UserForumPermission.objects.update_or_create(
            forum=forum, permission=permission, user=None, **who, defaults={"has_perm": granted}
        )


def _set_group_perm(forum, group, codenames, granted):
    for permission in _permissions(codenames):
        GroupForumPermission.objects.update_or_create(
            forum=forum, group=group, permission=permission, defaults={"has_perm": granted}
        )


@transaction.atomic
def ensure_global_permissions():
    """The global grants (forum=None) for everybody, members and editors. Idempotent."""
    members, editors = ensure_groups()
    _set_user_perm(None, READ, True, anonymous_user=True, authenticated_user=False)
    _set_user_perm(None, READ, True, anonymous_user=False, authenticated_user=True)
    _set_group_perm(None, members, MEMBER, True)
    _set_group_perm(None, editors, READ + MEMBER + MODERATE, True)


@transaction.atomic
def grant_region_moderation(region, forum=None):
    """Give the region's team group moderation rights on the region's forum (and on no other)."""
    if forum is None:
        forum = RegionForum.objects.select_related("forum").get(region=region).forum
    grant_team_moderation(region, forum)


def grant_team_moderation(region, forum):
    """Give the region's team group moderation rights on ``forum`` (its region's, or a group's of the region)."""
    _set_group_perm(forum, team_group(region), READ + MEMBER + MODERATE, True)


def revoke_other_teams(forum, region):
    """Take ``forum``'s per-forum rows from every region's team but ``region``'s (None: from every team)."""
    rows = GroupForumPermission.objects.filter(forum=forum, group__region_team__isnull=False)
    if region is not None:
        rows = rows.exclude(group=team_group(region))
    rows.delete()


def handler():
    """A fresh permission handler (ours, hiding closed forums): its caches live as long as the caller's
    request or task."""
    return PermissionHandler()
