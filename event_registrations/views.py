"""Registering (members in one click, guests with a mailed link), confirming, cancelling, and a member's own
registrations."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

import rules
from allauth.core import ratelimit

from event_registrations import seats
from event_registrations.box import settings_of
from event_registrations.dates import has_begun, key_for, upcoming_dates, with_cancel_state
from event_registrations.forms import RegistrationForm
from event_registrations.links import registration_id_from
from event_registrations.models import ACTIVE, Registration, Status
from hub_events.models import EventPage
from members.language import active, language_of

REFUSALS = {
    "closed": gettext_lazy("Registration for this date is not open."),
    "duplicate": gettext_lazy("You are already registered for this date (or on its waiting list)."),
    "full": gettext_lazy("This date is fully booked."),
    "over": gettext_lazy("This date has already begun: the registration can no longer be cancelled."),
}


def _event_and_settings(event_id):
    event = EventPage.objects.live().public().filter(pk=event_id).first()
    registration_settings = settings_of(event) if event else None
    if registration_settings is None or registration_settings.event_id != event.pk:
        raise Http404(_("This event takes no registrations here."))
    return event, registration_settings


def _back_to(request, fallback):
    """Where to go after a form of the event page: the page it was sent from (an event's translation), if ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _refusal(reason):
    return str(REFUSALS[reason])


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, event_id):
    """Members with a confirmed address register at once; everyone else as a guest, confirmed by mail."""
    event, registration_settings = _event_and_settings(event_id)
    as_member = rules.has_perm("event_registrations.register_as_member", request.user)
    open_dates = [date for date in upcoming_dates(event) if registration_settings.is_open(date.start)]
    form = RegistrationForm(
        request.POST or None,
        registration_settings=registration_settings,
        questions=registration_settings.questions.all(),
        dates=open_dates if registration_settings.per_date else (),
        guest=not as_member,
        initial={"date": request.GET.get("datum", "")[:40]},
    )
    context = {"event": event, "settings": registration_settings, "form": form, "as_member": as_member}
    if request.method == "GET":
        context["closed"] = not open_dates
        return render(request, "event_registrations/register.html", context)
    if not open_dates:
        form.add_error(None, _refusal("closed"))
        return render(request, "event_registrations/register.html", context, status=409)
    if not form.is_valid():
        return render(request, "event_registrations/register.html", context, status=400)
    date = form.chosen_date() if registration_settings.per_date else open_dates[0]
    if as_member:
        person = {"user": request.user, "name": request.user.public_name, "email": request.user.email}
        language = language_of(request.user)
    else:
        person = {"name": form.cleaned_data["name"], "email": form.cleaned_data["email"]}
        language = active()
        address_hash = hashlib.sha256(person["email"].strip().lower().encode()).hexdigest()
        if not (
            ratelimit.consume(request, action="event_registration")
            and ratelimit.consume(request, action="event_registration_address", key=address_hash)
        ):
            form.add_error(None, _("Too many requests in a short time. Please try again later."))
            return render(request, "event_registrations/register.html", context, status=429)
    try:
        registration = seats.register(
            event,
            key_for(registration_settings, date),
            language=language,
            answers=form.answers(),
            consent_text=registration_settings.consent_text,
            **person,
        )
    except seats.RegistrationRefused as refused:
        if refused.reason == "duplicate" and not as_member:
            # Nobody learns from the guest form who is registered: the same answer as for a new guest.
            return render(request, "event_registrations/check_inbox.html", {"event": event})
        form.add_error(None, _refusal(refused.reason))
        return render(request, "event_registrations/register.html", context, status=409)
    if registration.status == Status.PENDING:
        return render(request, "event_registrations/check_inbox.html", {"event": event})
    if registration.status == Status.CONFIRMED:
        messages.success(request, _("You are registered. We have sent you a confirmation."))
    else:
        messages.info(request, _("The event is fully booked: you are on the waiting list."))
    return redirect(_back_to(request, event.url or "/"))


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, secret):
    """A guest confirms their address: GET shows a button (mail scanners open links), POST confirms."""
    registration = seats.pending_for(secret)
    if registration is None:
        return render(request, "event_registrations/link_invalid.html", status=404)
    if registration.confirmation_expires_at < timezone.now():
        return render(request, "event_registrations/link_invalid.html", {"expired": True}, status=410)
    context = {"registration": registration, "event": registration.event}
    if request.method == "GET":
        return render(request, "event_registrations/confirm.html", context)
    try:
        context["registration"] = seats.confirm_guest(registration)
    except seats.RegistrationRefused as refused:
        context["refusal"] = _refusal(refused.reason)
        return render(request, "event_registrations/confirmed.html", context, status=409)
    return render(request, "event_registrations/confirmed.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """The cancel link of every mail: no login; GET shows a button, POST cancels."""
    registration_id = registration_id_from(token)
    registration = (
        Registration.objects.select_related("event").filter(pk=registration_id).first()
        if registration_id
        else None
    )
    if registration is None:
        return render(request, "event_registrations/link_invalid.html", status=404)
    context = {"registration": registration, "event": registration.event}
    if registration.status in ACTIVE and has_begun(registration):
        context["refusal"] = _refusal("over")
        return render(request, "event_registrations/cancel.html", context, status=409)
    if request.method == "POST":
        try:
            seats.cancel(registration)
        except seats.RegistrationRefused as refused:  # it began in the meantime
            context["refusal"] = _refusal(refused.reason)
            return render(request, "event_registrations/cancel.html", context, status=409)
        return render(request, "event_registrations/cancelled.html", context)
    if registration.status not in ACTIVE:
        return render(request, "event_registrations/cancelled.html", context)
    return render(request, "event_registrations/cancel.html", context)


@login_required
@require_POST
def cancel_own(request, pk):
    """A member cancels from the event page or from "My registrations"."""
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk, user=request.user)
    try:
        cancelled = seats.cancel(registration)
    except seats.RegistrationRefused as refused:
        messages.error(request, _refusal(refused.reason))
        return redirect(_back_to(request, registration.event.url or "/"))
    if cancelled:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect(_back_to(request, registration.event.url or "/"))


@never_cache
@login_required
def mine(request):
    registrations = (
        Registration.objects.filter(user=request.user, status__in=ACTIVE)
        .select_related("event")
        .order_by("occurrence", "requested_at")
    )
    return render(
        request, "event_registrations/mine.html", {"registrations": with_cancel_state(registrations)}
    )
