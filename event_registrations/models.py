"""Registration for events in the hub: each event's settings and questions, and the registrations.

An event without ``RegistrationSettings`` (or with ``enabled`` off) keeps its external ``registration_url``, if any.
A registration is for one date of the event (``occurrence``, the date's start) or, where the event registers once
for all its dates, for the whole event (``occurrence`` empty). Seats are counted over confirmed registrations of
that date; ``seats.py`` takes them under a lock of the event's settings row, so nobody is over-booked.

Guests (no account) give name and address and confirm by a mailed link (only its SHA-256 is stored): until then
they hold no seat and no place on the waiting list. Each registration keeps the consent text the person agreed
to, as ``newsletters`` keeps the proof of consent.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_QUESTIONS = 5
MAX_ANSWER_LENGTH = 500
MAX_CHOICES = 10
CONFIRMATION_DAYS = 3
GUEST_DATA_DAYS = 30  # guests' registrations are deleted this long after the event's last date

DEFAULT_CONSENT = _(
    "I register for this event. The hub stores my name, e-mail address and answers to organise it; the event's "
    "team sees them. I can cancel with the link in every mail. Registrations of guests without an account are "
    "deleted 30 days after the event."
)


def address_key(address):
    return (address or "").strip().lower()


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class RegistrationSettings(models.Model):
    """How people register for one event in the hub (the event's team edits it on its own admin page)."""

    event = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("Event"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
    )
    enabled = models.BooleanField(_("Registration in the hub"), default=False)
    opens_at = models.DateTimeField(_("Opens at"), null=True, blank=True, help_text=_("Empty: open now."))
    closes_at = models.DateTimeField(
        _("Closes at"), null=True, blank=True, help_text=_("Empty: open until the date starts.")
    )
    capacity = models.PositiveIntegerField(
        _("Seats"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
        help_text=_("Per date. Empty: unlimited."),
    )
    waiting_list = models.BooleanField(
        _("Waiting list"), default=True, help_text=_("When all seats are taken, people join a waiting list.")
    )
    per_date = models.BooleanField(
        _("Registration per date"),
        default=False,
        help_text=_("For recurring events: people register for single dates instead of the whole series."),
    )
    consent_text = models.TextField(_("Consent text"), max_length=1000, default=DEFAULT_CONSENT)
    reminder_hours = models.PositiveSmallIntegerField(
        _("Reminder (hours before)"),
        null=True,
        blank=True,
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 14)],
        help_text=_("Empty: no reminder."),
    )
    meeting_url = models.URLField(
        _("Online meeting link"),
        blank=True,
        max_length=500,
        help_text=_("Shown only to confirmed participants, on the event page and in their mails."),
    )
    reply_to = models.EmailField(
        _("Reply address"), blank=True, help_text=_("Replies to messages to participants go here.")
    )

    class Meta:
        verbose_name = _("Registration settings")
        verbose_name_plural = _("Registration settings")

    def __str__(self):
        return str(self.event_id)

    def is_open(self, date_start, now=None):
        """Open for a date starting at ``date_start``: enabled, after opening and before closing or the start."""
        now = now or timezone.now()
        if not self.enabled or date_start <= now:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Choice of options")


class Question(models.Model):
    """A question the organisers ask everyone who registers (e.g. dietary needs)."""

    settings = models.ForeignKey(RegistrationSettings, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("Question"), max_length=200)
    kind = models.CharField(_("Kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT)
    options = models.TextField(
        _("Options"), blank=True, max_length=1000, help_text=_("For a choice: one option per line.")
    )
    required = models.BooleanField(_("Required"), default=False)
    order = models.PositiveSmallIntegerField(_("Order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Question")
        verbose_name_plural = _("Questions")

    def __str__(self):
        return self.label

    @property
    def option_list(self):
        return [line.strip()[:200] for line in self.options.splitlines() if line.strip()][:MAX_CHOICES]


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for the guest's confirmation")
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITING)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def for_date(self, occurrence):
        return self.filter(occurrence=occurrence)


class Registration(models.Model):
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("Event"), on_delete=models.CASCADE, related_name="registrations"
    )
    # The start of the date registered for; empty: the whole event (every date).
    occurrence = models.DateTimeField(_("Date"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("Name"), max_length=120)
    email = models.EmailField(_("E-mail address"), max_length=254)
    language = models.CharField(_("Language"), max_length=2, choices=settings.LANGUAGES, default="de")
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    answers = models.JSONField(_("Answers"), default=list, blank=True)  # [{"question", "answer"}]
    consent_text = models.TextField(_("Words agreed to"))
    requested_at = models.DateTimeField(_("Registered on"), default=timezone.now)
    confirmation_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmed_at = models.DateTimeField(_("Confirmed on"), null=True, blank=True)
    # When the person joined the waiting list: the order it moves up in.
    queued_at = models.DateTimeField(_("On the waiting list since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("Cancelled on"), null=True, blank=True)
    attended = models.BooleanField(_("Attended"), null=True, blank=True)
    # The reminder queued last (its due time); a queued reminder with another time is stale and does nothing.
    reminder_due = models.DateTimeField(null=True, blank=True, editable=False)
    # The start of the date the last reminder was sent for.
    reminded_for = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("Registration")
        verbose_name_plural = _("Registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence", "email"],
                # Anonymised registrations (a deleted account's past dates) have no address left.
                condition=Q(status__in=["pending", "confirmed", "waiting"]) & ~Q(email=""),
                nulls_distinct=False,
                name="one_active_registration_per_address_and_date",
            )
        ]
        indexes = [
            models.Index(fields=["event", "occurrence", "status"]),
            models.Index(fields=["email"]),
        ]

    def __str__(self):
        return f"{self.email} → {self.event_id}"

    @property
    def is_guest(self):
        return self.user_id is None

    @property
    def confirmation_expires_at(self):
        return self.requested_at + timedelta(days=CONFIRMATION_DAYS)
