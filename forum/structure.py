"""The forum tree: three categories and the forums the hub creates by itself. Every function is idempotent.

- "Handlungsfelder": one forum per FieldOfAction (created and renamed when the field is saved);
- "Regionen": one forum per published RegionPage (created on publish, renamed with the region, closed when
  the region is unpublished or deleted, reopened when it is published again);
- "Themen & Projekte": forums editors create in the Wagtail admin (forum/wagtail_hooks.py).
"""

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from machina.apps.forum.models import Forum

from forum import permissions
from forum.models import FieldForum, RegionForum
from home.models import FieldOfAction
from regions.models import RegionPage

FIELDS = "Handlungsfelder"
REGIONS = "Regionen"
PROJECTS = "Themen & Projekte"
CATEGORIES = {
    FIELDS: _("Discussions about the four fields of action of the social-ecological transformation."),
    REGIONS: _("A forum for every Mitmach-Region."),
    PROJECTS: _("Forums on particular topics and projects, set up by the editorial team."),
}
NAME_MAX = Forum._meta.get_field("name").max_length


def _name(text):
    text = str(text).strip()
    return text if len(text) <= NAME_MAX else text[: NAME_MAX - 1] + "…"


def category(name):
    """The top-level category ``name`` (one of FIELDS, REGIONS, PROJECTS), created if missing."""
    forum = Forum.objects.filter(parent=None, type=Forum.FORUM_CAT, name=name).first()
    if forum is None:
        forum = Forum.objects.create(name=name, type=Forum.FORUM_CAT, description=str(CATEGORIES[name]))
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


@transaction.atomic
def ensure_region_forum(region):
    """The forum of a published region: created, renamed to the region's title, reopened if closed."""
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

    Hiding is our permission handler's job (it reads ``RegionForum.closed``); no grants change.
    """
    link = RegionForum.objects.select_related("forum").filter(region=region).first()
    if link is None or link.closed:
        return None
    link.closed = True
    link.save(update_fields=["closed"])
    return link.forum


def region_forum(region):
    """The open forum of a region, or None."""
    link = RegionForum.objects.select_related("forum").filter(region=region, closed=False).first()
    return link.forum if link else None


def field_forum(field):
    link = FieldForum.objects.select_related("forum").filter(field=field).first()
    return link.forum if link else ensure_field_forum(field)[0]


def ensure_structure(log=None):
    """Everything: categories, global permissions, field forums, region forums (open or closed)."""
    log = log or (lambda message: None)
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
    for region in RegionPage.objects.live().order_by("title"):
        forum, created = ensure_region_forum(region)
        if not created:  # a new forum got its grant just now; an existing one is repaired
            permissions.grant_region_moderation(region, forum)
        message = gettext("Region created: %(name)s") if created else gettext("Region exists: %(name)s")
        log("  " + message % {"name": forum.name})
    stale = RegionForum.objects.filter(closed=False).exclude(region__live=True).select_related("region")
    for link in stale:
        if link.region is not None:
            close_region_forum(link.region)
        else:
            link.closed = True
            link.save(update_fields=["closed"])
        log("  " + gettext("Region closed: %(name)s") % {"name": link.forum.name})
