"""The logged items as a member reads them: what is still public, where it belongs, its title and address.

``load`` reads the objects behind any number of ``Item`` rows with a fixed number of queries (one query, with
its prefetches, per kind); ``readable`` keeps what one member may see (a forum topic only in a forum they may
read); ``links`` gives titles and absolute addresses in the active language (the English page where there is
one, else the German), again with one query for all pages.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page

from machina.apps.forum_conversation.models import Topic

from common.links import absolute
from forum import permissions
from hub_events.models import EventPage
from news.models import NewsPage
from notifications.models import ItemKind
from regions.models import Initiative

# The order of the sections of a digest.
KINDS = [ItemKind.NEWS, ItemKind.EVENT, ItemKind.INITIATIVE, ItemKind.TOPIC]


@dataclass
class Entry:
    kind: str
    item_id: int
    obj: object
    region_ids: set = field(default_factory=set)
    field_ids: set = field(default_factory=set)
    forum: object = None
    title: str = ""
    url: str = ""
    when: object = None

    def concerns(self, region_ids, field_ids):
        return bool(self.region_ids & region_ids or self.field_ids & field_ids)


def _news(ids):
    pages = (
        NewsPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .defer_streamfields()
        .prefetch_related("regions", "fields_of_action")
    )
    return {
        page.pk: Entry(
            ItemKind.NEWS,
            0,
            page,
            {region.pk for region in page.regions.all()},
            {f.pk for f in page.fields_of_action.all()},
            when=page.date,
        )
        for page in pages
    }


def _events(ids):
    pages = (
        EventPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .defer_streamfields()
        .prefetch_related("regions", "fields_of_action")
    )
    return {
        page.pk: Entry(
            ItemKind.EVENT,
            0,
            page,
            # Every region of the event: a member of two of them still gets one item (readers are distinct).
            {region.pk for region in page.regions.all()},
            {f.pk for f in page.fields_of_action.all()},
            when=timezone.localtime(page.shown_date.start),
        )
        for page in pages
    }


def _initiatives(ids):
    initiatives = Initiative.objects.approved().filter(pk__in=ids).prefetch_related("fields_of_action")
    return {
        initiative.pk: Entry(
            ItemKind.INITIATIVE,
            0,
            initiative,
            {initiative.region_id} if initiative.region_id else set(),
            {f.pk for f in initiative.fields_of_action.all()},
        )
        for initiative in initiatives
    }


def _topics(ids):
    topics = Topic.objects.filter(pk__in=ids, approved=True).select_related(
        "forum", "forum__region_link", "forum__field_link"
    )
    entries = {}
    for topic in topics:
        region_link = getattr(topic.forum, "region_link", None)
        field_link = getattr(topic.forum, "field_link", None)
        entries[topic.pk] = Entry(
            ItemKind.TOPIC,
            0,
            topic,
            {region_link.region_id} if region_link and region_link.region_id else set(),
            {field_link.field_id} if field_link else set(),
            forum=topic.forum,
        )
    return entries


LOADERS = {
    ItemKind.NEWS: _news,
    ItemKind.EVENT: _events,
    ItemKind.INITIATIVE: _initiatives,
    ItemKind.TOPIC: _topics,
}


def load(items):
    """Entries for the ``items`` whose object is still public (published, approved), in the order given."""
    wanted = {}
    for item in items:
        wanted.setdefault(item.kind, []).append(item.object_id)
    found = {kind: LOADERS[kind](ids) for kind, ids in wanted.items()}
    entries = []
    for item in items:
        entry = found[item.kind].get(item.object_id)
        if entry is not None:
            entry.item_id = item.pk
            entries.append(entry)
    return entries


def readable(entries, user):
    """The entries ``user`` may see: forum topics only in forums they may read."""
    forums = {entry.forum.pk: entry.forum for entry in entries if entry.forum is not None}
    if forums:
        allowed = {
            forum.pk for forum in permissions.handler().get_readable_forums(list(forums.values()), user)
        }
    else:
        allowed = set()
    return [entry for entry in entries if entry.forum is None or entry.forum.pk in allowed]


def links(entries):
    """Set each entry's title and absolute address in the active language."""
    pages = [entry.obj for entry in entries if isinstance(entry.obj, Page)]
    locale = Locale.get_active() if pages else None
    others = [page.translation_key for page in pages if page.locale_id != locale.pk] if pages else []
    translated = {}
    if others:
        translated = {
            page.translation_key: page
            for page in Page.objects.live().public().filter(locale=locale, translation_key__in=others)
        }
    for entry in entries:
        obj = entry.obj
        if isinstance(obj, Page):
            page = translated.get(obj.translation_key, obj)
            entry.title, entry.url = page.title, absolute(page.get_url() or obj.get_url() or "")
        elif entry.kind == ItemKind.INITIATIVE:
            entry.title, entry.url = obj.name, absolute(obj.get_absolute_url())
        else:
            path = reverse(
                "forum_conversation:topic",
                kwargs={
                    "forum_slug": obj.forum.slug,
                    "forum_pk": obj.forum_id,
                    "slug": obj.slug,
                    "pk": obj.pk,
                },
            )
            entry.title, entry.url = obj.subject, absolute(path)
    return entries


def sections(entries):
    """``[(kind label, [entries])]`` in the digest's order, leaving out empty kinds."""
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry)
    return [(ItemKind(kind).label, by_kind[kind]) for kind in KINDS if kind in by_kind]
