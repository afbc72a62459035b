"""The network's parts of a member's profile, data export and account deletion (the hooks of ``members.hooks``),
of the site search (``search.sections``) and of the map's popups (``regions.map.hooks``)."""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from wagtail import hooks

from members import hooks as member_hooks
from members.privacy import iso
from network.models import Card, ContactMessage, RecipientKind
from network.recipients import reachable_initiatives, reachable_members
from regions.map.hooks import MAP_CONTACT


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


_MAP_LAYERS = {
    "members": (RecipientKind.MEMBER, reachable_members),
    "initiatives": (RecipientKind.INITIATIVE, reachable_initiatives),
}


@hooks.register(MAP_CONTACT)
def map_contact(layer):
    """ "Kontakt aufnehmen" in the map's popups: the members and initiatives ``recipients.find`` answers for.

    The map caches these links with its answers; they follow the same content version: a card's change (its
    ``contact_allowed``, ``listed``) bumps it (``public_cache.track(Card)``), and so do the member's own changes
    that decide (``members.signals``) and the deactivation or deletion of an initiative's owner
    (``network.signals``).
    """
    if layer not in _MAP_LAYERS:
        return None
    kind, reachable = _MAP_LAYERS[layer]
    # One reverse() for all rows: the rest of the path is the pk.
    prefix = reverse("network:contact", args=[kind, 1]).removesuffix("1/")
    return Exists(reachable().filter(pk=OuterRef("pk"))), lambda pk: f"{prefix}{pk}/"
