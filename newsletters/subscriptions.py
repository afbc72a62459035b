"""Subscribing (double opt-in), confirming and unsubscribing: the rules, apart from the views that ask for them."""

import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from allauth.account.models import EmailAddress

from common.links import absolute
from members.language import in_language
from newsletters.models import (
    ConsentMethod,
    Subscription,
    SubscriptionStatus,
    Suppression,
    address_key,
    token_hash,
)


def confirmed_address(user):
    """The member's confirmed account address (lower case), or "" when they have none."""
    if not user.is_authenticated or not user.email:
        return ""
    confirmed = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
    return address_key(user.email) if confirmed else ""


@transaction.atomic
def request(address, mailing_lists, *, language, consent_text):
    """Ask ``address`` to confirm the lists it is not on yet; returns the pending subscriptions.

    A member subscribing their own confirmed address needs no link: they proved it is theirs when they confirmed
    it for their account, and they are logged in (``subscribe_member``). Everyone else gets one mail with one link
    for all the lists chosen; nothing else is sent to the address before it is clicked.
    """
    address = address_key(address)
    secret = secrets.token_urlsafe(32)
    pending = []
    for mailing_list in mailing_lists:
        subscription, _created = Subscription.objects.select_for_update().get_or_create(
            mailing_list=mailing_list, email=address, defaults={"language": language}
        )
        if subscription.status == SubscriptionStatus.CONFIRMED:
            continue
        subscription.status = SubscriptionStatus.PENDING
        subscription.requested_at = timezone.now()
        subscription.confirmation_hash = token_hash(secret)
        subscription.language = language
        subscription.consent_text = consent_text
        subscription.save()
        pending.append(subscription)
    if pending and not Suppression.objects.filter(email=address).exists():
        transaction.on_commit(lambda: send_confirmation(address, pending, secret, language))
    return pending


def send_confirmation(address, subscriptions, secret, language):
    with in_language(language):
        context = {
            "lists": [subscription.mailing_list for subscription in subscriptions],
            "confirm_url": absolute(reverse("newsletters:confirm", args=[secret])),
            "days": settings.NEWSLETTER_CONFIRMATION_DAYS,
        }
        subject = " ".join(render_to_string("newsletters/emails/confirm_subject.txt", context).split())
        body = render_to_string("newsletters/emails/confirm.txt", context)
    send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [address])


def pending_for(secret):
    """The subscriptions a confirmation link names that still wait for it (expired ones included)."""
    return list(
        Subscription.objects.filter(
            confirmation_hash=token_hash(secret), status=SubscriptionStatus.PENDING
        ).select_related("mailing_list")
    )


def expired(subscriptions):
    return any(subscription.confirmation_expires_at < timezone.now() for subscription in subscriptions)


@transaction.atomic
def confirm(subscriptions):
    """Confirm by the mailed link: the link works once."""
    Subscription.objects.filter(pk__in=[subscription.pk for subscription in subscriptions]).update(
        status=SubscriptionStatus.CONFIRMED,
        confirmed_at=timezone.now(),
        consent_method=ConsentMethod.EMAIL_LINK,
        confirmation_hash="",
        unsubscribed_at=None,
    )


@transaction.atomic
def subscribe_member(user, mailing_lists, *, consent_text):
    """Subscribe a member's confirmed account address at once (see ``request``)."""
    address = confirmed_address(user)
    if not address:
        raise ValueError("the member has no confirmed address")
    for mailing_list in mailing_lists:
        subscription, _created = Subscription.objects.select_for_update().get_or_create(
            mailing_list=mailing_list, email=address, defaults={"language": user.language or "de"}
        )
        if subscription.status == SubscriptionStatus.CONFIRMED:
            if subscription.user_id is None:
                subscription.user = user
                subscription.save(update_fields=["user"])
            continue
        subscription.user = user
        subscription.language = user.language or "de"
        subscription.status = SubscriptionStatus.CONFIRMED
        subscription.requested_at = subscription.confirmed_at = timezone.now()
        subscription.consent_method = ConsentMethod.MEMBER
        subscription.consent_text = consent_text
        subscription.confirmation_hash = ""
        subscription.unsubscribed_at = None
        subscription.save()


def unsubscribe(subscriptions):
    """End subscriptions at once: list mails check the status when each batch is sent, so queued ones stop too.
    The record stays, marked withdrawn, as the proof that the hub stopped."""
    return subscriptions.exclude(status=SubscriptionStatus.UNSUBSCRIBED).update(
        status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now(), confirmation_hash=""
    )
