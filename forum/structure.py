"""The forum tree: three categories and the forums the hub creates by itself. Every function is idempotent.

- "Handlungsfelder": one forum per FieldOfAction (created and renamed when the field is saved);
- "Regionen": one forum per published RegionPage (created on publish, renamed with the region, closed when
  the region is unpublished or deleted, reopened when it is published again);
- "Themen & Projekte": forums editors create in the Wagtail admin (forum/wagtail_hooks.py);
- "Arbeitsgruppen": one forum per working group that wants one (created and renamed when the group is saved,
  closed when the group is deactivated, gives up its forum or is deleted; members-only forums are hidden by our
  permission handler from everyone outside the group).

One forum per region in both languages: the forum belongs to the German RegionPage. The English page of a
region (an alias or a translation) finds it by ``translation_key`` and never gets one of its own; publishing,
unpublishing or deleting an English page leaves the forum alone. The categories' names and descriptions are
written in German, the network's language (``settings.LANGUAGE_CODE``), whatever language the request that
happens to create them is in; posts stay as written.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from machina.apps.forum.models import Forum

from forum import permissions
from forum.models import FieldForum, GroupForum, RegionForum
from home.models import FieldOfAction
from regions.models import RegionPage, network_locale_id
from working_groups.models import ForumAccess, WorkingGroup

FIELDS = "Handlungsfelder"
REGIONS = "Regionen"
PROJECTS = "Themen & Projekte"
GROUPS = "Arbeitsgruppen"
CATEGORIES = {
    FIELDS: _("Discussions about the four fields of action of the social-ecological transformation."),
    REGIONS: _("A forum for every Mitmach-Region."),
    PROJECTS: _("Forums on particular topics and projects, set up by the editorial team."),
    GROUPS: _("The forums of the working groups and initiative circles."),
}
NAME_MAX = Forum._meta.get_field("name").max_length


def _name(text):
    text = str(text).strip()
    return text if len(text) <= NAME_MAX else text[: NAME_MAX - 1] + "…"


def category(name):
    """The top-level category ``name`` (one of FIELDS, REGIONS, PROJECTS), created if missing."""
    forum = Forum.objects.filter(parent=None, type=Forum.FORUM_CAT, name=name).first()
    if forum is None:
        with translation.override(settings.LANGUAGE_CODE):
            description = str(CATEGORIES[name])
        forum = Forum.objects.create(name=name, type=Forum.FORUM_CAT, description=description)
        # The first forum of a fresh database: without the global grants nobody could read it.
        permissions.ensure_global_permissions()
    return forum


def _sync(forum, name, description=None):
    changed = forum.name != name
    forum.name = name
    if description is not None and (forum.description.raw or "") != description:
        forum.description = description
        changed = True
    if changed:
        forum.save()
    return changed


@transaction.atomic
def ensure_field_forum(field):
    """The forum of a field of action; renamed when the field's name or description changed."""
    link = FieldForum.objects.select_related("forum").filter(field=field).first()
    if link is None:
        forum = Forum.objects.create(
            parent=category(FIELDS),
            type=Forum.FORUM_POST,
            name=_name(field.name),
            description=field.description,
        )
        FieldForum.objects.create(field=field, forum=forum)
        return forum, True
    _sync(link.forum, _name(field.name), field.description)
    return link.forum, False


def is_network_page(region):
    """A German region page: the one a region's forum belongs to."""
    return region.locale_id == network_locale_id()


@transaction.atomic
def ensure_region_forum(region):
    """The forum of a published region: created, renamed to the region's title, reopened if closed.

    For the English page of a region: the German page's forum as it is (None when there is none)."""
    if not is_network_page(region):
        return region_forum(region), False
    link = RegionForum.objects.select_related("forum").filter(region=region).first()
    if link is None:
        forum = Forum.objects.create(
            parent=category(REGIONS),
            type=Forum.FORUM_POST,
            name=_name(region.title),
            description=region.summary,
        )
        link = RegionForum.objects.create(region=region, forum=forum)
        permissions.grant_region_moderation(region, forum)
        return forum, True
    _sync(link.forum, _name(region.title))
    if link.closed:
        link.closed = False
        link.save(update_fields=["closed"])
        permissions.grant_region_moderation(region, link.forum)
    return link.forum, False


@transaction.atomic
def close_region_forum(region):
    """Hide the forum of an unpublished or deleted region (editors still see it; posts are kept).

    Hiding is our permission handler's job (it reads ``RegionForum.closed``); no grants change. An English
    page going away leaves the German page's forum open.
    """
    if not is_network_page(region):
        return None
    link = RegionForum.objects.select_related("forum").filter(region=region).first()
    if link is None or link.closed:
        return None
    link.closed = True
    link.save(update_fields=["closed"])
    return link.forum


def wants_forum(group):
    return group.active and group.forum_access != ForumAccess.NONE


def _new_group_forum(group):
    forum = Forum.objects.create(
        parent=category(GROUPS),
        type=Forum.FORUM_POST,
        name=_name(group.name),
        description=group.description,
    )
    return GroupForum.objects.create(group=group, forum=forum)


@transaction.atomic
def sync_group_forum(group):
    """The forum of a working group as the group wants it: created, renamed, reopened, or closed (posts kept).

    A forum that was ever members-only is never made public: a group switching to a public forum gets a new one,
    and the old one is archived (closed and detached from the group: only editors still read it). The team of the
    group's region moderates the forum, and no other team. Returns the open forum, or None."""
    link = GroupForum.objects.select_related("forum").filter(group=group).first()
    if not wants_forum(group):
        if link is not None and not link.closed:
            link.closed = True
            link.save(update_fields=["closed"])
        return None
    if link is not None and link.members_only and group.forum_access == ForumAccess.PUBLIC:
        link.group, link.closed = None, True
        link.save(update_fields=["group", "closed"])
        link = None
    if link is None:
        link = _new_group_forum(group)
    else:
        _sync(link.forum, _name(group.name), group.description)
        if link.closed:
            link.closed = False
            link.save(update_fields=["closed"])
    if group.forum_access == ForumAccess.MEMBERS and not link.members_only:
        link.members_only = True
        link.save(update_fields=["members_only"])
    region = group.region if group.region_id else None
    permissions.revoke_other_teams(link.forum, region)
    if region is not None:
        permissions.grant_team_moderation(region, link.forum)
    return link.forum


@transaction.atomic
def close_group_forum(group):
    GroupForum.objects.filter(group=group, closed=False).update(closed=True)


def group_forum(group):
    """The open forum of a group, or None."""
    link = GroupForum.objects.select_related("forum").filter(group=group, closed=False).first()
    return link.forum if link else None


def region_forum(region):
    """The open forum of a region (its German or its English page), or None."""
    link = (
        RegionForum.objects.select_related("forum")
        .filter(
            region__translation_key=region.translation_key,
            region__locale_id=network_locale_id(),
            closed=False,
        )
        .first()
    )
    return link.forum if link else None


def field_forum(field):
    link = FieldForum.objects.select_related("forum").filter(field=field).first()
    return link.forum if link else ensure_field_forum(field)[0]


def ensure_structure(log=None):
    """Everything: categories, global permissions, field forums, region forums (open or closed)."""
    log = log or (lambda message: None)
    # "Arbeitsgruppen" comes with the first group that wants a forum: no empty category before.
    for name in (FIELDS, REGIONS, PROJECTS):
        category(name)
    log(gettext("Categories: %(names)s") % {"names": f"{FIELDS}, {REGIONS}, {PROJECTS}"})
    permissions.ensure_global_permissions()
    log(gettext("Permissions set for guests, members and editors"))
    for field in FieldOfAction.objects.all():
        forum, created = ensure_field_forum(field)
        message = (
            gettext("Field of action created: %(name)s")
            if created
            else gettext("Field of action exists: %(name)s")
        )
        log("  " + message % {"name": forum.name})
    for region in RegionPage.objects.live().filter(locale_id=network_locale_id()).order_by("title"):
        forum, created = ensure_region_forum(region)
        if not created:  # a new forum got its grant just now; an existing one is repaired
            permissions.grant_region_moderation(region, forum)
        message = gettext("Region created: %(name)s") if created else gettext("Region exists: %(name)s")
        log("  " + message % {"name": forum.name})
    # Closed too: a forum an English page got before forums belonged to the German pages only.
    stale = (
        RegionForum.objects.filter(closed=False)
        .exclude(region__live=True, region__locale_id=network_locale_id())
        .select_related("region")
    )
    for link in stale:
        if link.region is not None and is_network_page(link.region):
            close_region_forum(link.region)
        else:
            link.closed = True
            link.save(update_fields=["closed"])
        log("  " + gettext("Region closed: %(name)s") % {"name": link.forum.name})
    for group in WorkingGroup.objects.select_related("region").order_by("name"):
        sync_group_forum(group)
    GroupForum.objects.filter(group=None, closed=False).update(closed=True)
