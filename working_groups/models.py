"""Working groups ("Arbeitsgruppen", "Initiativkreise"): who is in them, and the progress reports they write.

A group is network-wide, of one region (its German page, like every record that points to a region) or of one
field of action. Members join an open group at once or ask to join one "on request"; the group's contact persons
(members marked ``is_contact``), the region's team and the editors accept or decline. Progress reports are public:
the group page, the region's news feed and the API show them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from home.models import TwoLanguageName
from regions.models import network_regions

DESCRIPTION_MAX_LENGTH = 4000
REPORT_TEXT_MAX_LENGTH = 4000


class GroupKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    INITIATIVE_CIRCLE = "initiative_circle", _("Initiative circle")
    OTHER = "other", _("Other group")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: members join at once")
    ON_REQUEST = "on_request", _("On request: the contact persons accept new members")


class ForumAccess(models.TextChoices):
    NONE = "none", _("No forum")
    PUBLIC = "public", _("Public: everyone reads, members write")
    MEMBERS = "members", _("Members only: only the group's members read and write")


class GroupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def of_region(self, region):
        """The groups of ``region`` (its German or English page: both share a ``translation_key``)."""
        return self.filter(region__translation_key=region.translation_key)


class WorkingGroup(TwoLanguageName, ClusterableModel):
    name = models.CharField(_("Name (German)"), max_length=120)
    name_en = models.CharField(
        _("Name (English)"),
        max_length=120,
        blank=True,
        help_text=_("Shown on the English pages. If empty, they show the German name."),
    )
    slug = models.SlugField(
        _("Short name (URL)"),
        max_length=80,
        unique=True,
        help_text=_("The last part of the group page's address."),
    )
    description = models.TextField(
        _("Description"),
        blank=True,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
        help_text=_("What the group works on, how often it meets, who it is for. Plain text."),
    )
    kind = models.CharField(
        _("Kind"), max_length=20, choices=GroupKind.choices, default=GroupKind.WORKING_GROUP
    )
    join_policy = models.CharField(
        _("Joining"), max_length=12, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    forum_access = models.CharField(
        _("Group forum"), max_length=8, choices=ForumAccess.choices, default=ForumAccess.PUBLIC
    )
    region = models.ForeignKey(
        "regions.RegionPage",
        verbose_name=_("Region"),
        null=True,
        blank=True,
        # A deleted region's groups are deactivated first (working_groups/signals.py) and kept for the editors.
        on_delete=models.SET_NULL,
        related_name="working_groups",
        limit_choices_to=network_regions,
        help_text=_("Empty for a group of the whole network."),
    )
    field_of_action = models.ForeignKey(
        "home.FieldOfAction",
        verbose_name=_("Field of action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_groups",
    )
    active = models.BooleanField(
        _("Active"), default=True, help_text=_("An inactive group is hidden and nobody can join it.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Working group")
        verbose_name_plural = _("Working groups")

    def get_absolute_url(self):
        return reverse("working_groups:group", args=[self.slug])

    def clean(self):
        if self.region_id and self.field_of_action_id:
            raise ValidationError(
                _("A group belongs to a region or to a field of action (or to the whole network), not both.")
            )

    @property
    def is_open(self):
        return self.join_policy == JoinPolicy.OPEN

    @property
    def members_only_forum(self):
        return self.forum_access == ForumAccess.MEMBERS


class GroupEvent(Orderable):
    """A date of the group: an event of the hub (``events.EventPage``, named by string: the events app is above)."""

    group = ParentalKey(WorkingGroup, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("Event"),
        on_delete=models.CASCADE,
        related_name="working_group_links",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Date of the group")
        verbose_name_plural = _("Dates of the group")
        constraints = [
            models.UniqueConstraint(fields=["group", "event"], name="one_link_per_group_and_event")
        ]


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    MEMBER = "member", _("Member")


class MembershipQuerySet(models.QuerySet):
    def members(self):
        return self.filter(status=MembershipStatus.MEMBER)

    def requests(self):
        return self.filter(status=MembershipStatus.REQUESTED)

    def contacts(self):
        return self.filter(status=MembershipStatus.MEMBER, is_contact=True)


class Membership(models.Model):
    """A member of a group, or a request to become one. Declined requests are deleted (the requester is told)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    status = models.CharField(
        max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.MEMBER
    )
    is_contact = models.BooleanField(_("Contact person"), default=False)
    # Opt-in: the member's public name in the group's member list, which only the group's members see.
    show_name = models.BooleanField(_("Show my name to the group's members"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Membership in a group")
        verbose_name_plural = _("Memberships in groups")
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")]
        indexes = [models.Index(fields=["group", "status"])]

    def __str__(self):
        return f"{self.user} → {self.group}"


def report_image_path(instance, filename):
    return f"working_groups/images/{filename}"


def report_document_path(instance, filename):
    return f"working_groups/documents/{filename}"


class ReportQuerySet(models.QuerySet):
    def public(self):
        """What visitors see: the reports of active groups."""
        return self.filter(group__active=True)


class ProgressReport(models.Model):
    """A short dated entry of a group ("Fortschrittsbericht"), with an optional picture and document."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="reports")
    date = models.DateField(_("Date"), default=timezone.localdate)
    title = models.CharField(_("Title"), max_length=150)
    text = models.TextField(_("Text"), validators=[MaxLengthValidator(REPORT_TEXT_MAX_LENGTH)])
    image = models.ImageField(_("Picture"), upload_to=report_image_path, blank=True)
    image_alt = models.CharField(
        _("What the picture shows"), max_length=200, blank=True, help_text=_("For people who cannot see it.")
    )
    document = models.FileField(_("Document"), upload_to=report_document_path, blank=True)
    document_title = models.CharField(_("Name of the document"), max_length=150, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_reports",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        verbose_name = _("Progress report")
        verbose_name_plural = _("Progress reports")
        indexes = [models.Index(fields=["group", "-date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.group.get_absolute_url()}#bericht-{self.pk}"
