"""Page permissions of an event of several regions: the moderators of each of its regions may edit it.

Wagtail grants page permissions on a subtree (``GroupPagePermission``); a region's team holds its rights on the
region page (``regions.roles``), so it covers the events that live below it. An event of several regions lives
below one of them (or below the event index), so the other teams' rights must reach it another way.

Wagtail asks two things, and both are extended for events only:

- ``Page.permissions_for_user``, which page types may override, gives the ``PagePermissionTester`` that the
  admin's edit, publish, lock and revision views, the page's action menu, the explorer's row actions and the
  userbar ask. ``EventPage`` returns ``RegionsPermissionTester``.
- The permission policy that Wagtail's actions (``EditPageAction`` behind the API's writes) ask with
  ``user_has_permission_for_instance``: ``EventPermissionPolicy``, registered for ``EventPage`` in
  ``EventsConfig.ready()`` with ``wagtail.permissions.register_permission_policy`` (Wagtail's registry of
  policies per model).

Both count an event as part of the subtree of each region it is tagged with: a user gets the actions they hold
on any of those region pages, but only to change and publish it (``SHARED_ACTIONS``). Everything else stays with
whoever holds rights where the page lives: deleting or moving the event (it would leave every region),
unpublishing it, making it private, unscheduling a revision, locking it, and copying it (a copy keeps the regions,
so a copy published by another team would be a live event of your region that your team never saw).

The tagging counted is the saved one (what is live, or the page itself while it is not live), never a draft's: a
draft cannot hand out rights before someone allowed to publish it has done so.

Who may *tag* an event with a region is ``hub_events.forms.EventPageForm``'s call (a moderator only their own
regions, and they keep the regions of other teams: ``RegionScopedPageForm.keeps_other_regions``).
"""

from contextlib import contextmanager

from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

# What the rights on a region give on its events elsewhere in the tree: change and publish, nothing more.
SHARED_ACTIONS = frozenset({"change", "publish"})


def saved_region_paths(page):
    """The tree paths of the region pages ``page`` is saved with: one query, then kept on the instance (the
    admin's explorer asks a row's page for its permissions many times)."""
    if not hasattr(page, "_saved_region_paths"):
        page._saved_region_paths = list(
            Page.objects.filter(pk__in=page.saved_region_ids()).values_list("path", flat=True)
        )
    return page._saved_region_paths


def region_actions(policy, user, page, own=frozenset()):
    """The actions (``"change"``, ``"publish"``) ``user`` holds on any region page ``page`` is saved with.
    ``own`` are the user's rights on the page where it lives: when they hold every shared action already, no
    query is made (a team in its own region's listing). Else one query per page instance (the region pages'
    paths); the user's permissions are the policy's cached ones."""
    if not user.is_active or user.is_superuser or page.pk is None or own >= SHARED_ACTIONS:
        return set()
    paths = saved_region_paths(page)
    if not paths:
        return set()
    actions = {
        perm.permission.codename.rsplit("_", maxsplit=1)[0]
        for perm in policy.get_cached_permissions_for_user(user)
        if any(path.startswith(perm.page.path) for path in paths)
    }
    return actions & SHARED_ACTIONS


class RegionsPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.own_permissions = getattr(self, "permissions", set())
        if user.is_active and not user.is_superuser:
            shared = region_actions(self.permission_policy, user, page, own=self.own_permissions)
            self.permissions = self.own_permissions | shared

    @contextmanager
    def _own_rights_only(self):
        if not hasattr(self, "permissions"):  # Wagtail keeps none for superusers and inactive users
            yield
            return
        shared, self.permissions = self.permissions, self.own_permissions
        try:
            yield
        finally:
            self.permissions = shared

    def can_delete(self, ignore_bulk=False):
        with self._own_rights_only():
            return super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        with self._own_rights_only():
            return super().can_move()

    def can_copy(self):
        with self._own_rights_only():
            return super().can_copy()

    def can_copy_to(self, destination, recursive=False):
        with self._own_rights_only():
            return super().can_copy_to(destination, recursive=recursive)

    def can_unpublish(self):
        with self._own_rights_only():
            return super().can_unpublish()

    def can_set_view_restrictions(self):
        with self._own_rights_only():
            return super().can_set_view_restrictions()

    def can_unschedule(self):
        with self._own_rights_only():
            return super().can_unschedule()

    def can_move_to(self, destination):
        with self._own_rights_only():
            return super().can_move_to(destination)


class EventPermissionPolicy(PagePermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        if super().user_has_any_permission_for_instance(user, actions, instance):
            return True
        return bool(set(actions) & region_actions(self, user, instance))
