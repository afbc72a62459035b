"""The mails of messages through the hub: to the recipient (never a copy to the sender, whose page shows
nothing of the recipient's address), and abuse reports to the editors."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from members.language import in_language, language_of
from members.models import User
from members.roles import EDITORS
from network.models import Card, ContactMessage


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _render(template, context):
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    return f"{prefix}{subject}", render_to_string(f"{template}.txt", context)


def send_contact_mail(message_pk, recipient):
    """Forward ``message_pk`` to ``recipient`` (a ``network.recipients.Recipient``), in its language.

    The sender's address goes into Reply-To only when they agreed; their card is linked when it is public.
    """
    message = ContactMessage.objects.select_related("sender").filter(pk=message_pk).first()
    if message is None:
        return
    sender = message.sender
    with in_language(recipient.language):
        card = Card.objects.listed().filter(user=sender).first()
        searchable = card is not None and "@" not in sender.display_name
        context = {
            "message": message,
            "recipient": recipient,
            "sender_name": sender.public_name,
            "sender_card_url": _absolute(
                reverse("network:directory") + "?" + urlencode({"q": sender.display_name})
            )
            if searchable
            else "",
            "sender_contact_url": _absolute(reverse("network:contact", args=["member", sender.pk]))
            if card is not None and card.contact_allowed
            else "",
            "report_url": _absolute(reverse("network:report", args=[message.report_token])),
            "settings_url": _absolute(reverse("network:card")) if recipient.user else "",
        }
        subject, body = _render("network/emails/contact", context)
    mail = EmailMessage(
        subject, body, to=[recipient.address], reply_to=[sender.email] if message.reply_to_sender else None
    )
    mail.send()


def send_abuse_report(message_pk, reason):
    """Tell the editors that a recipient reported a message, with what they need to act on it."""
    message = ContactMessage.objects.select_related("sender").filter(pk=message_pk).first()
    if message is None:
        return
    editors = User.objects.filter(is_active=True, groups__name=EDITORS).exclude(email="").distinct()
    for editor in editors:
        with in_language(language_of(editor)):
            context = {
                "message": message,
                "reason": reason,
                "sender": message.sender,
                "admin_url": _absolute(reverse("wagtailusers_users:edit", args=[message.sender_id])),
            }
            subject, body = _render("network/emails/abuse_report", context)
        EmailMessage(subject, body, to=[editor.email]).send()
