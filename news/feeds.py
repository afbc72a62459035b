"""RSS 2.0 and Atom feeds of the news, for the whole network and per region (Django's syndication framework).

The feeds are served by routes of the NewsIndexPage (see ``NewsIndexPage``), which passes itself and, for a
regional feed, the region to the feed. Entry ids are tag URIs built from the page id, so they survive a
renamed title or slug.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

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
        if obj["region"] is not None:
            news = news.of_region(obj["region"])
        return news[:FEED_ITEMS]

    def item_title(self, item):
        # RSS readers render titles as HTML, so a title is HTML-escaped before the XML escaping (as Django's
        # default does); Atom titles are declared as plain text and need only the XML escaping.
        return escape(item.title)

    def item_description(self, item):
        return linebreaks(escape(item.intro))

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"tag:{_id_domain()},{TAG_DATE}:news-{item.pk}"

    def item_pubdate(self, item):
        # A news page's date is a day; its start in Europe/Berlin keeps the order of the day-based listing.
        return dt.datetime.combine(item.date, dt.time.min, tzinfo=BERLIN)

    def item_updateddate(self, item):
        published = self.item_pubdate(item)
        return max(published, item.last_published_at) if item.last_published_at else published

    def item_categories(self, item):
        return [field.label for field in item.fields_of_action.all()] + [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title
