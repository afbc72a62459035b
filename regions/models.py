"""Mitmach-Regionen, their moderator teams, and the initiatives that belong to them."""

import hashlib

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtailgeowidget import geocoders
from wagtailgeowidget.panels import GeoAddressPanel, LeafletPanel

import rules

from common.language import locale_id
from common.links import validate_links
from common.points import parse_point
from home.blocks import BaseStreamBlock
from home.models import LocatedMixin, PublicPageManager, RoutedPageMixin
from home.sections import REGION_PAGE_SECTIONS, page_sections
from regions.admin_forms import InitiativeAdminForm, RegionPageForm, TeamInlinePanel
from regions.widgets import PublicNameSelect


def network_locale_id():
    """The locale of the pages that non-page data points to: the network's language (German), no query once
    known. Memberships, initiatives, the team, the forum and the map's stored points are kept once, on the
    German RegionPage; the English page of a region (an alias or a translation) shares them."""
    return locale_id(settings.LANGUAGE_CODE)


def network_regions():
    """``limit_choices_to`` of the data that points to regions: the German pages."""
    return {"locale_id": network_locale_id()}


class RegionStatus(models.TextChoices):
    INTERESTED = "interested", _("Interested")
    FORMING = "forming", _("Forming (Regionallabor)")
    ACTIVE = "active", _("Active")


class RegionIndexPage(Page):
    intro = models.TextField(_("Introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["regions.RegionPage", "region_applications.RegionApplicationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Regions overview")
        verbose_name_plural = _("Regions overviews")

    def get_context(self, request, *args, **kwargs):
        """The network map: filters, the list of entries, "near me" results (``regions.map.page``)."""
        # Inside the method: the map package reads these models (one app; a module-level import would be a
        # cycle between regions.models and regions.map).
        from regions.map.page import map_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(map_page_context(self, request))
        return context


class RegionPage(RoutedPageMixin, LocatedMixin, Page):
    area_description = models.CharField(
        _("Area"),
        max_length=250,
        help_text=_("Which towns, districts or landscapes does it cover?"),
    )
    summary = models.TextField(_("Short description"), max_length=500, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=RegionStatus.choices, default=RegionStatus.INTERESTED
    )
    start_year = models.PositiveSmallIntegerField(
        _("Start year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2015), MaxValueValidator(2100)],
    )
    contact_email = models.EmailField(
        _("Contact email"),
        blank=True,
        help_text=_("Shown to logged-in members only, never publicly in plain text."),
    )
    fields_of_action = ParentalManyToManyField(
        "home.FieldOfAction",
        verbose_name=_("Active fields of action"),
        blank=True,
        related_name="regions",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Body"), blank=True)

    objects = PublicPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("area_description"),
                GeoAddressPanel("address", geocoder=geocoders.NOMINATIM),
                LeafletPanel("location", address_field="address"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("start_year"),
                FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("State"),
        ),
        # Editors only: the form drops the team for everyone else (regions.admin_forms.RegionPageForm).
        TeamInlinePanel("moderators", label=_("Team of regional moderators")),
        FieldPanel("contact_email"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("area_description"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    # Never the contact address or the team: the region page shows them to members only.
    api_fields = [
        APIField("summary", writable=True),
        APIField("area_description", writable=True),
        APIField("address"),
        APIField("coordinates"),
        APIField("status", writable=True),
        APIField("start_year", writable=True),
        APIField("fields_of_action"),
        APIField("body", writable=True),
    ]

    base_form_class = RegionPageForm
    parent_page_types = ["regions.RegionIndexPage"]
    subpage_types = ["events.EventPage", "news.NewsPage", "home.ContentPage"]

    class Meta:
        verbose_name = _("Mitmach region")
        verbose_name_plural = _("Mitmach regions")

    # --- One region in two languages --------------------------------------------------------------------

    def network_region(self):
        """The German page of this region: what members join, initiatives and the team belong to, the forum
        follows. ``self`` for a German page (no query), else its German counterpart by ``translation_key``
        (``self`` when there is none)."""
        if self.locale_id == network_locale_id():
            return self
        found = RegionPage.objects.filter(translation_key=self.translation_key, locale_id=network_locale_id())
        return found.first() or self

    def network_rows(self, relation="region"):
        """Filter arguments for the rows of this region (memberships, initiatives, team rows): those of the
        German page, from the English page too, without loading the German page."""
        if self.pk is None:  # the preview of a new page: nothing is keyed to it yet
            return {"pk__in": []}
        if self.locale_id == network_locale_id():
            return {relation: self}
        return {
            f"{relation}__translation_key": self.translation_key,
            f"{relation}__locale_id": network_locale_id(),
        }

    # --- The team is the editors' call on every path (regions.change_team in regions.rules) --------------

    def keep_saved_team(self):
        """Replace the team this instance carries (from a revision, a form or an API request) by the saved one."""
        self.moderators = list(RegionModerator.objects.filter(region_id=self.pk)) if self.pk else []

    def save_revision(self, user=None, *args, **kwargs):
        # A revision by anyone else carries the team as it stands: reverting to an older revision (admin or
        # API) cannot bring a removed person back, and an editor opening the form later sees the real team.
        if not rules.has_perm("regions.change_team", user):
            self.keep_saved_team()
        return super().save_revision(user, *args, **kwargs)

    def save(self, *args, **kwargs):
        # A full save writes the team rows (modelcluster commits the child relation). When it makes a revision
        # live, that revision's author must be allowed to set the team — also for revisions saved before
        # save_revision kept the team, or published later by someone else.
        if kwargs.get("update_fields") is None and self._publishes_a_revision_without_team_rights():
            self.keep_saved_team()
        return super().save(*args, **kwargs)

    def _publishes_a_revision_without_team_rights(self):
        if self.pk is None or not self.live or self.live_revision_id is None:
            return False
        stored = RegionPage.objects.filter(pk=self.pk).values_list("live_revision_id", flat=True).first()
        if stored == self.live_revision_id:
            return False
        return not rules.has_perm("regions.change_team", self.live_revision.user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The English page shows the members, initiatives and team of the German one (found in the same
        # queries, by translation_key: no query more than on the German page).
        keyed = self.network_rows()
        context["team"] = RegionModerator.objects.filter(**keyed).select_related("user")
        context["can_see_team_contact"] = bool(self.contact_email) and rules.has_perm(
            "regions.see_team_contact", request.user
        )
        # One small query whatever the number of members: the count and, for a member, "am I in, and may the
        # team see me?".
        user = request.user
        mine = Q(user_id=user.pk if user.is_authenticated else None)
        members = RegionMembership.objects.filter(**keyed).aggregate(
            count=Count("pk"),
            mine=Count("pk", filter=mine),
            mine_visible=Count("pk", filter=mine & Q(team_may_contact=True)),
        )
        context["member_count"] = members["count"]
        context["is_region_member"] = user.is_authenticated and members["mine"] > 0
        context["team_may_contact_me"] = members["mine_visible"] > 0
        context["can_see_members"] = rules.has_perm("regions.see_region_members", user, self)
        initiatives = list(Initiative.objects.approved().filter(**keyed)[:50])
        context["initiatives"] = initiatives
        # The region's events and news (their apps register them); the badges of the region, its initiatives
        # and every section's cards in one query.
        badges = (([self], "fields_of_action"), (initiatives, "fields_of_action"))
        context.update(page_sections(REGION_PAGE_SECTIONS, self, request, badges))
        return context


def attach_shown_regions(objects, attribute="region"):
    """Give each of ``objects`` (memberships, team rows, initiatives) ``shown_region``: the page of its
    (German) region in the active language, for titles and links, or the German page where there is none.

    ``objects`` is returned as a list. One query in English, none in German; the objects' own ``region``
    stays the German page (so nothing saved can point elsewhere)."""
    objects = list(objects)
    regions = [getattr(obj, attribute) for obj in objects]
    shown = {}
    if locale_id() != network_locale_id():
        keys = {region.translation_key for region in regions if region is not None}
        if keys:
            found = RegionPage.objects.filter(translation_key__in=keys, locale_id=locale_id(), live=True)
            shown = {page.translation_key: page for page in found.defer_streamfields()}
    for obj, region in zip(objects, regions, strict=True):
        obj.shown_region = shown.get(region.translation_key, region) if region is not None else None
    return objects


class RegionModerator(Orderable):
    """A member of a region's team. Being here is what makes a user that region's moderator."""

    region = ParentalKey(RegionPage, related_name="moderators", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="moderated_regions",
    )
    role = models.CharField(_("Role in the team"), max_length=100, blank=True)

    panels = [FieldPanel("user", widget=PublicNameSelect), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("Regional moderator")
        verbose_name_plural = _("Regional moderators")
        constraints = [models.UniqueConstraint(fields=["region", "user"], name="unique_region_moderator")]

    def __str__(self):
        return f"{self.user} ({self.region})"


class RegionMembership(models.Model):
    """A member who joined a region ("Mitmachen" on the region page).

    The region's team sees the member (name, e-mail address, join date, fields of action, place for the map)
    only while ``team_may_contact`` is set: the member's own answer, off by default, changed at any time
    (``regions.views.change_team_consent``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="region_memberships"
    )
    region = models.ForeignKey(RegionPage, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(_("Joined on"), auto_now_add=True)
    team_may_contact = models.BooleanField(_("The regional team may see and contact me"), default=False)
    consented_at = models.DateTimeField(
        _("Agreed on"), null=True, blank=True, help_text=_("When the member last agreed; empty when not.")
    )

    class Meta:
        verbose_name = _("Region membership")
        verbose_name_plural = _("Region memberships")
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="unique_region_membership")]

    def __str__(self):
        return f"{self.user} → {self.region}"

    @staticmethod
    def consent_fields(agreed):
        """The fields that record a member's answer: the time of agreeing, none once withdrawn."""
        return {"team_may_contact": agreed, "consented_at": timezone.now() if agreed else None}


class RegionTeam(models.Model):
    """The permission group behind a region's team: its rights follow the team (see regions/roles.py)."""

    region = models.OneToOneField(RegionPage, on_delete=models.CASCADE, related_name="team_record")
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="region_team")

    class Meta:
        verbose_name = _("Regional team group")
        verbose_name_plural = _("Regional team groups")

    def __str__(self):
        return str(self.group)


class InitiativeKind(models.TextChoices):
    PROJECT = "project", _("Project")
    ASSOCIATION = "association", _("Association")
    ORGANISATION = "organisation", _("Organisation")
    COMPANY = "company", _("Company")
    MUNICIPALITY = "municipality", _("Municipality")
    INDIVIDUAL = "individual", _("Individual")


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", pgettext_lazy("initiative", "Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InitiativeQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approval_status=ApprovalStatus.APPROVED)

    def pending(self):
        return self.filter(approval_status=ApprovalStatus.PENDING)

    def with_pending_changes(self):
        return self.approved().filter(changes_submitted_at__isnull=False)

    def owned_by(self, user):
        """The initiatives ``user`` submitted or is a co-owner of, each once."""
        return self.filter(
            Q(submitted_by=user) | Q(pk__in=InitiativeCoOwner.objects.filter(user=user).values("initiative"))
        )

    def matching(self, text):
        """Those with every word of ``text`` in their name or description (few rows: no index needed)."""
        queryset = self
        for word in text.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(description__icontains=word))
        return queryset


class Initiative(LocatedMixin, index.Indexed, models.Model):
    """An Initiative / Akteur:in in a region. Submitted by members, visible once approved.

    Who approves: editors in this snippet's admin views (EDITORS hold ``regions.change_initiative``), and a
    region's moderators on the front end (``/mitmachen/initiativen/freigabe/``). Snippet permissions in
    Wagtail are per model, not per instance — a change permission would open every region's initiatives —
    so moderators get no snippet rights at all. Any change of ``approval_status`` to approved or rejected
    e-mails the submitter (``regions.signals``).
    """

    name = models.CharField(_("Name"), max_length=160)
    kind = models.CharField(
        pgettext_lazy("initiative", "Type"), max_length=20, choices=InitiativeKind.choices
    )
    # SET_NULL: deleting a region page must not delete (or block on) what members submitted. Always the
    # German page (the English one shares its initiatives): the admin offers no other.
    region = models.ForeignKey(
        RegionPage,
        verbose_name=_("Region"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        limit_choices_to=network_regions,
    )
    fields_of_action = models.ManyToManyField(
        "home.FieldOfAction",
        verbose_name=_("Fields of action"),
        blank=True,
        related_name="initiatives",
    )
    # Only web links: "javascript:" and friends would run in visitors' browsers when clicked.
    website = models.URLField(
        _("Website"),
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("An address starting with http:// or https://."),
    )
    description = models.TextField(_("Description"), max_length=2000, blank=True)
    sdgs = models.ManyToManyField(
        "home.SDG",
        verbose_name=_("Sustainable development goals (SDGs)"),
        blank=True,
        related_name="initiatives",
    )
    # One web address per line (social media, a newsletter …); ``regions.forms.validate_links`` checks them.
    links = models.TextField(
        _("Further links"),
        max_length=1200,
        blank=True,
        validators=[validate_links],
        help_text=_("Social media or other pages: one address per line, at most five."),
    )
    # Re-encoded on upload without metadata (``members.validators``), under a name that reveals nothing.
    logo = models.ImageField(_("Picture or logo"), upload_to="initiatives/logos/", blank=True)
    approval_status = models.CharField(
        _("Approval"), max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_initiatives",
    )
    review_note = models.TextField(
        _("Reason for the decision"),
        max_length=1000,
        blank=True,
        help_text=_("Sent by email to the person who submitted it, above all when it is rejected."),
    )
    # Changes an owner made to an approved initiative, waiting for the regional team: field name -> new value
    # as ``regions.initiative_edits`` stores it. The public fields above stay as approved until then.
    proposed_changes = models.JSONField(
        _("Changes awaiting approval"), default=dict, blank=True, editable=False
    )
    changes_submitted_at = models.DateTimeField(
        _("Changes submitted on"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("Submitted on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Last changed"), auto_now=True)
    # Copies of ``location`` as numbers, kept in step by ``save()``: the map filters a bounding box and
    # counts grid clusters in SQL on these (``regions.map.layers``). Null when no position is set.
    latitude = models.FloatField(_("Latitude"), null=True, blank=True, editable=False)
    longitude = models.FloatField(_("Longitude"), null=True, blank=True, editable=False)

    objects = InitiativeQuerySet.as_manager()

    base_form_class = InitiativeAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("region"),
        FieldPanel("fields_of_action"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("sdgs"),
        FieldPanel("links"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                GeoAddressPanel("address", geocoder=geocoders.NOMINATIM),
                LeafletPanel("location", address_field="address"),
            ],
            heading=_("Location (optional)"),
        ),
        FieldPanel("approval_status"),
        FieldPanel("review_note"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("approval_status"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Initiative")
        verbose_name_plural = _("Initiatives")
        indexes = [
            # The map's queries: approved rows in a latitude band, longitude checked from the index; the
            # grid clusters (count and mean position per cell) are answered from the index alone.
            models.Index(fields=["approval_status", "latitude", "longitude"], name="initiative_map_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sync_coordinates()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "location" in update_fields:
            kwargs["update_fields"] = {*update_fields, "latitude", "longitude"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The public profile, in the active language (``/en/…`` in English)."""
        return reverse("regions:initiative", args=[self.pk])

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def sync_coordinates(self):
        """Set ``latitude``/``longitude`` from ``location`` (both None when it is empty or malformed).

        ``save()`` calls it; code that writes rows without ``save()`` (``bulk_create``) calls it itself.
        """
        point = parse_point(self.location)
        self.latitude, self.longitude = point if point else (None, None)


class InitiativeCoOwner(models.Model):
    """A member who shares an initiative with its submitter: they change, withdraw and delete it as the
    submitter does (``regions.rules.is_initiative_owner``). They come in through an e-mail invitation
    (``CoOwnerInvitation``); the submitter and the editors remove them, and they leave on their own."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="co_owners")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="co_owned_initiatives"
    )
    # Who sent the invitation; kept when that account goes.
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(_("Co-owner since"), auto_now_add=True)

    class Meta:
        verbose_name = _("Co-owner")
        verbose_name_plural = _("Co-owners")
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="unique_initiative_co_owner")
        ]

    def __str__(self):
        return f"{self.user} → {self.initiative}"


class CoOwnerInvitation(models.Model):
    """An invitation to an e-mail address to become co-owner of an initiative.

    Only a hash of the token is stored: the link in the mail is the only copy. One invitation per initiative
    and address (inviting again replaces the token); accepting deletes it, so a link works once; it expires
    after ``INVITATION_DAYS``. The address is matched against the verified addresses of whoever accepts.
    """

    INVITATION_DAYS = 14

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="co_owner_invitations")
    # Lower case: the address is compared with the accepting account's verified addresses.
    email = models.EmailField(_("Email address"))
    # Deleting the inviter's account deletes the invitations they sent (they are that account's doing).
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_co_owner_invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("Invited on"))
    expires_at = models.DateTimeField(_("Valid until"))

    class Meta:
        verbose_name = _("Co-owner invitation")
        verbose_name_plural = _("Co-owner invitations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "email"], name="unique_co_owner_invitation")
        ]

    def __str__(self):
        return f"{self.email} → {self.initiative}"

    @staticmethod
    def hash_token(token):
        """What is stored of a link's token (a path may hold any text, even lone surrogates)."""
        return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class MapPoint(models.Model):
    """One public entry of the network map (approved initiative, member card) as the stored clusters count it.

    Kept by ``regions.map.clusters`` together with ``MapCell``; never edited by hand. ``fields_key`` is the
    entry's set of field-of-action pks as ``",1,3,"`` (``","`` for none), so a field filter is a ``LIKE``.
    ``name`` orders the page's list of initiatives (empty for member cards).
    """

    layer = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    latitude = models.FloatField()
    longitude = models.FloatField()
    fields_key = models.CharField(max_length=255)
    name = models.CharField(max_length=160, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["layer", "object_id"], name="map_point_unique")]
        indexes = [
            # Counting the entries in a box (covering, so the count never reads the table).
            models.Index(fields=["layer", "latitude", "longitude", "fields_key"], name="map_point_box_idx"),
            # A cell's bounds again after an entry left it.
            models.Index(fields=["layer", "fields_key", "latitude", "longitude"], name="map_point_cell_idx"),
            # The page's list, in name order, one page at a time.
            models.Index(fields=["layer", "name", "object_id", "fields_key"], name="map_point_list_idx"),
        ]

    def __str__(self):
        return f"{self.layer}-{self.object_id}"


class MapCell(models.Model):
    """The entries of one layer and one set of fields of action in one grid cell of one zoom level.

    ``level`` is the cell size's exponent (cells of 2**level degrees, aligned to (-180, -90)); ``x``/``y`` the
    cell's column and row. A cluster is the sum of a cell's rows over the field sets a filter accepts.
    """

    layer = models.CharField(max_length=20)
    level = models.SmallIntegerField()
    x = models.IntegerField()
    y = models.IntegerField()
    fields_key = models.CharField(max_length=255)
    count = models.IntegerField()
    sum_lat = models.FloatField()
    sum_lng = models.FloatField()
    west = models.FloatField()
    south = models.FloatField()
    east = models.FloatField()
    north = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["layer", "level", "x", "y", "fields_key"], name="map_cell_unique")
        ]
        indexes = [
            # Reading a box's clusters from the index alone: the unique index would fetch every row from the
            # table, one page per row (8,300 pages for a city-sized box at 250,000 entries on PostgreSQL).
            # Plain key columns rather than INCLUDE, which SQLite does not have.
            models.Index(
                fields=[
                    "layer",
                    "level",
                    "x",
                    "y",
                    "fields_key",
                    "count",
                    "sum_lat",
                    "sum_lng",
                    "west",
                    "south",
                    "east",
                    "north",
                ],
                name="map_cell_read_idx",
            ),
        ]

    def __str__(self):
        return f"{self.layer} 2^{self.level} ({self.x}, {self.y}) {self.fields_key}"
