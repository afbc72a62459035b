"""Home and content pages, site settings, and the taxonomy every other app shares."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from rest_framework import serializers

from common.language import locale_id
from common.points import parse_point, validate_point
from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from home.sections import HOME_PAGE_SECTIONS, page_sections

hex_colour = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Enter a colour in the format #RRGGBB."))


class LocatedMixin(models.Model):
    """A point stored the way wagtail-geo-widget edits it: ``SRID=4326;POINT(lng lat)``."""

    address = models.CharField(_("Address or place"), max_length=250, blank=True)
    location = models.CharField(
        _("Position on the map"), max_length=250, blank=True, validators=[validate_point]
    )

    class Meta:
        abstract = True

    @property
    def coordinates(self):
        """``{"lat": …, "lng": …}`` as floats, or None when no valid position is set."""
        point = parse_point(self.location)
        return {"lat": point[0], "lng": point[1]} if point else None


def point(lat, lng):
    """The stored form of a position, as wagtail-geo-widget writes it."""
    return f"SRID=4326;POINT({lng} {lat})"


class Level(models.TextChoices):
    """Ordered levels for effort (Aufwand) and impact (Wirkung)."""

    LOW = "low", pgettext_lazy("level", "low")
    MEDIUM = "medium", pgettext_lazy("level", "medium")
    HIGH = "high", pgettext_lazy("level", "high")

    @classmethod
    def rank(cls, value):
        return [choice.value for choice in cls].index(value)


def in_english():
    """Whether the active language is English (the taxonomy's other language); German otherwise."""
    return (get_language() or "").startswith("en")


class LocalizedText(serializers.CharField):
    """An API field that reads a property in the active language (the request's, set by LocaleMiddleware).

    Typed, so the OpenAPI schema says "string" where a plain property would say nothing.
    """

    def to_representation(self, value) -> str:
        return str(value)


class TwoLanguageName:
    """A German ``name`` and an optional ``name_en`` editors fill in: shown in the active language, German where
    no English name is set."""

    def __str__(self):
        return self.label

    @property
    def label_en(self):
        return self.name_en or self.name

    @property
    def label(self):
        """The name in the active language."""
        return self.label_en if in_english() else self.name


class FieldOfAction(TwoLanguageName, models.Model):
    """A Handlungsfeld. Editors may rename, recolour or add fields; the four originals come first.

    One row for both languages: ``name`` is the German name, ``name_en`` the English one (empty: the German
    name is shown on English pages too). ``label`` and ``str()`` give the name in the active language.
    """

    name = models.CharField(_("Name (German)"), max_length=80, unique=True)
    name_en = models.CharField(
        _("Name (English)"),
        max_length=80,
        blank=True,
        help_text=_("Shown on the English pages. If empty, they show the German name."),
    )
    slug = models.SlugField(_("Short name (URL)"), max_length=80, unique=True)
    colour = models.CharField(
        _("Colour"), max_length=7, validators=[hex_colour], help_text=_("For example #4C8C2B.")
    )
    description = models.TextField(_("Short description (German)"), blank=True, max_length=500)
    description_en = models.TextField(_("Short description (English)"), blank=True, max_length=500)
    order = models.PositiveSmallIntegerField(_("Order"), default=0)

    api_fields = [
        APIField("slug"),
        # In the request's language (Accept-Language, /en/ or the locale parameter); both stored names beside it.
        APIField("name", serializer=LocalizedText(source="label")),
        APIField("name_de", serializer=LocalizedText(source="name")),
        APIField("name_en", serializer=LocalizedText(source="label_en")),
        APIField("colour"),
        APIField("description", serializer=LocalizedText(source="localized_description")),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("colour"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("order"),
    ]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("Field of action")
        verbose_name_plural = _("Fields of action")

    @property
    def localized_description(self):
        return (self.description_en or self.description) if in_english() else self.description


class SDG(models.Model):
    """One of the 17 UN Sustainable Development Goals: fixed data, loaded by a migration."""

    number = models.PositiveSmallIntegerField(
        pgettext_lazy("SDG", "Number"),
        primary_key=True,
        validators=[MinValueValidator(1), MaxValueValidator(17)],
    )
    title_de = models.CharField(_("Title (German)"), max_length=120)
    title_en = models.CharField(_("Title (English)"), max_length=120)
    colour = models.CharField(_("Colour"), max_length=7, validators=[hex_colour])

    api_fields = [
        APIField("number"),
        APIField("title", serializer=LocalizedText()),
        APIField("title_de"),
        APIField("title_en"),
        APIField("colour"),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("Sustainable development goal (SDG)")
        verbose_name_plural = _("Sustainable development goals (SDGs)")

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def title(self):
        """The title in the active language (German unless the visitor chose English)."""
        return self.title_en if in_english() else self.title_de


class Resource(TwoLanguageName, models.Model):
    """A resource an action needs, from a fixed vocabulary loaded by a migration (German and English)."""

    slug = models.SlugField(_("Short name"), max_length=30, unique=True)
    name = models.CharField(_("Name (German)"), max_length=60)
    name_en = models.CharField(_("Name (English)"), max_length=60, blank=True)
    order = models.PositiveSmallIntegerField(_("Order"), default=0)

    api_fields = [
        APIField("slug"),
        APIField("name", serializer=LocalizedText(source="label")),
        APIField("name_de", serializer=LocalizedText(source="name")),
        APIField("name_en", serializer=LocalizedText(source="label_en")),
    ]

    class Meta:
        ordering = ["order"]
        verbose_name = _("Resource")
        verbose_name_plural = _("Resources")


class AbstractMaterial(Orderable):
    """A downloadable document attached to a page (subclasses add the ParentalKey)."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("Title"),
        max_length=160,
        blank=True,
        help_text=_("Leave empty for the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [APIField("document"), APIField("label")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("Material")
        verbose_name_plural = _("Materials")

    @property
    def label(self):
        return self.title or self.document.title


class PublicPageQuerySet(PageQuerySet):
    def private_q(self):
        """Pages in a private section, as a subquery: Wagtail loads every view restriction first, a query per use."""
        restrictions = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
        return Q(Exists(restrictions))


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)


class RoutedPageMixin:
    """A page that knows from ``HomePage.route`` whether a view restriction applies to it.

    The route loads the pages along the path with a flag for restrictions; Wagtail's check of the served page
    asks the database again (its ancestors, then their restrictions).
    """

    def get_view_restrictions(self):
        if getattr(self, "routed_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _routes_on_its_own(page, remaining):
    """Whether ``page`` (a generic row of the path) takes ``remaining`` itself instead of passing it to a child."""
    cls = page.specific_class
    if cls is None or cls.route is Page.route:
        return False
    if cls.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            cls.get_resolver().resolve("/" + "".join(f"{component}/" for component in remaining))
        except Resolver404:
            return False
    return True


class HomePage(RoutedPageMixin, Page):
    hero_title = models.CharField(_("Title in the header"), max_length=120)
    hero_text = models.TextField(_("Text in the header"), blank=True, max_length=400)
    hero_cta_label = models.CharField(_("Button label"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Button target"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("Introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Content"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Header"),
        ),
        FieldPanel("intro"),
        InlinePanel("featured_actions", label=_("Featured actions"), max_num=6),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_cta_label"),
        APIField("hero_cta_page"),
        APIField("intro"),
        APIField("featured_actions"),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "regions.RegionIndexPage",
        "actions.ActionIndexPage",
        "events.EventIndexPage",
        "news.NewsIndexPage",
        "region_applications.RegionApplicationPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")

    @property
    def localized(self):
        """The home page in the active language. The site's home page in the shared cache carries its
        translations (``home.site_cache``); any other instance asks the database as Wagtail does."""
        translations = getattr(self, "cached_translations", None)
        if translations is None:
            return super().localized
        return translations.get(locale_id(), self)

    def route(self, request, path_components):
        """Route along the whole path with one query for its pages, where Wagtail asks two per level.

        A page on the way that routes on its own (``RoutablePageMixin`` routes or its own ``route``) decides
        for the rest of the path, as in Wagtail's walk. The served page gets its ancestors (for the breadcrumbs
        and ``get_parent``) and whether a view restriction applies to it or above it.
        """
        steplen = self.steplen
        tree_paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        url_paths = [
            self.url_path + "".join(f"{c}/" for c in path_components[: i + 1])
            for i in range(len(path_components))
        ]
        restricted = PageViewRestriction.objects.filter(
            Q(page_id=OuterRef("pk")) | Q(page_id=OuterRef("alias_of_id"))
        )
        chain = list(
            Page.objects.filter(
                Q(path__in=tree_paths) | Q(url_path__in=url_paths, path__startswith=self.path)
            )
            .annotate(restricted=Exists(restricted))
            .order_by("depth")
        )
        by_url_path = {page.url_path: page for page in chain if page.depth > self.depth}
        current = self
        for position, url_path in enumerate(url_paths):
            if current is not self and _routes_on_its_own(current, path_components[position:]):
                return self._routed(current.specific.route(request, path_components[position:]), chain)
            child = by_url_path.get(url_path)
            if child is None:
                raise Http404
            current = child
        if current is self:
            return self._routed(super().route(request, path_components), chain)
        return self._routed(current.specific.route(request, []), chain)

    @staticmethod
    def _routed(result, chain):
        page = result[0]
        if any(row.pk == page.pk for row in chain):
            ancestors = [row for row in chain if row.depth < page.depth]
            page.routed_ancestors = ancestors
            page.routed_unrestricted = not any(row.restricted for row in chain if row.depth <= page.depth)
            if ancestors:
                page._cached_parent_obj = ancestors[-1]
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_sections(HOME_PAGE_SECTIONS, self, request))
        return context

    def hero_cta(self):
        """The button's target in this page's language: the English home page (an alias of the German one)
        points to the German page; its English counterpart, where live, replaces it (a query only then)."""
        target = self.hero_cta_page
        if target is None or target.locale_id == self.locale_id:
            return target
        local = Page.objects.live().filter(translation_key=target.translation_key, locale_id=self.locale_id)
        return local.first() or target


class HomePageFeaturedAction(Orderable):
    page = ParentalKey(HomePage, related_name="featured_actions", on_delete=models.CASCADE)
    action = models.ForeignKey(
        "actions.ActionPage", verbose_name=_("Action"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("action")]
    api_fields = [APIField("action")]

    class Meta(Orderable.Meta):
        verbose_name = _("Featured action")
        verbose_name_plural = _("Featured actions")


class ContentPage(RoutedPageMixin, Page):
    """Handbook chapters, the online course, programme and about pages: ordered, nestable content."""

    intro = models.TextField(_("Introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Content"), blank=True)

    objects = PublicPageManager()

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage", "regions.RegionPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("Content page")
        verbose_name_plural = _("Content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Chapters of a handbook or course: the child pages in their tree order.
        context["chapters"] = ContentPage.objects.child_of(self).live().public().defer_streamfields()
        # Previous/next only between chapters, i.e. content pages under a content page.
        if issubclass(self.get_parent().specific_class, ContentPage):
            # One query for both neighbours: chapters of one handbook are few.
            siblings = ContentPage.objects.sibling_of(self, inclusive=False).live().public().order_by("path")
            chapters = list(siblings.only("title", "url_path", "path"))
            context["previous_page"] = next((c for c in reversed(chapters) if c.path < self.path), None)
            context["next_page"] = next((c for c in chapters if c.path > self.path), None)
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer and contact details editors change without a deploy."""

    tagline = models.CharField(_("Tagline"), max_length=160, blank=True)
    contact_email = models.EmailField(_("Contact email"), blank=True)
    footer_text = models.TextField(_("Footer text"), blank=True, max_length=500)
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Legal notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Site settings")
