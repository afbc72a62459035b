"""The two mails an application sends: a confirmation to the applicant and a notice to the team.

The applicant has no account: the confirmation goes out in the language they applied in (that of the request,
and of the page, whose address it repeats). Each member of the team reads the notice in their own account's
language (``members.language``); an address without an account gets the language of the application.

Both are plain text only (no HTML part), so whatever someone typed into the form reaches the reader as
text and can never become markup or a link the hub vouches for.
"""

import datetime

from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.admin.mail import send_mail

from members.language import active, addresses_by_language, in_language


def applicant_address(page, form):
    """The address typed into the form's first e-mail field, or "" (no such field, or left empty)."""
    for field in form.answer_fields():
        if isinstance(field.field, forms.EmailField):
            return form.cleaned_data.get(field.name) or ""
    return ""


def answers(form):
    """(label, text) for every field of a valid form, in the form's order."""
    rows = []
    for field in form.answer_fields():
        if field.name in form.cleaned_data:
            rows.append((_label(field.label), _text(form.cleaned_data[field.name])))
    return rows


def send_confirmation(page, form, address):
    """Thank the applicant, in the page's words only: the address is whatever was typed in, so repeating the
    answers would let anyone send their own text to a stranger from the hub. Replies go to the team."""
    with in_language(active()):
        body = render_to_string(
            "region_applications/emails/confirmation.txt", {"page": page, "page_url": page.full_url or ""}
        )
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    send_mail(
        _one_line(f"{prefix}{page.confirmation_subject}"),
        body,
        [address],
        page.from_address or None,
        reply_to=_team_addresses(page) or None,
    )


def send_team_notification(page, form):
    """Tell the team (the page's "to" addresses) about a new application, one mail per language the team
    reads; replies go to the applicant."""
    address = applicant_address(page, form)
    submissions_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailforms:list_submissions", args=[page.pk]
    )
    for language, team in addresses_by_language(_team_addresses(page)).items():
        with in_language(language):
            context = {**_context(page, form), "submissions_url": submissions_url, "reply_to": address}
            body = render_to_string("region_applications/emails/notification.txt", context)
            subject = page.subject or _("New application: %(title)s") % {"title": page.title}
        send_mail(
            _one_line(subject),
            body,
            team,
            page.from_address or None,
            reply_to=[address] if address else None,
        )


def _context(page, form):
    return {"page": page, "page_url": page.full_url or "", "answers": answers(form)}


def _team_addresses(page):
    return [address.strip() for address in page.to_address.split(",") if address.strip()]


def _one_line(text):
    # Mail headers must not contain line breaks (Django refuses them with BadHeaderError).
    return " ".join(str(text).split())


def _label(label):
    return label if label.rstrip().endswith(("?", ":", "!", ".")) else f"{label}:"


def _text(value):
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return formats.localize(value)
