"""Webinars, live calls, office hours, conferences and Regionallabor modules, with their recordings."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtailgeowidget import geocoders
from wagtailgeowidget.panels import GeoAddressPanel, LeafletPanel

from home.blocks import BaseStreamBlock
from home.models import AbstractMaterial, LocatedMixin
from home.pagination import paginate
from regions.admin_forms import RegionScopedPageForm


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    LIVE_CALL = "live_call", _("Live-Call")
    OFFICE_HOURS = "office_hours", _("Sprechstunde")
    REGIONAL_MEETING = "regional_meeting", _("Regionalgespräch")
    CONFERENCE = "conference", _("Mitmach-Konferenz")
    LAB_MODULE = "lab_module", _("Regionallabor-Modul")
    OTHER = "other", _("Sonstiges")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    LIVE = "live", _("Vor Ort")
    HYBRID = "hybrid", _("Hybrid")


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now):
        return self.filter(end__gte=now).order_by("start")

    def past(self, now):
        return self.filter(end__lt=now).order_by("-start")

    def with_recording(self):
        return self.exclude(recording_url="")

    def for_listing(self):
        """Everything an event card shows, in a fixed number of queries."""
        return self.select_related("region").prefetch_related("fields_of_action")


class EventIndexPage(Page):
    intro = models.TextField(_("Einleitung"), blank=True, max_length=800)
    is_series = models.BooleanField(
        _("Reihe"),
        default=False,
        help_text=_(
            "Eine Reihe (z. B. das Regionallabor) zeigt nur ihre eigenen Termine in Modul-Reihenfolge. "
            "Sonst zeigt die Seite alle Veranstaltungen des Netzwerks."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("is_series")]
    parent_page_types = ["home.HomePage", "events.EventIndexPage"]
    subpage_types = ["events.EventPage", "events.EventIndexPage"]

    class Meta:
        verbose_name = _("Veranstaltungs-Übersicht")
        verbose_name_plural = _("Veranstaltungs-Übersichten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().for_listing()
        if self.is_series:
            context["modules"] = events.child_of(self).order_by("module_number", "start")
        else:
            now = timezone.now()
            context["upcoming_events"] = paginate(request, events.upcoming(now), per_page=20)
            context["past_events"] = events.past(now)[:12]
        context["series"] = EventIndexPage.objects.child_of(self).live().public()
        return context


class EventPage(LocatedMixin, Page):
    summary = models.TextField(_("Kurzbeschreibung"), max_length=500)
    kind = models.CharField(_("Art"), max_length=20, choices=EventKind.choices, default=EventKind.WEBINAR)
    format = models.CharField(
        _("Format"), max_length=10, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    module_number = models.PositiveSmallIntegerField(
        _("Modul-Nummer"),
        null=True,
        blank=True,
        help_text=_("Nur für Module einer Reihe, z. B. 0 bis 6."),
    )
    venue = models.CharField(
        _("Veranstaltungsort"),
        max_length=250,
        blank=True,
        help_text=_("Für Veranstaltungen vor Ort oder hybrid."),
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    region = models.ForeignKey(
        "regions.RegionPage",
        verbose_name=_("Region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    fields_of_action = ParentalManyToManyField(
        "home.FieldOfAction", verbose_name=_("Handlungsfelder"), blank=True, related_name="events"
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)
    recording_url = models.URLField(
        _("Aufzeichnung"),
        blank=True,
        help_text=_("Adresse des Videos nach der Veranstaltung (Videothek)."),
    )

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
            heading=_("Termin"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                GeoAddressPanel("address", geocoder=geocoders.NOMINATIM),
                LeafletPanel("location", address_field="address"),
            ],
            heading=_("Ort"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Einordnung"),
        ),
        InlinePanel("speakers", label=_("Referent:innen")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("recording_url"), InlinePanel("materials", label=_("Materialien"))],
            heading=_("Nach der Veranstaltung"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    # Moderators may tag an event only with their own regions (the region page lists events by this field).
    base_form_class = RegionScopedPageForm
    parent_page_types = ["events.EventIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Das Ende liegt vor dem Beginn.")})
        if self.format in (EventFormat.LIVE, EventFormat.HYBRID) and not (self.venue or self.address):
            raise ValidationError({"venue": _("Bitte einen Ort für Veranstaltungen vor Ort angeben.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = self.speakers.all()
        context["materials"] = self.materials.select_related("document")
        return context


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, related_name="speakers", on_delete=models.CASCADE)
    name = models.CharField(_("Name"), max_length=120)
    affiliation = models.CharField(_("Organisation oder Rolle"), max_length=160, blank=True)

    panels = [FieldPanel("name"), FieldPanel("affiliation")]

    class Meta(Orderable.Meta):
        verbose_name = _("Referent:in")
        verbose_name_plural = _("Referent:innen")


class EventMaterial(AbstractMaterial):
    page = ParentalKey(EventPage, related_name="materials", on_delete=models.CASCADE)
