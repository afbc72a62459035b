"""Newsletter issues editors write in the admin, and one ``Delivery`` per address an issue goes to.

An issue is a snippet (``wagtail_hooks.IssueViewSet``) with the hub's content blocks. Its ``language`` decides who
gets it: empty for every subscriber of its lists (the footer in each subscriber's language), "de" or "en" for the
subscribers who chose that language. ``Delivery`` rows are written once when sending starts (one per address,
however many of the issue's lists it is on) and are what makes sending resumable: see ``newsletter_issues.sending``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin

from home.blocks import BaseStreamBlock
from newsletter_issues.mail import IssueMail
from newsletters.models import MailingList


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class IssueQuerySet(models.QuerySet):
    def sent(self):
        """What the archive and the API show."""
        return self.filter(status=IssueStatus.SENT)


class NewsletterIssue(PreviewableMixin, models.Model):
    subject = models.CharField(_("Subject"), max_length=150)
    preheader = models.CharField(
        _("Intro"),
        max_length=200,
        blank=True,
        help_text=_("One or two sentences: mail programs show them next to the subject."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Content"), blank=True)
    lists = models.ManyToManyField(MailingList, verbose_name=_("Lists"), related_name="issues", blank=True)
    language = models.CharField(
        _("Language"),
        max_length=2,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "Empty: every subscriber of the lists. Otherwise only the subscribers who chose this language."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT, editable=False
    )
    scheduled_for = models.DateTimeField(_("Scheduled for"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("Sent on"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Filled when sending starts (None before) and after each batch.
    recipients_count = models.PositiveIntegerField(_("Recipients"), null=True, blank=True, editable=False)
    sent_count = models.PositiveIntegerField(_("Sent"), default=0, editable=False)
    failed_count = models.PositiveIntegerField(_("Failed"), default=0, editable=False)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-created_at"]
        verbose_name = _("Newsletter issue")
        verbose_name_plural = _("Newsletter issues")
        indexes = [models.Index(fields=["status", "-sent_at"])]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter_issues:detail", args=[self.pk])

    @property
    def editable(self):
        return self.status == IssueStatus.DRAFT

    # The admin preview shows the mail itself (``newsletter_issues.mail``).
    def serve_preview(self, request, mode_name):
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)[:2]
        return HttpResponse(IssueMail(self).preview_html(language))


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not sent (unsubscribed or suppressed)")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One address an issue goes to. ``claimed_by`` is the id of the batch task working on it (see sending)."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    # Emptied when the member deletes their account (the row stays for the issue's figures).
    email = models.EmailField(max_length=254, blank=True)
    subscription = models.ForeignKey(
        "newsletters.Subscription", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(max_length=2, default="de")
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "email"], condition=~Q(email=""), name="one_delivery_per_issue_and_address"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"]), models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.issue_id} → {self.email}"
