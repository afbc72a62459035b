"""The action pool: proven actions with effort, impact, resources, fields of action and SDGs."""

from django import forms
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from actions.blocks import ActionBodyBlock
from home.models import AbstractMaterial, Level, PublicPageQuerySet, RoutedPageMixin
from home.sections import ACTION_PAGE_SECTIONS, page_sections
from search.documents import body_text
from search.languages import language_of, stemmed_text
from search.page import action_pool_context
from search.service import PageOutOfRange


class ActionIndexPage(RoutedPageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["actions.ActionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Action pool")
        verbose_name_plural = _("Action pools")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            context.update(action_pool_context(request))
        except PageOutOfRange as error:
            raise Http404(_("This page of results does not exist.")) from error
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("search_error"):
            response.status_code = 400  # a wrong filter in the link: say so, with the valid values
        return response


class ActionPageQuerySet(PublicPageQuerySet):
    def with_taxonomy(self):
        """Everything a result card shows, in a fixed number of queries."""
        return self.prefetch_related("fields_of_action", "sdgs", "resources")

    def for_cards(self):
        """What an action card (``includes/action_card.html``) shows: no resources, no body."""
        return self.defer_streamfields().prefetch_related("fields_of_action", "sdgs")


class ActionPage(RoutedPageMixin, Page):
    summary = models.TextField(_("Summary"), max_length=500)
    body = StreamField(ActionBodyBlock(), verbose_name=_("Description and steps"), blank=True)
    effort = models.CharField(_("Effort"), max_length=10, choices=Level.choices)
    impact = models.CharField(_("Impact"), max_length=10, choices=Level.choices)
    resources = ParentalManyToManyField(
        "home.Resource", verbose_name=_("Resources needed"), blank=True, related_name="actions"
    )
    resources_note = models.TextField(
        _("Resources in detail"),
        blank=True,
        max_length=1000,
        help_text=_("What exactly is needed, e.g. “a room for 30 people, €200 for materials”."),
    )
    fields_of_action = ParentalManyToManyField(
        "home.FieldOfAction", verbose_name=_("Fields of action"), related_name="actions"
    )
    sdgs = ParentalManyToManyField(
        "home.SDG", verbose_name=_("Sustainable Development Goals (SDGs)"), related_name="actions"
    )
    duration = models.CharField(
        _("Duration"),
        max_length=100,
        blank=True,
        help_text=_("For example “an afternoon” or “3 months”."),
    )
    # The (German) regions of the action's confirmed reports ("bei uns umgesetzt"), kept in step by the adoptions
    # app for the search facet and the API. A plain relation, not part of revisions: publishing an older revision
    # must not undo a confirmation.
    regions = models.ManyToManyField(
        "regions.RegionPage",
        verbose_name=_("Done in these regions"),
        blank=True,
        editable=False,
        related_name="actions_done",
    )

    objects = PageManager.from_queryset(ActionPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("effort"),
                FieldPanel("impact"),
                FieldPanel("duration"),
                FieldPanel("resources", widget=forms.CheckboxSelectMultiple),
                FieldPanel("resources_note"),
            ],
            heading=_("Effort, impact and resources"),
        ),
        FieldPanel("body"),
        InlinePanel("materials", label=_("Materials")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("search_stems"),
        index.FilterField("effort"),
        index.FilterField("impact"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("effort"),
        APIField("impact"),
        APIField("duration"),
        APIField("fields_of_action"),
        APIField("sdgs"),
        APIField("resources"),
        APIField("resources_note"),
        APIField("regions"),
        APIField("body"),
        APIField("materials"),
    ]

    parent_page_types = ["actions.ActionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Action")
        verbose_name_plural = _("Actions")

    def search_stems(self):
        """The page's words as stems of its own language, for the database search engine
        (``search.engines.database``). Title three times and summary twice: they weigh more, as in the
        server engines (``title^3``, ``summary^2``)."""
        words = " ".join([self.title] * 3 + [self.summary] * 2 + [body_text(self.body)])
        return stemmed_text(words, language_of(self.locale_id))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["materials"] = self.materials.select_related("document")
        # Where the action has been done (the adoptions app registers it).
        context.update(page_sections(ACTION_PAGE_SECTIONS, self, request))
        return context


class ActionMaterial(AbstractMaterial):
    page = ParentalKey(ActionPage, related_name="materials", on_delete=models.CASCADE)
