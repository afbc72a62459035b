"""What the mail provider reports back (django-anymail's ``tracking`` signal): a hard bounce, a spam complaint or
a refusal suppresses the address for every later list mail; an unsubscribe at the provider ends its
subscriptions."""

from django.db import transaction

from newsletters import subscriptions
from newsletters.models import Subscription, Suppression, SuppressionReason, address_key

REASONS = {
    "bounced": SuppressionReason.BOUNCED,
    "complained": SuppressionReason.COMPLAINED,
    "rejected": SuppressionReason.REJECTED,
}


def provider_event(sender, event, esp_name, **kwargs):
    address = address_key(event.recipient)
    if not address:
        return
    if event.event_type == "unsubscribed":
        subscriptions.unsubscribe(Subscription.objects.filter(email=address))
        return
    reason = REASONS.get(event.event_type)
    if reason is None:
        return
    detail = " ".join(filter(None, [esp_name, event.reject_reason, event.description or event.mta_response]))
    with transaction.atomic():
        Suppression.objects.get_or_create(email=address, defaults={"reason": reason, "detail": detail[:500]})
