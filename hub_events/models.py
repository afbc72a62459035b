"""Webinars, live calls, office hours, conferences and Regionallabor modules, with their recordings.

The network's event index also serves the Videothek and the iCal feeds, each event its own ``.ics`` download
(routes of ``RoutablePageMixin``, whose logic lives in ``routes.py``; see docs/events.md). The kinds and formats
are in ``choices.py``, the iCal SEQUENCE's fingerprint in ``ical_sequence.py``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtailgeowidget import geocoders
from wagtailgeowidget.panels import GeoAddressPanel, LeafletPanel

from common.language import locale_id
from home.blocks import BaseStreamBlock
from home.models import (
    AbstractMaterial,
    LocatedMixin,
    PublicPageManager,
    PublicPageQuerySet,
    RoutedPageMixin,
)
from home.sections import EVENT_PAGE_SECTIONS, page_sections
from hub_events import routes
from hub_events.choices import EventFormat, EventKind
from hub_events.ical import event_response, subscription_links
from hub_events.ical_sequence import ICAL_TRACKED_FIELDS, next_sequence
from hub_events.occurrences import Occurrence
from regions.admin_forms import RegionScopedPageForm
from regions.models import RegionPage


class EventPageQuerySet(PublicPageQuerySet):
    def upcoming(self, now):
        return self.filter(end__gte=now).order_by("start")

    def past(self, now):
        return self.filter(end__lt=now).order_by("-start")

    def with_recording(self):
        return self.exclude(recording_url="")

    def for_listing(self):
        """Everything an event card shows, in a fixed number of queries (the bodies stay in the database)."""
        return self.defer_streamfields().select_related("region").prefetch_related("fields_of_action")

    def in_module_order(self):
        """A series' modules: by module number (events without one last), then by start."""
        return self.order_by(F("module_number").asc(nulls_last=True), "start", "pk")


class EventIndexPage(RoutedPageMixin, RoutablePageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True, max_length=800)
    is_series = models.BooleanField(
        _("Series"),
        default=False,
        help_text=_(
            "A series (such as the Regionallabor) shows only its own dates, in module order. "
            "Otherwise the page shows all events of the network."
        ),
    )

    objects = PublicPageManager()

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("is_series")]
    api_fields = [APIField("intro"), APIField("is_series")]
    parent_page_types = ["home.HomePage", "events.EventIndexPage"]
    subpage_types = ["events.EventPage", "events.EventIndexPage"]

    class Meta:
        verbose_name = _("Event index")
        verbose_name_plural = _("Event indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["series"] = EventIndexPage.objects.child_of(self).live().public().order_by("path")
        context["calendar_links"] = self.calendar_links(request)
        if self.is_series:
            context["modules"] = (
                EventPage.objects.live().public().child_of(self).for_listing().in_module_order()
            )
        return context

    @classmethod
    def network_index(cls, locale=None):
        """The index of the whole network (not a series) that serves the Videothek and the feeds, in the tree
        of ``locale`` (a Locale id; default: the active language's)."""
        return (
            cls.objects.live()
            .public()
            .filter(is_series=False, locale_id=locale or locale_id())
            .order_by("path")
            .first()
        )

    def route_url(self, request, name, **kwargs):
        """The address of one of this page's routes, or None where the page has no URL (outside any site)."""
        url = self.get_url(request)
        return url + self.reverse_subpage(name, kwargs=kwargs or None) if url else None

    def calendar_links(self, request):
        """The subscription links of this index: the network's events or, for a series, its modules."""
        path = self.route_url(request, "calendar")
        return subscription_links(request, path) if path else None

    def public_events(self):
        """Every live, public event of the network in this index's language (the English index lists the
        English tree); the routes narrow it (a series to its own modules)."""
        return EventPage.objects.live().public().filter(locale_id=self.locale_id)

    # The routes' logic lives in hub_events/routes.py.

    @path("", name="index")
    def index_route(self, request, *args, **kwargs):
        """The series' modules, or the network's upcoming (paginated) and past events with the filters."""
        return routes.index(self, request)

    @path("videothek/", name="videothek")
    def videothek(self, request):
        """Past events with a recording, newest first, with the index's filters."""
        return routes.videothek(self, request)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        """All upcoming events of the network (for a series: its upcoming modules) as iCalendar."""
        return routes.calendar(self, request)

    @path("kalender/region/<str:slug>/", name="calendar_region")
    def calendar_region(self, request, slug):
        """The upcoming events of one region as iCalendar; an unknown region is a 404."""
        return routes.calendar_region(self, request, slug)

    @path("kalender/handlungsfeld/<str:slug>/", name="calendar_field")
    def calendar_field(self, request, slug):
        """The upcoming events of one field of action as iCalendar; an unknown field is a 404."""
        return routes.calendar_field(self, request, slug)


class EventPage(RoutedPageMixin, RoutablePageMixin, LocatedMixin, Page):
    summary = models.TextField(_("Summary"), max_length=500)
    kind = models.CharField(_("Type"), max_length=20, choices=EventKind.choices, default=EventKind.WEBINAR)
    format = models.CharField(
        _("Format"), max_length=10, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    start = models.DateTimeField(_("Start"))
    end = models.DateTimeField(_("End"))
    module_number = models.PositiveSmallIntegerField(
        _("Module number"),
        null=True,
        blank=True,
        help_text=_("Only for the modules of a series, e.g. 0 to 6."),
    )
    venue = models.CharField(
        _("Venue"),
        max_length=250,
        blank=True,
        help_text=_("For events on site or hybrid ones."),
    )
    registration_url = models.URLField(_("Registration link"), blank=True)
    region = models.ForeignKey(
        "regions.RegionPage",
        verbose_name=_("Region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    fields_of_action = ParentalManyToManyField(
        "home.FieldOfAction", verbose_name=_("Fields of action"), blank=True, related_name="events"
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Content"), blank=True)
    recording_url = models.URLField(
        _("Recording"),
        blank=True,
        help_text=_("Address of the video after the event (video library)."),
    )
    # Kept by save(), never edited (not in the panels): the iCal SEQUENCE and what it was last counted for.
    ical_sequence = models.PositiveIntegerField(_("iCal sequence"), default=0, editable=False)
    ical_fingerprint = models.CharField(_("iCal checksum"), max_length=64, blank=True, editable=False)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("module_number"),
                FieldPanel("registration_url"),
            ],
            heading=pgettext_lazy("event", "Date"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                GeoAddressPanel("address", geocoder=geocoders.NOMINATIM),
                LeafletPanel("location", address_field="address"),
            ],
            heading=_("Place"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("speakers", label=_("Speakers")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("recording_url"), InlinePanel("materials", label=_("Materials"))],
            heading=_("After the event"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    # Writable ones follow the admin form's rules (RegionScopedPageForm): a moderator's token may only pick
    # their own regions. The iCal counters are never written from outside.
    api_fields = [
        APIField("summary", writable=True),
        APIField("kind", writable=True),
        APIField("format", writable=True),
        APIField("start", writable=True),
        APIField("end", writable=True),
        APIField("module_number", writable=True),
        APIField("venue", writable=True),
        APIField("address", writable=True),
        APIField("location", writable=True),
        APIField("coordinates"),
        APIField("registration_url", writable=True),
        APIField("region", writable=True),
        APIField("fields_of_action"),
        APIField("speakers"),
        APIField("body", writable=True),
        APIField("recording_url", writable=True),
        APIField("materials"),
    ]

    # Moderators may tag an event only with their own regions (the region page lists events by this field).
    base_form_class = RegionScopedPageForm
    parent_page_types = ["events.EventIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Event")
        verbose_name_plural = _("Events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end is before the start.")})
        if self.format in (EventFormat.LIVE, EventFormat.HYBRID) and not (self.venue or self.address):
            raise ValidationError({"venue": _("Please give a place for an event on site.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    def occurrences(self, after=None, limit=None):
        """The event's dates (``Occurrence``) that end at or after ``after`` (default: all), in order, at most
        ``limit``. A single event has one date."""
        dates = [Occurrence(self.start, self.end)]
        if after is not None:
            dates = [date for date in dates if date.end >= after]
        return dates[:limit]

    def occurrence_at(self, start):
        """The date that starts at ``start`` (an aware datetime), or None where the event has no such date."""
        return next((date for date in self.occurrences() if date.start == start), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["region"] = self.local_region()
        context["speakers"] = self.speakers.all()
        context["materials"] = self.materials.select_related("document")
        context["ical_url"] = self.ical_url(request)
        context.update(page_sections(EVENT_PAGE_SECTIONS, self, request))
        return context

    def local_region(self):
        """The region page in this event's language (an English alias keeps the German one), else the region."""
        region = self.region
        if region is None or region.locale_id == self.locale_id:
            return region
        local = RegionPage.objects.live().public().filter(translation_key=region.translation_key)
        return local.filter(locale_id=self.locale_id).first() or region

    def ical_url(self, request=None):
        """The address of this event's ``.ics`` download (relative on a single site)."""
        url = self.get_url(request)
        return url + self.reverse_subpage("ical") if url else None

    @path("kalender/", name="ical")
    def ical(self, request):
        """This event as an ``.ics`` file to add to a calendar."""
        return event_response(request, self)

    def save(self, *args, **kwargs):
        """Count the iCal SEQUENCE up when a change that matters to calendars goes live.

        Wagtail saves a page in full when it publishes a revision (and when it saves a draft of a page that is
        not live); a draft of a live page only goes into a revision. So: a full save of a live page is what the
        public sees from now on — compare it with what was last published. The counter and fingerprint are
        always read from the database, because the page being saved may come from an old revision that carries
        stale values of both.
        """
        update_fields = kwargs.get("update_fields")
        touches_content = update_fields is None or bool(set(update_fields) & set(ICAL_TRACKED_FIELDS))
        if touches_content:
            self._count_ical_sequence()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "ical_sequence", "ical_fingerprint"}
        return super().save(*args, **kwargs)

    def _count_ical_sequence(self):
        stored = None
        if self.pk:
            stored = (
                EventPage.objects.filter(pk=self.pk)
                .values("live", "ical_sequence", "ical_fingerprint", *ICAL_TRACKED_FIELDS)
                .first()
            )
        self.ical_sequence, self.ical_fingerprint = next_sequence(self, stored)


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, related_name="speakers", on_delete=models.CASCADE)
    name = models.CharField(_("Name"), max_length=120)
    affiliation = models.CharField(_("Organisation or role"), max_length=160, blank=True)

    panels = [FieldPanel("name"), FieldPanel("affiliation")]
    api_fields = [APIField("name"), APIField("affiliation")]

    class Meta(Orderable.Meta):
        verbose_name = _("Speaker")
        verbose_name_plural = _("Speakers")


class EventMaterial(AbstractMaterial):
    page = ParentalKey(EventPage, related_name="materials", on_delete=models.CASCADE)
