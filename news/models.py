"""News from the network and the regions, with RSS and Atom feeds (routes of the NewsIndexPage)."""

from django import forms
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from common.pagination import paginate
from home.blocks import BaseStreamBlock
from home.models import PublicPageManager, PublicPageQuerySet, RoutedPageMixin
from news.feeds import NewsAtomFeed, NewsFeed
from regions.admin_forms import RegionScopedPageForm
from regions.models import RegionPage


class NewsPageQuerySet(PublicPageQuerySet):
    def of_region(self, region):
        """The news tagged with ``region`` or with its page in another language: an English news item (an
        alias) keeps the German region pages of its original."""
        tagged = NewsPage.regions.through.objects.filter(regionpage__translation_key=region.translation_key)
        return self.filter(pk__in=tagged.values("newspage_id"))

    def for_listing(self):
        """Newest first, with everything a news card shows in a fixed number of queries."""
        return self.for_cards().prefetch_related("fields_of_action", "tags")

    def for_cards(self):
        """``for_listing`` without the fields of action and tags, for pages that attach them to cards of several
        kinds in one query (``home.taxonomy.attach_taxonomy``)."""
        return self.order_by("-date", "-pk").select_related("image").prefetch_related("image__renditions")


class NewsIndexPage(RoutedPageMixin, RoutablePageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True, max_length=800)

    objects = PublicPageManager()

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("News index")
        verbose_name_plural = _("News indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # All news of the network in this page's language, including those published under a region's page.
        context["news_items"] = paginate(request, self.public_news().for_listing(), per_page=12)
        context["feed_links"] = self.feed_links(request)
        return context

    def feed_links(self, request, region=None):
        """``{"rss": …, "atom": …}``: the addresses of the network's feeds or, with ``region``, a region's."""
        base = self.get_url(request)
        if not base:
            return None
        if region is None:
            return {kind: base + self.reverse_subpage(f"feed_{kind}") for kind in ("rss", "atom")}
        return {
            kind: base + self.reverse_subpage(f"region_feed_{kind}", kwargs={"slug": region.slug})
            for kind in ("rss", "atom")
        }

    def public_news(self):
        """The live, public news of this index's language: the English index lists the English tree."""
        return NewsPage.objects.live().public().filter(locale_id=self.locale_id)

    def _feed(self, request, feed_class, region_slug=None):
        region = None
        if region_slug is not None:
            region = get_object_or_404(
                RegionPage.objects.live().public().filter(locale_id=self.locale_id), slug=region_slug
            )
        return feed_class()(request, index=self, news=self.public_news(), region=region)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return self._feed(request, NewsFeed)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return self._feed(request, NewsAtomFeed)

    @path("region/<str:slug>/rss/", name="region_feed_rss")
    def region_feed_rss(self, request, slug):
        return self._feed(request, NewsFeed, region_slug=slug)

    @path("region/<str:slug>/atom/", name="region_feed_atom")
    def region_feed_atom(self, request, slug):
        return self._feed(request, NewsAtomFeed, region_slug=slug)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(RoutedPageMixin, Page):
    date = models.DateField(_("Date"), default=timezone.localdate)
    intro = models.TextField(_("Introduction"), max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Content"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    regions = ParentalManyToManyField(
        "regions.RegionPage", verbose_name=_("Regions"), blank=True, related_name="news"
    )
    fields_of_action = ParentalManyToManyField(
        "home.FieldOfAction", verbose_name=_("Fields of action"), blank=True, related_name="news"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("Tags"))

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # Writable ones follow the admin form's rules (RegionScopedPageForm): a moderator's token may only tag news
    # with their own regions. ``regions`` is written as a list of ids (common/api_write_schemas.py).
    api_fields = [
        APIField("date", writable=True),
        APIField("intro", writable=True),
        APIField("image"),
        APIField("body", writable=True),
        APIField("regions", writable=True),
        APIField("fields_of_action"),
        APIField("tags"),
    ]

    # Moderators may tag news only with their own regions (the region page lists news by this field).
    base_form_class = RegionScopedPageForm
    parent_page_types = ["news.NewsIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("News item")
        verbose_name_plural = _("News items")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = self.local_regions()
        return context

    def local_regions(self):
        """The tagged regions as pages of this news item's language: an English alias keeps the German region
        pages it was copied with; their English pages (live ones) take their place. One query."""
        keys = self.regions.values("translation_key")
        local = RegionPage.objects.live().public().filter(translation_key__in=keys)
        by_key = {}
        for region in local.order_by("path"):
            if region.locale_id == self.locale_id or region.translation_key not in by_key:
                by_key[region.translation_key] = region
        return list(by_key.values())
