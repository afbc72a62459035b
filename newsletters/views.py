"""Subscribing with double opt-in, confirming, one-click unsubscribing, and a member's own lists."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from allauth.core import ratelimit

from common.one_click import read_token
from members.language import active
from newsletters import subscriptions
from newsletters.forms import CONSENT, MemberListsForm, SubscribeForm
from newsletters.links import SCOPE
from newsletters.models import MailingList, Subscription, SubscriptionStatus, address_key


def consent_text(mailing_lists):
    """The words the person agreed to, with the lists they chose, as the proof of consent keeps them."""
    names = ", ".join(mailing_list.label for mailing_list in mailing_lists)
    return f"{CONSENT} [{names}]"


def preselected(request):
    """The list a link asks for (``?liste=<id>``, e.g. from a region page), if it is open."""
    value = request.GET.get("liste", "")
    if not value.isdecimal() or len(value) > 10:
        return []
    return list(MailingList.objects.open().filter(pk=int(value)).values_list("pk", flat=True))


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """Anyone subscribes with an address; a logged-in member with a confirmed address goes to their own lists."""
    own_address = subscriptions.confirmed_address(request.user)
    form = SubscribeForm(
        request.POST or None,
        initial={"lists": preselected(request), "email": own_address or ""},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            address = address_key(form.cleaned_data["email"])
            chosen = list(form.cleaned_data["lists"])
            if own_address and address == own_address:
                subscriptions.subscribe_member(request.user, chosen, consent_text=consent_text(chosen))
                messages.success(request, _("Done: you now receive the newsletters you chose."))
                return redirect("newsletters:mine")
            address_hash = hashlib.sha256(address.encode()).hexdigest()
            if ratelimit.consume(request, action="newsletter_subscribe") and ratelimit.consume(
                request, action="newsletter_address", key=address_hash
            ):
                subscriptions.request(
                    address,
                    chosen,
                    language=active(),
                    consent_text=consent_text(chosen),
                )
                # The same answer whether or not the address was on a list already: nobody learns who is.
                return render(
                    request,
                    "newsletters/check_inbox.html",
                    {"address": address, "days": settings.NEWSLETTER_CONFIRMATION_DAYS},
                )
            form.add_error(None, _("Too many requests in a short time. Please try again later."))
            status = 429
        else:
            status = 400
    return render(
        request, "newsletters/subscribe.html", {"form": form, "own_address": own_address}, status=status
    )


@require_http_methods(["GET", "POST"])
def confirm(request, secret):
    """GET shows a button (mail scanners open links, people click); POST confirms."""
    pending = subscriptions.pending_for(secret) if len(secret) <= 100 else []
    if not pending:
        return render(request, "newsletters/confirm_invalid.html", status=404)
    if subscriptions.expired(pending):
        return render(request, "newsletters/confirm_invalid.html", {"expired": True}, status=410)
    if request.method == "POST":
        subscriptions.confirm(pending)
        return render(request, "newsletters/confirmed.html", {"lists": [s.mailing_list for s in pending]})
    return render(request, "newsletters/confirm.html", {"lists": [s.mailing_list for s in pending]})


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a token; it only stops mails.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    value = read_token(SCOPE, token) if len(token) <= 200 else None
    if value is None or not value.isdecimal():
        return render(request, "newsletters/unsubscribe_invalid.html", status=404)
    subscription = Subscription.objects.select_related("mailing_list").filter(pk=int(value)).first()
    if request.method == "POST":
        everything = request.POST.get("all") == "1"
        if subscription is not None:
            ended = Subscription.objects.filter(email=subscription.email)
            subscriptions.unsubscribe(ended if everything else ended.filter(pk=subscription.pk))
        context = {"subscription": subscription, "everything": everything}
        return render(request, "newsletters/unsubscribed.html", context)
    if subscription is None or subscription.status == SubscriptionStatus.UNSUBSCRIBED:
        return render(request, "newsletters/unsubscribed.html", {"subscription": subscription})
    return render(request, "newsletters/unsubscribe.html", {"subscription": subscription, "token": token})


@login_required
@require_http_methods(["GET", "POST"])
def mine(request):
    """The member's lists, their joined regions' first; saving subscribes or ends at once (their address is
    confirmed, they are logged in)."""
    address = subscriptions.confirmed_address(request.user)
    if not address:
        return render(request, "newsletters/verification_required.html", status=403)
    current = Subscription.objects.filter(email=address, status=SubscriptionStatus.CONFIRMED)
    form = MemberListsForm(
        request.POST or None, initial={"lists": list(current.values_list("mailing_list", flat=True))}
    )
    if request.method == "POST":
        if not form.is_valid():
            context = {"form": form, "address": address, "joined_lists": [], "consent": CONSENT}
            return render(request, "newsletters/mine.html", context, status=400)
        chosen = list(form.cleaned_data["lists"])
        subscriptions.subscribe_member(request.user, chosen, consent_text=consent_text(chosen))
        # Closed lists are not on the form: their subscriptions stay as they are.
        subscriptions.unsubscribe(current.filter(mailing_list__active=True).exclude(mailing_list__in=chosen))
        messages.success(request, _("Your newsletters have been saved."))
        return redirect("newsletters:mine")
    joined_lists = MailingList.objects.filter(region__memberships__user=request.user).values_list(
        "pk", flat=True
    )
    # The words stored as the proof of consent are the words the page shows.
    context = {"form": form, "address": address, "joined_lists": list(joined_lists), "consent": CONSENT}
    return render(request, "newsletters/mine.html", context)
