"""Page permissions of an event of several regions: the moderators of each of its regions may edit it.

Wagtail grants page permissions on a subtree (``GroupPagePermission``); a region's team holds its rights on the
region page (``regions.roles``), so it covers the events that live below it. An event of several regions lives
below one of them (or below the event index), so the other teams' rights must reach it another way.

Wagtail asks every page for its ``PagePermissionTester`` through ``Page.permissions_for_user``, which page
types may override (it is documented for this); the admin's edit, publish, lock and revision views, the page's
action menu, the explorer's row actions, the userbar and the API's write endpoints all ask it. ``EventPage``
returns ``RegionsPermissionTester``: an event counts as part of the subtree of each region it is tagged with,
so a user gets the actions they hold on any of those region pages — a region's team: add, change, publish and
lock. The tagging counted is the saved one (what is live, or the page itself while it is not live), never a
draft: a draft cannot hand out rights before someone allowed to publish it has done so.

Who may *tag* an event with a region is ``regions.admin_forms.RegionScopedPageForm``'s call (a moderator only
their own regions, and they keep the regions of other teams).
"""

from wagtail.models import Page, PagePermissionTester


class RegionsPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not user.is_active or user.is_superuser or page.pk is None:
            return
        region_paths = list(
            Page.objects.filter(pk__in=page.saved_region_ids()).values_list("path", flat=True)
        )
        if not region_paths:
            return
        self.permissions = self.permissions | {
            perm.permission.codename.rsplit("_", maxsplit=1)[0]
            for perm in self.permission_policy.get_cached_permissions_for_user(user)
            if any(path.startswith(perm.page.path) for path in region_paths)
        }
