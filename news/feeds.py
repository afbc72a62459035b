"""RSS 2.0 and Atom feeds of the news, for the whole network and per region (Django's syndication framework).

The feeds are served by routes of the NewsIndexPage (see ``NewsIndexPage``), which passes itself and, for a
regional feed, the region to the feed. Entry ids are tag URIs built from the page id, so they survive a
renamed title or slug. A region's feed also carries the progress reports of the region's working groups
(``working_groups``), newest first among the news.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from working_groups.models import ProgressReport

BERLIN = ZoneInfo("Europe/Berlin")
FEED_ITEMS = 30
# The date in a tag URI says when the authority owned the name; it must never change once entries exist.
TAG_DATE = "2024"


def _id_domain():
    return settings.FEED_ID_DOMAIN


class NewsFeed(Feed):
    """The latest news as RSS 2.0; ``NewsAtomFeed`` is the same as Atom.

    Called as ``NewsFeed()(request, index=…, region=…)``; ``region`` is None for the network's feed.
    """

    feed_type = Rss201rev2Feed
    language = None  # the active one: the feeds under /en/ are English
    # Atom (RFC 4287) requires an author of the feed or of every entry: the hub's editors.
    author_name = settings.WAGTAIL_SITE_NAME
    item_guid_is_permalink = False

    def get_object(self, request, index, news, region=None):
        """``news``: the index's published news pages (the index passes them in; this module knows no models)."""
        self.request = request
        return {"index": index, "news": news, "region": region}

    def title(self, obj):
        if obj["region"] is not None:
            return _("%(index)s from %(region)s · %(site)s") % {
                "index": obj["index"].title,
                "region": obj["region"].title,
                "site": settings.WAGTAIL_SITE_NAME,
            }
        return f"{obj['index'].title} · {settings.WAGTAIL_SITE_NAME}"

    def link(self, obj):
        return (obj["region"] or obj["index"]).get_full_url(self.request)

    def description(self, obj):
        if obj["region"] is not None:
            return _("News from the Mitmach region %(region)s.") % {"region": obj["region"].title}
        return obj["index"].intro or _("News from the network of Mitmach regions.")

    subtitle = description  # Atom

    def feed_guid(self, obj):
        suffix = f"-region-{obj['region'].pk}" if obj["region"] is not None else ""
        return f"tag:{_id_domain()},{TAG_DATE}:news-feed{suffix}"

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def items(self, obj):
        news = (
            obj["news"]
            .defer_streamfields()
            .order_by("-date", "-pk")
            .prefetch_related("fields_of_action", "tags")
        )
        if obj["region"] is None:
            return news[:FEED_ITEMS]
        news = list(news.of_region(obj["region"])[:FEED_ITEMS])
        reports = (
            ProgressReport.objects.public()
            .filter(group__region__translation_key=obj["region"].translation_key)
            .select_related("group")[:FEED_ITEMS]
        )
        items = news + list(reports)
        # Newest day first; on one day, the news before the reports (as the lists were before reports came).
        items.sort(key=lambda item: (item.date, not _is_report(item)), reverse=True)
        return items[:FEED_ITEMS]

    def item_title(self, item):
        # RSS readers render titles as HTML, so a title is HTML-escaped before the XML escaping (as Django's
        # default does); Atom titles are declared as plain text and need only the XML escaping.
        return escape(self._title(item))

    def _title(self, item):
        if _is_report(item):
            return _("%(group)s: %(title)s") % {"group": item.group.label, "title": item.title}
        return item.title

    def item_description(self, item):
        return linebreaks(escape(item.text if _is_report(item) else item.intro))

    def item_link(self, item):
        if _is_report(item):
            return self.request.build_absolute_uri(item.get_absolute_url())
        return item.get_full_url(self.request)

    def item_guid(self, item):
        if _is_report(item):
            return f"tag:{_id_domain()},{TAG_DATE}:group-report-{item.pk}"
        return f"tag:{_id_domain()},{TAG_DATE}:news-{item.pk}"

    def item_pubdate(self, item):
        # A news page's date is a day; its start in Europe/Berlin keeps the order of the day-based listing.
        return dt.datetime.combine(item.date, dt.time.min, tzinfo=BERLIN)

    def item_updateddate(self, item):
        published = self.item_pubdate(item)
        changed = item.updated_at if _is_report(item) else item.last_published_at
        return max(published, changed) if changed else published

    def item_categories(self, item):
        if _is_report(item):
            return [item.group.label]
        return [field.label for field in item.fields_of_action.all()] + [tag.name for tag in item.tags.all()]


def _is_report(item):
    return isinstance(item, ProgressReport)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return self._title(item)
