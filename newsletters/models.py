"""Mailing lists people opt into, with the proof of their consent, and the addresses nothing is sent to.

Nothing is sent to an address until its owner confirmed it (double opt-in): by clicking the link mailed to it, or
as a logged-in member whose account address is confirmed. ``Subscription`` keeps when and how: the request, the
confirmation, the way it was given and the words the person agreed to (German courts ask the sender to prove
this). Unsubscribing keeps the record, marked withdrawn, so the hub can show that it stopped.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import FieldOfAction, TwoLanguageName, in_english
from regions.models import RegionPage


def address_key(address):
    """The form every address is stored and compared in."""
    return (address or "").strip().lower()


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ListKind(models.TextChoices):
    NETWORK = "network", _("Whole network")
    REGION = "region", _("Region")
    FIELD = "field", _("Field of action")
    OTHER = "other", _("Other")


class MailingListQuerySet(models.QuerySet):
    def open(self):
        """Lists people may subscribe to: open, and not of a region that is not published (yet)."""
        return self.filter(active=True).exclude(region__live=False)


class MailingList(TwoLanguageName, models.Model):
    """A list: the network's newsletter, one per region and one per field of action, or one editors add.

    ``name`` is German, ``name_en`` English (empty: the German name is shown). The lists of regions and fields
    are made and renamed with them (``newsletters.signals``).
    """

    name = models.CharField(_("Name (German)"), max_length=120)
    name_en = models.CharField(_("Name (English)"), max_length=120, blank=True)
    description = models.TextField(_("Description (German)"), max_length=500, blank=True)
    description_en = models.TextField(_("Description (English)"), max_length=500, blank=True)
    kind = models.CharField(_("Kind"), max_length=10, choices=ListKind.choices, default=ListKind.OTHER)
    region = models.OneToOneField(
        RegionPage,
        verbose_name=_("Region"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mailing_list",
        help_text=_("The German page of the region whose list this is."),
    )
    field_of_action = models.OneToOneField(
        FieldOfAction,
        verbose_name=_("Field of action"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mailing_list",
    )
    active = models.BooleanField(
        _("Open for subscriptions"), default=True, help_text=_("Closed lists keep their subscribers.")
    )
    order = models.PositiveSmallIntegerField(_("Order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MailingListQuerySet.as_manager()

    class Meta:
        ordering = ["order", "kind", "name"]
        verbose_name = _("Mailing list")
        verbose_name_plural = _("Mailing lists")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="network"), name="one_network_mailing_list"
            ),
            models.CheckConstraint(
                condition=(Q(kind="region") & Q(region__isnull=False) & Q(field_of_action__isnull=True))
                | (Q(kind="field") & Q(region__isnull=True) & Q(field_of_action__isnull=False))
                | (
                    Q(kind__in=["network", "other"])
                    & Q(region__isnull=True)
                    & Q(field_of_action__isnull=True)
                ),
                name="mailing_list_kind_matches_target",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def localized_description(self):
        return (self.description_en or self.description) if in_english() else self.description


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class ConsentMethod(models.TextChoices):
    EMAIL_LINK = "email_link", _("Confirmation link mailed to the address")
    MEMBER = "member", _("Logged-in member with a confirmed address")


class SubscriptionQuerySet(models.QuerySet):
    def receiving(self):
        """Subscriptions mails go to: confirmed, and not to an address that bounced or complained."""
        return self.filter(status=SubscriptionStatus.CONFIRMED).exclude(
            email__in=Suppression.objects.values("email")
        )


class Subscription(models.Model):
    """One address on one list, with the proof of consent (see the module's docstring)."""

    mailing_list = models.ForeignKey(
        MailingList, verbose_name=_("List"), on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField(_("E-mail address"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Member"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    language = models.CharField(_("Language"), max_length=2, choices=settings.LANGUAGES, default="de")
    status = models.CharField(
        _("Status"), max_length=12, choices=SubscriptionStatus.choices, default=SubscriptionStatus.PENDING
    )
    requested_at = models.DateTimeField(_("Requested on"), default=timezone.now)
    # SHA-256 of the confirmation link's secret: the database never holds a working link.
    confirmation_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmed_at = models.DateTimeField(_("Confirmed on"), null=True, blank=True)
    consent_method = models.CharField(
        _("Consent given by"), max_length=12, choices=ConsentMethod.choices, blank=True
    )
    consent_text = models.TextField(_("Words agreed to"), blank=True)
    unsubscribed_at = models.DateTimeField(_("Unsubscribed on"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["mailing_list", "email"]
        verbose_name = _("Subscription")
        verbose_name_plural = _("Subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["mailing_list", "email"], name="one_subscription_per_list")
        ]
        indexes = [models.Index(fields=["email"]), models.Index(fields=["mailing_list", "status"])]

    def __str__(self):
        return f"{self.email} → {self.mailing_list}"

    @property
    def confirmation_expires_at(self):
        return self.requested_at + timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)


class SuppressionReason(models.TextChoices):
    BOUNCED = "bounced", _("Bounced")
    COMPLAINED = "complained", _("Marked as spam")
    REJECTED = "rejected", _("Rejected by the provider")
    MANUAL = "manual", _("Added by an editor")


class Suppression(models.Model):
    """An address no list mail goes to any more: it bounced for good, or its owner marked a mail as spam.

    Filled by the mail provider's webhooks (django-anymail's tracking signal) and by editors.
    """

    email = models.EmailField(_("E-mail address"), max_length=254, unique=True)
    reason = models.CharField(_("Reason"), max_length=12, choices=SuppressionReason.choices)
    detail = models.CharField(_("Detail"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("Since"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Suppressed address")
        verbose_name_plural = _("Suppressed addresses")

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = address_key(self.email)  # compared with the subscriptions' lower-case addresses
        super().save(*args, **kwargs)
