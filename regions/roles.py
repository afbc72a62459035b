"""Region teams → permissions. Being in a RegionPage's team makes a user that region's moderator.

Each RegionPage has one permission group (``team_group``), linked through ``RegionTeam``. Its users are
exactly the users of the page's saved ``RegionModerator`` rows: the InlinePanel writes those rows when the
page is published (drafts live in revisions only), and the receivers in ``regions.signals`` resync the group
whenever a page or a row is saved or deleted. Leaving the team therefore removes the user from the group,
and with it every right below.

Only editors change a team (``regions.change_team`` in ``regions.rules``). The admin form hides the team
from everyone else, and the page model keeps the saved team whenever someone else saves a revision or
publishes one — so reverting to an older revision (in the admin or through the API's ``actions/revert``) cannot bring a removed person back.

The group holds:

- ``wagtailadmin.access_admin``;
- page permissions add, change, publish and lock on the region page, which Wagtail applies to its whole
  subtree (the region's events, news and content pages) — and which also makes the admin explorer start at
  the region for a moderator (``PagePermissionPolicy.explorable_root_instance``);
- choose and add on images and documents in the root collection (upload and pick pictures for their pages,
  but not edit or delete anyone else's).

Snippet permissions in Wagtail are per model, not per instance, so moderators get none: they approve their
region's initiatives on the front end (``regions.views``), where the list is scoped to their regions.

Whether someone *may* do something (moderate a region, change its team) is asked in ``regions.rules``;
this module manages the groups behind it.
"""

from django.contrib.auth.models import Group
from django.db import transaction

from members.roles import grant_page_permissions, grant_root_collection_permissions, permissions
from regions.models import RegionModerator, RegionPage, RegionTeam, network_locale_id

TEAM_PAGE_PERMISSIONS = ("add", "change", "publish", "lock")
TEAM_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add", "choose")),
    ("wagtaildocs", "document", ("add", "choose")),
)
GROUP_NAME_MAX_LENGTH = 150


def team_group_name(region):
    """A unique, readable group name: the page id keeps it unique, the title makes it readable."""
    prefix = f"Regionalmoderation #{region.pk}"
    return f"{prefix}: {region.title}"[:GROUP_NAME_MAX_LENGTH] if region.title else prefix


def team_group(region):
    """The permission group of a region's team, created on first use."""
    record = RegionTeam.objects.select_related("group").filter(region=region).first()
    if record:
        return record.group
    with transaction.atomic():
        group = Group.objects.create(name=team_group_name(region))
        RegionTeam.objects.create(region=region, group=group)
    return group


@transaction.atomic
def sync_region_team(region, create=True):
    """Make the region's group hold exactly its team and the team's rights; rename it after the title.

    The team is the German page's: for the English page of a region (an alias or a translation, which carry
    copies of the team rows) the German page's group is synced, and no group is made for the English page.
    The group's page rights cover the region's pages in every language, so a team can translate its region.

    With ``create=False`` nothing is created for a region without a group yet (used while rows are
    being deleted, e.g. in the cascade of a page deletion).
    """
    if region.locale_id != network_locale_id():
        german = region.network_region()
        if german.pk == region.pk:
            return None
        region = german
    if create:
        group = team_group(region)
    else:
        record = RegionTeam.objects.select_related("group").filter(region_id=region.pk).first()
        if record is None:
            return None
        group = record.group

    name = team_group_name(region)
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])

    group.permissions.add(*permissions(("wagtailadmin", "access_admin")))
    for page in RegionPage.objects.filter(translation_key=region.translation_key).order_by("pk"):
        grant_page_permissions(group, page, TEAM_PAGE_PERMISSIONS)
    grant_root_collection_permissions(group, TEAM_COLLECTION_PERMISSIONS)
    group.user_set.set(RegionModerator.objects.filter(region_id=region.pk).values_list("user_id", flat=True))
    return group


def sync_all_region_teams():
    """Resync every region's group (the ``members_sync_roles`` hook in ``regions.wagtail_hooks``)."""
    for region in RegionPage.objects.filter(locale_id=network_locale_id()):
        sync_region_team(region)
