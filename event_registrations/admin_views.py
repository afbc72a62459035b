"""The event team's pages in the Wagtail admin: registration settings and questions, the participants of each
date (attendance, CSV export) and a message to them. Editors and whoever may edit the event page (``team``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods

import rules

from common.spreadsheets import write_spreadsheet_csv
from event_registrations import mails, reminders, seats
from event_registrations.box import original_event_id
from event_registrations.forms import MessageForm, QuestionFormSet, SettingsForm
from event_registrations.models import Registration, RegistrationSettings, Status
from hub_events.models import EventPage


def _event_for_team(request, event_id):
    """The event (for a translation: its original, whose settings and participants every language shares)."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404(_("This event does not exist (any more)."))
    original = original_event_id(event)
    if original != event.pk:
        event = EventPage.objects.get(pk=original)
    if not rules.has_perm("event_registrations.manage", request.user, event):
        raise PermissionDenied(_("Only the event's team and the editors can do this."))
    return event


def _occurrence_from(request, event):
    """The date asked for (``?datum=`` as ISO time) — None for the whole event; 404 for an unknown one."""
    value = request.GET.get("datum", "") or request.POST.get("datum", "")
    if not value:
        return None
    try:
        parsed = parse_datetime(value) if len(value) <= 40 else None
    except ValueError:  # well formed but impossible, e.g. 30 February
        parsed = None
    if parsed is None or timezone.is_naive(parsed):
        raise Http404(_("This event has no such date."))
    if (
        not Registration.objects.filter(event=event, occurrence=parsed).exists()
        and event.occurrence_at(parsed) is None
    ):
        raise Http404(_("This event has no such date."))
    return parsed


def _participants_url(event, occurrence):
    url = reverse("event_registrations_admin_participants", args=[event.pk])
    return f"{url}?{urlencode({'datum': occurrence.isoformat()})}" if occurrence else url


@require_http_methods(["GET", "POST"])
def settings_view(request, event_id):
    event = _event_for_team(request, event_id)
    instance = RegistrationSettings.objects.filter(event=event).first() or RegistrationSettings(event=event)
    form = SettingsForm(request.POST or None, instance=instance)
    questions = QuestionFormSet(request.POST or None, instance=instance, prefix="questions")
    status = 200
    if request.method == "POST":
        if form.is_valid() and questions.is_valid():
            with transaction.atomic():
                saved = form.save()
                questions.instance = saved
                questions.save()
            seats.move_up_everywhere(event.pk)
            reminders.reschedule_event(event.pk)
            messages.success(request, _("The registration settings have been saved."))
            return redirect("event_registrations_admin_settings", event.pk)
        status = 400
    context = {"event": event, "form": form, "questions": questions}
    return TemplateResponse(request, "event_registrations/admin/settings.html", context, status=status)


def _participants(event, occurrence):
    return (
        Registration.objects.filter(event=event, occurrence=occurrence)
        .exclude(status=Status.CANCELLED)
        .order_by("status", "queued_at", "confirmed_at", "pk")
    )


@require_http_methods(["GET", "POST"])
def participants_view(request, event_id):
    """The registrations of one date; POST marks attendance (``attended_<id>``: "yes", "no" or "")."""
    event = _event_for_team(request, event_id)
    occurrence = _occurrence_from(request, event)
    rows = list(_participants(event, occurrence))
    if request.method == "POST":
        values = {"yes": True, "no": False, "": None}
        changed = []
        for registration in rows:
            value = request.POST.get(f"attended_{registration.pk}")
            if value is None:
                continue
            if value not in values:
                return HttpResponse(_("Unknown attendance value."), status=400)
            if registration.status == Status.CONFIRMED and registration.attended != values[value]:
                registration.attended = values[value]
                changed.append(registration)
        Registration.objects.bulk_update(changed, ["attended"])
        messages.success(request, _("Attendance has been saved."))
        return redirect(_participants_url(event, occurrence))
    dates = sorted(
        set(Registration.objects.filter(event=event).values_list("occurrence", flat=True)),
        key=lambda value: (value is not None, value),
    )
    current = {date.start for date in event.occurrences()}
    active = Registration.objects.active().filter(event=event).values_list("occurrence", flat=True)
    context = {
        "event": event,
        "occurrence": occurrence,
        "dates": dates,
        "lost_dates": sorted({value for value in active if value is not None and value not in current}),
        "rows": rows,
        "confirmed": sum(row.status == Status.CONFIRMED for row in rows),
        "waiting": sum(row.status == Status.WAITING for row in rows),
    }
    return TemplateResponse(request, "event_registrations/admin/participants.html", context)


@require_GET
def participants_csv(request, event_id):
    event = _event_for_team(request, event_id)
    occurrence = _occurrence_from(request, event)
    header = [_("Name"), _("Email address"), _("Status"), _("Registered on"), _("Attended"), _("Answers")]
    attended = {True: _("yes"), False: _("no"), None: ""}
    rows = (
        [
            registration.name,
            registration.email,
            registration.get_status_display(),
            timezone.localtime(registration.requested_at).strftime("%Y-%m-%d %H:%M"),
            attended[registration.attended],
            " | ".join(f"{item['question']}: {item['answer']}" for item in registration.answers or []),
        ]
        for registration in _participants(event, occurrence).iterator(chunk_size=500)
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{pgettext('file name', 'participants')}-{event.slug}.csv"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    write_spreadsheet_csv(response, header, rows)
    return response


@require_http_methods(["GET", "POST"])
def message_view(request, event_id):
    """Write to every confirmed participant of a date: one mail each, in their language, through the queue."""
    event = _event_for_team(request, event_id)
    occurrence = _occurrence_from(request, event)
    form = MessageForm(request.POST or None)
    recipients = Registration.objects.filter(event=event, occurrence=occurrence, status=Status.CONFIRMED)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            registration_settings = RegistrationSettings.objects.filter(event=event).first()
            reply_to = (registration_settings.reply_to if registration_settings else "") or request.user.email
            subject, text = form.cleaned_data["subject"], form.cleaned_data["text"]
            count = 0
            # Every confirmed participant, however many: each mail is one task in the queue.
            for registration in recipients.select_related("event").iterator(chunk_size=500):
                transaction.on_commit(
                    lambda registration=registration: mails.send_team_message(
                        registration, subject, text, reply_to
                    )
                )
                count += 1
            messages.success(request, _("Your message goes to %(count)d participants.") % {"count": count})
            return redirect(_participants_url(event, occurrence))
        status = 400
    context = {"event": event, "form": form, "occurrence": occurrence, "count": recipients.count()}
    return TemplateResponse(request, "event_registrations/admin/message.html", context, status=status)
