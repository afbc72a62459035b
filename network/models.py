"""People find and reach each other: members' cards in the directory ("Mitmacher:innen") and the messages
the hub forwards without showing anyone's address."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.roles import MEMBERS


class CardQuerySet(models.QuerySet):
    def listed(self):
        """Cards in the directory: opted in, of active members with a confirmed address."""
        return self.filter(listed=True, user__is_active=True, user__groups__name=MEMBERS)


class Card(models.Model):
    """A member's card in the directory, and whether people may write to them through the hub.

    Off by default: nothing of it is public until the member ticks ``listed``.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card")
    listed = models.BooleanField(
        _("show my card in the directory"),
        default=False,
        help_text=_(
            "Visitors then see your public name, the place below, the regions you joined, your fields of "
            "action and the texts below. Never your e-mail address."
        ),
    )
    place = models.CharField(
        _("place"), max_length=120, blank=True, help_text=_("A town, never your address.")
    )
    offer = models.TextField(_("what I can offer"), max_length=600, blank=True)
    looking_for = models.TextField(_("what I am looking for"), max_length=600, blank=True)
    about = models.TextField(_("a few words about me"), max_length=1000, blank=True)
    # Writing through the hub never shows the recipient's address; this switch stops it altogether.
    contact_allowed = models.BooleanField(
        _("members may write to me through the hub"),
        default=True,
        help_text=_(
            "They see a form, never your address; you decide whether to answer. Covers your card and the "
            "initiatives you registered."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = CardQuerySet.as_manager()

    class Meta:
        verbose_name = _("directory card")
        verbose_name_plural = _("directory cards")

    def __str__(self):
        return str(self.user)


class RecipientKind(models.TextChoices):
    MEMBER = "member", _("Member")
    INITIATIVE = "initiative", _("Initiative")
    REGION = "region", _("Regional team")


class ContactMessage(models.Model):
    """A message the hub forwarded by e-mail; kept for the abuse report link and the sender's data export."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_messages_sent"
    )
    recipient_kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    recipient_id = models.BigIntegerField()
    recipient_name = models.CharField(max_length=200)
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=4000)
    reply_to_sender = models.BooleanField(_("share my e-mail address for a reply"), default=False)
    sent_at = models.DateTimeField(auto_now_add=True)
    # The "report abuse" link of the mail: whoever holds the mail may report it, without an account.
    report_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["recipient_kind", "recipient_id", "sent_at"], name="contact_recipient_idx")
        ]
        verbose_name = _("message through the hub")
        verbose_name_plural = _("messages through the hub")

    def __str__(self):
        return self.subject
