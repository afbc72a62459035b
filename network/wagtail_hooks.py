"""The network's parts of a member's profile, data export and account deletion (the hooks of ``members.hooks``),
and of the site search (``search.sections``)."""

from wagtail import hooks

from members import hooks as member_hooks
from members.privacy import iso
from network.models import Card, ContactMessage, RecipientKind


@hooks.register(member_hooks.PROFILE_SECTIONS)
def profile_card(request, user):
    return [("network/includes/profile_card.html", {"card": Card.objects.filter(user=user).first()})]


@hooks.register(member_hooks.EXPORT_DATA)
def export_network_data(user, request=None):
    """The card, the messages the member sent, and those sent to them as a member."""
    card = Card.objects.filter(user=user).first()
    sent = ContactMessage.objects.filter(sender=user).order_by("sent_at")
    received = ContactMessage.objects.filter(recipient_kind=RecipientKind.MEMBER, recipient_id=user.pk)
    return {
        "directory_card": (
            {
                "listed": card.listed,
                "place": card.place,
                "offer": card.offer,
                "looking_for": card.looking_for,
                "about": card.about,
                "contact_allowed": card.contact_allowed,
            }
            if card
            else None
        ),
        "messages_sent": [
            {
                "to": message.recipient_name,
                "to_kind": message.recipient_kind,
                "subject": message.subject,
                "message": message.body,
                "shared_my_address": message.reply_to_sender,
                "sent_at": iso(message.sent_at),
            }
            for message in sent
        ],
        "messages_received": [
            {
                "from": message.sender.public_name,
                "subject": message.subject,
                "message": message.body,
                "sent_at": iso(message.sent_at),
            }
            for message in received.select_related("sender").order_by("sent_at")
        ],
    }


@hooks.register(member_hooks.BEFORE_ACCOUNT_DELETION)
def delete_network_data(user):
    """The card and the sent messages go with the account (cascade); the messages to them as a member too."""
    ContactMessage.objects.filter(recipient_kind=RecipientKind.MEMBER, recipient_id=user.pk).delete()
