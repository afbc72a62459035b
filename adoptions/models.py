"""Reports that an action of the pool has been done in a region or by an initiative ("bei uns umgesetzt").

A verified member reports it for a region they joined or an initiative they own; the region's team (or an
editor) confirms it. Confirmed reports are public: the action page counts the regions and initiatives, the
region page and the initiative profile list their actions, the action pool filters by region
(``ActionPage.regions`` is kept in step, ``adoptions.done_in``). Who reported is never shown.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

NOTE_MAX_LENGTH = 300


class AdoptionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    CONFIRMED = "confirmed", pgettext_lazy("adoption", "Confirmed")
    DECLINED = "declined", pgettext_lazy("adoption", "Declined")


class AdoptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=AdoptionStatus.CONFIRMED)

    def pending(self):
        return self.filter(status=AdoptionStatus.PENDING)


class Adoption(models.Model):
    """One action done in one region, by the region as a whole or by one of its initiatives.

    ``action`` and ``region`` are always the German pages (the English ones share their reports, found by
    ``translation_key``); for an initiative's report ``region`` is the initiative's region when it was reported.
    """

    action = models.ForeignKey(
        "actions.ActionPage", verbose_name=_("Action"), on_delete=models.CASCADE, related_name="adoptions"
    )
    region = models.ForeignKey(
        "regions.RegionPage", verbose_name=_("Region"), on_delete=models.CASCADE, related_name="adoptions"
    )
    initiative = models.ForeignKey(
        "regions.Initiative",
        verbose_name=_("Initiative"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    month = models.DateField(
        _("Month"), null=True, blank=True, help_text=_("When it was done (the first day of the month).")
    )
    note = models.TextField(_("Note"), max_length=NOTE_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=AdoptionStatus.choices, default=AdoptionStatus.PENDING
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoption_reports",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Reported on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Decided on"), null=True, blank=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Action done")
        verbose_name_plural = _("Actions done")
        # Newest month first and reports without a month last, on every database.
        ordering = [models.F("month").desc(nulls_last=True), "-created_at"]
        constraints = [
            # One report per action and region, and one per action and initiative: reporting again updates it.
            models.UniqueConstraint(
                fields=["action", "region"],
                condition=Q(initiative__isnull=True),
                name="one_adoption_per_region",
            ),
            models.UniqueConstraint(
                fields=["action", "initiative"],
                condition=Q(initiative__isnull=False),
                name="one_adoption_per_initiative",
            ),
        ]

    def __str__(self):
        return f"{self.action} → {self.initiative or self.region}"

    @property
    def is_confirmed(self):
        return self.status == AdoptionStatus.CONFIRMED
