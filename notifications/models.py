"""What members follow and how often, what there is to tell them, and what was already told.

- ``Follow``: a member's frequency for one region or one field of action. Regions a member joined are followed
  with a weekly digest without any row (``DEFAULT_REGION_FREQUENCY``); a row is written only when the member
  changes that. Fields of action are followed only once chosen (a row). A row for a region the member left
  counts for nothing (kept, so that joining again restores the choice).
- ``Preferences``: per member, the switch that stops every notification, the moderators' switches and the
  bookkeeping of digests (until when the last daily and weekly digest covered the news).
- ``Item``: a news item, event, initiative or forum topic the moment it became public (published first,
  approved), written by ``notifications.signals``. Digests take the items logged since the member's last one,
  the immediate notification is one task per item.
- ``DigestSchedule``: the next daily and weekly run, and the queued task that will do it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.models import FieldOfAction
from regions.models import RegionPage


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


DIGESTS = (Frequency.DAILY, Frequency.WEEKLY)
DEFAULT_REGION_FREQUENCY = Frequency.WEEKLY


class Follow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    region = models.ForeignKey(
        RegionPage,
        verbose_name=_("Region"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    field = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Field of action"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    frequency = models.CharField(_("How often"), max_length=12, choices=Frequency.choices)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Followed region or field")
        verbose_name_plural = _("Followed regions and fields")
        constraints = [
            models.CheckConstraint(
                condition=Q(region__isnull=True) ^ Q(field__isnull=True), name="follow_region_xor_field"
            ),
            models.UniqueConstraint(
                fields=["user", "region"], condition=Q(region__isnull=False), name="one_follow_per_region"
            ),
            models.UniqueConstraint(
                fields=["user", "field"], condition=Q(field__isnull=False), name="one_follow_per_field"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.region or self.field}: {self.frequency}"


class Preferences(models.Model):
    """A member's switches and digest bookkeeping; members without a row have the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    all_off = models.BooleanField(_("No notifications at all"), default=False)
    reports = models.BooleanField(_("Reports of posts in the forums I moderate"), default=True)
    applications = models.BooleanField(_("New applications to start a region"), default=True)
    daily_until = models.DateTimeField(null=True, blank=True, editable=False)
    weekly_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Notification settings")
        verbose_name_plural = _("Notification settings")

    def __str__(self):
        return str(self.user)


class ItemKind(models.TextChoices):
    NEWS = "news", _("News")
    EVENT = "event", _("Events")
    INITIATIVE = "initiative", _("Initiatives")
    TOPIC = "topic", _("Forum topics")


class Item(models.Model):
    """Something that became public, once: publishing a page again or re-approving logs nothing new.

    ``object_id`` is the German page's id (news, events), the initiative's or the forum topic's. Whether the item
    is still public, and where it belongs, is read when a mail is built, not stored here.
    """

    kind = models.CharField(max_length=12, choices=ItemKind.choices)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_item_per_object")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class DigestSchedule(models.Model):
    frequency = models.CharField(max_length=12, choices=[(f.value, f.label) for f in DIGESTS], unique=True)
    next_run_at = models.DateTimeField()
    task_id = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"{self.frequency} at {self.next_run_at}"
