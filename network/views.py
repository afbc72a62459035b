"""The directory of members' cards, a member's own card, messages through the hub and their abuse reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

import rules
from allauth.core import ratelimit

from common.pagination import paginate
from common.params import InvalidParameter
from network.directory import DirectoryQuery, cards_page
from network.emails import send_abuse_report, send_contact_mail
from network.forms import CardForm, ContactForm, ReportForm
from network.models import Card, ContactMessage, RecipientKind
from network.recipients import find

CARDS_PER_PAGE = 24


@require_GET
def directory(request):
    status = 200
    try:
        query = DirectoryQuery.from_params(request.GET)
        filter_error = None
    except InvalidParameter as error:
        query, filter_error, status = DirectoryQuery(), error, 400
    page = paginate(request, query.cards(), per_page=CARDS_PER_PAGE)
    context = {"query": query, "cards": cards_page(page), "filter_error": filter_error, **query.choices()}
    return render(request, "network/directory.html", context, status=status)


@login_required
def card(request):
    """A member's own card: the directory opt-in, its texts, and whether the hub forwards messages."""
    own, _created = Card.objects.get_or_create(user=request.user)
    form = CardForm(request.POST or None, instance=own)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your card has been saved."))
        return redirect("network:card")
    return render(request, "network/card_form.html", {"form": form, "card": own})


@login_required
def contact(request, kind, pk):
    if not rules.has_perm("network.send_message", request.user):
        return render(request, "network/verification_required.html", status=403)
    recipient = find(kind, pk) if kind in RecipientKind.values else None
    if recipient is None or (recipient.user is not None and recipient.user.pk == request.user.pk):
        raise Http404(_("There is nobody to write to here."))
    back = recipient.page_url or reverse("network:directory")
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = f"{recipient.kind}:{recipient.key}"
        pair = f"{key}:{request.user.pk}"
        if not (
            ratelimit.consume(request, action="contact_receive", key=key, dry_run=True)
            and ratelimit.consume(request, action="contact_pair", key=pair, dry_run=True)
            and ratelimit.consume(request, action="contact_send", user=request.user)
            and ratelimit.consume(request, action="contact_pair", key=pair)
            and ratelimit.consume(request, action="contact_receive", key=key)
        ):
            form.add_error(
                None,
                _(
                    "Too many messages in a short time. Please try again later – what you wrote is still in "
                    "the form."
                ),
            )
            context = {"form": form, "recipient": recipient, "back": back}
            return render(request, "network/contact_form.html", context, status=429)
        with transaction.atomic():
            message = form.save(commit=False)
            message.sender = request.user
            message.recipient_kind, message.recipient_id = recipient.kind, recipient.id
            message.recipient_name = recipient.name[:200]
            message.save()
            transaction.on_commit(lambda: send_contact_mail(message.pk, recipient))
        messages.success(request, _("Your message to %(name)s is on its way.") % {"name": recipient.name})
        return redirect(back)
    return render(request, "network/contact_form.html", {"form": form, "recipient": recipient, "back": back})


def report(request, token):
    """Whoever received a message reports it to the editors (the link in the mail; no login needed)."""
    message = get_object_or_404(ContactMessage, report_token=token)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unreported = ContactMessage.objects.filter(pk=message.pk, reported_at__isnull=True)
        if unreported.update(reported_at=timezone.now()):  # two reports at once mail the editors once
            reason = form.cleaned_data["reason"].strip()
            transaction.on_commit(lambda: send_abuse_report(message.pk, reason))
        return render(request, "network/report_done.html", {"message": message})
    return render(request, "network/report_form.html", {"form": form, "message": message})
