"""Webinars, live calls, office hours, conferences and Regionallabor modules, with their recordings.

The network's event index also serves the Videothek and the iCal feeds, each event its own ``.ics`` download
(routes of ``RoutablePageMixin``, whose logic lives in ``routes.py``; see docs/events.md). The kinds and formats
are in ``choices.py``, the iCal SEQUENCE's fingerprint in ``ical_sequence.py``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
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
from hub_events import recurrence, recurrence_text, routes
from hub_events.choices import EventFormat, EventKind, Repeat
from hub_events.date_list import DateListField, parse_days
from hub_events.event_regions import card_prefetches, localized, regions_in_order, shown_regions_of
from hub_events.forms import EventPageForm
from hub_events.ical import BERLIN, event_response, subscription_links
from hub_events.ical_sequence import ICAL_TRACKED_FIELDS, REPETITION_FIELDS, next_sequence
from hub_events.occurrences import Occurrence
from hub_events.permissions import RegionsPermissionTester


def _next_start(now):
    """The start of an event's first date that has not ended at ``now`` (None when there is none)."""
    ahead = EventDate.objects.filter(event=OuterRef("pk"), end__gte=now).order_by("start")
    return Subquery(ahead.values("start")[:1])


def _last_start():
    """The start of an event's last date."""
    return Subquery(EventDate.objects.filter(event=OuterRef("pk")).order_by("-start").values("start")[:1])


def _newest_first(moment):
    """A sort key that puts later moments first (``None`` gives 0: sort those apart)."""
    return -moment.timestamp() if moment else 0


class EventPageQuerySet(PublicPageQuerySet):
    """Upcoming and past go by the materialised dates (``EventDate``), so a recurring event is upcoming while
    one of its dates has not ended, and sorts by that next date."""

    def upcoming(self, now):
        """Events with a date that has not ended at ``now``, by that next date (``next_start``)."""
        return (
            self.annotate(next_start=_next_start(now))
            .filter(next_start__isnull=False)
            .order_by("next_start", "pk")
        )

    def past(self, now):
        """Events without a date ahead, the latest last date first (``last_start``)."""
        ahead = EventDate.objects.filter(event=OuterRef("pk"), end__gte=now)
        return (
            self.filter(~Exists(ahead))
            .annotate(last_start=_last_start())
            .order_by(F("last_start").desc(nulls_last=True), "-pk")
        )

    def next_and_latest(self, now, upcoming, past):
        """The first ``upcoming`` events of ``upcoming(now)`` and the first ``past`` of ``past(now)``, as two
        lists in those orders, from one query (a region page shows both within its query budget)."""
        ahead = self.upcoming(now)[:upcoming].values("pk")
        behind = self.past(now)[:past].values("pk")
        # Both limited lists as subqueries of one query (SQLite allows no LIMIT inside a UNION).
        events = self.annotate(next_start=_next_start(now), last_start=_last_start())
        both = list(events.filter(Q(pk__in=ahead) | Q(pk__in=behind)))
        return (
            sorted(
                (event for event in both if event.next_start), key=lambda event: (event.next_start, event.pk)
            ),
            sorted(
                (event for event in both if not event.next_start),
                key=lambda event: (event.last_start is None, _newest_first(event.last_start), -event.pk),
            ),
        )

    def with_recording(self):
        return self.exclude(recording_url="")

    def for_listing(self):
        """Everything an event card shows, in a fixed number of queries (the bodies stay in the database)."""
        return self.defer_streamfields().prefetch_related(*card_prefetches())

    def of_regions(self, translation_keys):
        """The events of any of these regions (by ``translation_key``: an English event, an alias, keeps the
        German region pages it was copied with), each once however many of them it belongs to."""
        tagged = EventPage.regions.through.objects.filter(regionpage__translation_key__in=translation_keys)
        return self.filter(pk__in=tagged.values("eventpage_id"))

    def for_history(self):
        """What a region's history shows of each past event (its regions, materials with their documents) in a
        fixed number of queries, however many events."""
        materials = Prefetch(
            "materials", queryset=EventMaterial.objects.select_related("document").order_by("sort_order")
        )
        return self.defer_streamfields().prefetch_related(regions_in_order(), materials)

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

    @path("rueckblick/<str:slug>/", name="region_history")
    def region_history(self, request, slug):
        """The past events of one region, newest first, with recordings and results; an unknown region is a
        404."""
        return routes.region_history(self, request, slug)

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
    repeat = models.CharField(
        _("Repeats"), max_length=20, choices=Repeat.choices, default=Repeat.NEVER, blank=True
    )
    repeat_until = models.DateField(
        _("Last day of the series"),
        null=True,
        blank=True,
        help_text=_("The series ends on this day (at most two years after the first date)."),
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("Number of dates"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(recurrence.MAX_DATES)],
        help_text=_("Instead of a last day: how many dates the series has (at most 200)."),
    )
    repeat_exceptions = DateListField(
        _("Skipped dates"),
        help_text=_("Days on which the event does not take place, one per line, e.g. 24.12.2030."),
    )
    registration_url = models.URLField(_("Registration link"), blank=True)
    regions = ParentalManyToManyField(
        "regions.RegionPage",
        verbose_name=_("Regions"),
        blank=True,
        related_name="events",
        help_text=_("The event shows on the page, in the lists and in the calendar of each region."),
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
    outcome = models.TextField(
        _("Outcome"),
        max_length=600,
        blank=True,
        help_text=_("What came out of the event, in a few sentences: shown in the history of its regions."),
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
                FieldPanel("repeat"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                FieldPanel("repeat_exceptions"),
            ],
            heading=_("Repetition"),
            help_text=_(
                "For office hours or monthly calls: the first date above, how often it repeats, and when the "
                "series ends – a last day or a number of dates (at most 200 dates within two years)."
            ),
            classname="collapsed",
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
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("speakers", label=_("Speakers")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("outcome"),
                InlinePanel("materials", label=_("Materials")),
            ],
            heading=_("After the event"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("outcome"),
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
        APIField("is_recurring"),
        APIField("recurrence_rule"),
        APIField("repeat_exceptions"),
        APIField("next_dates"),
        APIField("registration_url", writable=True),
        APIField("regions", writable=True),
        # Deprecated: the first of ``regions``, for clients written when an event had one region.
        APIField("region"),
        APIField("fields_of_action"),
        APIField("speakers"),
        APIField("body", writable=True),
        APIField("recording_url", writable=True),
        APIField("outcome", writable=True),
        APIField("materials"),
    ]

    # Moderators may tag an event only with their own regions (the region page lists events by this field).
    base_form_class = EventPageForm
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
        if self.start and self.end:
            errors = recurrence.problems(self.series, BERLIN)
            if errors:
                raise ValidationError(errors)

    @property
    def series(self):
        """The event's first date and repetition as a ``recurrence.Series``."""
        return recurrence.Series(
            start=self.start,
            end=self.end,
            repeat=self.repeat,
            until=self.repeat_until,
            count=self.repeat_count,
            exceptions=tuple(parse_days(self.repeat_exceptions)),
        )

    @property
    def is_recurring(self):
        return bool(self.repeat)

    @property
    def recurrence_rule(self):
        """The RRULE value (RFC 5545, ``UNTIL`` in UTC) of a recurring event; empty for a single one."""
        return recurrence.rrule_text(self.series, BERLIN)

    @property
    def recurrence_text(self):
        """The rule in words, e.g. "Every Tuesday, 18:00–19:00"; empty for a single event."""
        return recurrence_text.describe(self.series, BERLIN)

    @property
    def recurrence_end_text(self):
        return recurrence_text.describe_end(self.series, BERLIN)

    def permissions_for_user(self, user):
        """The moderators of each of the event's regions may edit it (``hub_events.permissions``)."""
        return RegionsPermissionTester(user, self)

    def saved_region_ids(self):
        """The ids of the regions stored for this event (not a draft's): a query, to feed a subquery."""
        return EventPage.regions.through.objects.filter(eventpage_id=self.pk).values("regionpage_id")

    @property
    def is_past(self):
        """No date of the event is still ahead (the last one has ended)."""
        return not self.occurrences(after=timezone.now(), limit=1)

    def occurrences(self, after=None, limit=None):
        """The event's dates (``Occurrence``) that end at or after ``after`` (default: all), in order, at most
        ``limit``. A single event has one date; a recurring one those of its rule without the exceptions."""
        dates = recurrence.occurrences(self.series, BERLIN)
        if after is not None:
            dates = [date for date in dates if date.end >= after]
        return dates[:limit]

    def upcoming_dates(self, limit=5):
        """The next ``limit`` dates that have not ended."""
        return self.occurrences(after=timezone.now(), limit=limit)

    @property
    def next_dates(self):
        """The next five dates for the API, as ``{"start", "end"}`` in Europe/Berlin."""
        return [
            {"start": date.start.astimezone(BERLIN), "end": date.end.astimezone(BERLIN)}
            for date in self.upcoming_dates()
        ]

    @property
    def shown_date(self):
        """The date a card shows: the next one not yet ended, else the last one."""
        upcoming = self.upcoming_dates(limit=1)
        return upcoming[0] if upcoming else (self.occurrences() or [Occurrence(self.start, self.end)])[-1]

    def occurrence_at(self, start):
        """The date that starts at ``start`` (an aware datetime), or None where the event has no such date."""
        return next((date for date in self.occurrences() if date.start == start), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = self.local_regions()
        context["speakers"] = self.speakers.all()
        context["materials"] = self.materials.select_related("document")
        context["ical_url"] = self.ical_url(request)
        if self.is_recurring:
            context["next_dates"] = self.upcoming_dates(limit=5)
            today = timezone.localdate()
            context["skipped_days"] = [day for day in self.series.exceptions if day >= today]
        context.update(page_sections(EVENT_PAGE_SECTIONS, self, request))
        return context

    def live_regions(self):
        """The event's live, public regions as tagged, in ``REGION_ORDER`` (``hub_events.event_regions``)."""
        return shown_regions_of().filter(pk__in=self.regions.values_list("id", flat=True))

    def local_regions(self):
        """The event's shown regions as pages of its language: an English alias keeps the German region pages
        it was copied with; their live English pages take their place. One query, two for an alias."""
        return localized(list(self.live_regions()), self.locale_id)

    @property
    def region(self):
        """Deprecated field ``region`` of Wagtail's pages API, for clients written when an event had one region:
        the first of its shown regions (live, public, ``REGION_ORDER``: the same region as the events API's
        ``region``), in the shape of the API's page references (``id`` and ``meta.type``), or None. Code reads
        ``regions``."""
        first = self.live_regions().first()
        if first is None:
            return None
        return {"id": first.pk, "meta": {"type": first._meta.label}}

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
        touches_dates = update_fields is None or bool(set(update_fields) & set(DATE_FIELDS))
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            if touches_dates:
                self.store_dates()
        return result

    def store_dates(self):
        """Write the event's dates into ``EventDate``, which the listings sort and filter by.

        Called by ``save`` whenever the row's dates are saved: on publishing (also of the English copies, which
        Wagtail saves in full when it updates an alias or publishes a translation) and for a page that is not
        live. A draft of a live page goes only into a revision, so the public dates stay those of the live
        version.

        The page's row is locked first, so two saves of the same event at once rewrite the dates one after the
        other (else both delete, both insert, and the second breaks ``event_date_unique_start``).
        """
        with transaction.atomic():
            list(EventPage.objects.select_for_update(of=("self",)).filter(pk=self.pk).values_list("pk"))
            EventDate.objects.filter(event=self).delete()
            EventDate.objects.bulk_create(
                EventDate(event=self, start=date.start, end=date.end) for date in self.occurrences()
            )

    def _count_ical_sequence(self):
        stored = None
        if self.pk:
            stored = (
                EventPage.objects.filter(pk=self.pk)
                .values("live", "ical_sequence", "ical_fingerprint", *ICAL_TRACKED_FIELDS)
                .first()
            )
        self.ical_sequence, self.ical_fingerprint = next_sequence(self, stored)


# The fields the dates come from: saving one of them rebuilds the event's EventDate rows.
DATE_FIELDS = ("start", "end", *REPETITION_FIELDS)


class EventDate(models.Model):
    """One date of an event, materialised from its rule when the page is saved (``EventPage.store_dates``).

    Single events have one row. Listings annotate the next date from here and paginate in the database; the
    page itself expands its rule in memory (``EventPage.occurrences``), which gives the same dates.
    """

    event = models.ForeignKey(EventPage, related_name="dates", on_delete=models.CASCADE)
    start = models.DateTimeField(_("Start"))
    end = models.DateTimeField(_("End"))

    class Meta:
        verbose_name = _("Event date")
        verbose_name_plural = _("Event dates")
        ordering = ["event", "start"]
        indexes = [models.Index(fields=["event", "end", "start"])]
        constraints = [models.UniqueConstraint(fields=["event", "start"], name="event_date_unique_start")]

    def __str__(self):
        return f"{self.event_id} {self.start.isoformat()}"


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
