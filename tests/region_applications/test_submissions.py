"""Applying: what is stored, which mails go out, and what happens to bad input, bots and mail failures."""

import smtplib

from django.core import mail
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission

import pytest

from region_applications.forms import HONEYPOT_FIELD, MULTILINE_MAX_LENGTH
from tests.region_applications.factories import TEAM_ADDRESS, RegionApplicationPageFactory, add_fields
from tests.region_applications.helpers import valid_data


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_valid_application_is_stored_and_confirmed(client, application_page):
    response = client.post(application_page.url, valid_data())

    assert response.status_code == 200
    assert "Deine Bewerbung ist angekommen" in response.content.decode()
    assert "Eine Bestätigung haben wir an erika@example.org geschickt." in (response.content.decode())
    submission = FormSubmission.objects.get(page=application_page)
    assert submission.form_data == {
        "name": "Erika Muster",
        "e_mail": "erika@example.org",
        "regionort": "Landkreis Neumarkt",
        "warum_jetzt": "Weil die Kommune gerade einen Klimaplan schreibt.",
        "zustimmung_datenschutz": True,
    }

    (confirmation,) = mails_to("erika@example.org")
    assert confirmation.subject == "[Mitmach-Hub] Deine Bewerbung ist angekommen"
    assert "vielen Dank für deine Bewerbung" in confirmation.body
    assert "Deine Bewerbung über „Region starten“ ist bei uns angekommen." in confirmation.body
    assert confirmation.reply_to == [TEAM_ADDRESS]

    (notification,) = mails_to(TEAM_ADDRESS)
    assert notification.subject == "Neue Bewerbung: Region starten"
    assert "Name:\nErika Muster" in notification.body
    assert f"/admin/forms/submissions/{application_page.pk}/" in notification.body
    assert notification.reply_to == ["erika@example.org"]
    assert len(mail.outbox) == 2


def test_without_team_address_only_the_applicant_gets_a_mail(client, home_page):
    page = add_fields(RegionApplicationPageFactory(parent=home_page, slug="bewerben", to_address=""))

    client.post(page.url, valid_data())

    assert [message.to for message in mail.outbox] == [["erika@example.org"]]


def test_without_an_email_field_there_is_no_confirmation(client, home_page):
    page = add_fields(
        RegionApplicationPageFactory(parent=home_page, slug="bewerben"),
        [("Name", "singleline", True)],
    )

    response = client.post(page.url, {"name": "Erika"})

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1
    assert [message.to for message in mail.outbox] == [[TEAM_ADDRESS]]


def test_invalid_input_keeps_what_was_typed_and_shows_german_errors(client, application_page):
    too_long = "x" * (MULTILINE_MAX_LENGTH + 1)
    data = valid_data(name="", e_mail="kein-mail", warum_jetzt=too_long, zustimmung_datenschutz="")
    del data["zustimmung_datenschutz"]

    response = client.post(application_page.url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfe die markierten Angaben." in html
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert f"höchstens {MULTILINE_MAX_LENGTH} Zeichen" in html
    # What the person typed stays in the form.
    assert 'value="kein-mail"' in html
    assert 'value="Landkreis Neumarkt"' in html
    assert too_long in html
    # Each field points at its error message.
    assert 'aria-describedby="id_e_mail_error"' in html
    assert 'id="id_e_mail_error"' in html
    assert 'aria-invalid="true"' in html
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_length_limits_reach_the_browser(client, application_page):
    html = client.get(application_page.url).content.decode()

    assert 'maxlength="255"' in html  # Wagtail's limit for single-line text
    assert f'maxlength="{MULTILINE_MAX_LENGTH}"' in html
    assert 'autocomplete="email"' in html


def test_filled_honeypot_is_refused_and_stores_nothing(client, application_page):
    response = client.post(application_page.url, valid_data(**{HONEYPOT_FIELD: "https://spam.example"}))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Deine Bewerbung wurde nicht gespeichert" in html
    assert 'value="Erika Muster"' in html  # a person who tripped it keeps their input …
    assert "https://spam.example" not in html  # … and gets an empty trap to send again
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people_and_screen_readers(client, application_page):
    html = client.get(application_page.url).content.decode()

    position = html.index(f'name="{HONEYPOT_FIELD}"')
    trap = html[position - 300 : position]
    assert 'aria-hidden="true"' in trap
    assert "form-field--trap" in trap
    assert 'tabindex="-1"' in html[position - 100 : position + 200]


def test_honeypot_value_is_never_stored(client, application_page):
    client.post(application_page.url, valid_data())

    assert HONEYPOT_FIELD not in FormSubmission.objects.get().form_data
    assert HONEYPOT_FIELD not in mail.outbox[0].body


def test_user_input_in_the_mails_is_plain_text(client, application_page):
    markup = '<a href="https://spam.example">Gewinn</a> & <script>alert(1)</script>'

    client.post(application_page.url, valid_data(name=markup, warum_jetzt=markup))

    (notification,) = mails_to(TEAM_ADDRESS)
    for message in mail.outbox:
        assert message.content_subtype == "plain"
        assert getattr(message, "alternatives", []) == []
    # Literal text for the team, neither escaped nor turned into markup.
    assert markup in notification.body
    assert "&lt;" not in notification.body


def test_the_confirmation_carries_nothing_the_applicant_typed(client, application_page):
    """The address is whatever was typed in: a stranger's inbox must not get text of the sender's choice."""
    spam = "Billige Uhren unter https://spam.example"

    client.post(application_page.url, valid_data(name=spam, regionort=spam, warum_jetzt=spam))

    (confirmation,) = mails_to("erika@example.org")
    assert "spam.example" not in confirmation.body
    assert "Billige Uhren" not in confirmation.body


def test_markup_is_escaped_when_the_form_is_shown_again(client, application_page):
    response = client.post(
        application_page.url, valid_data(e_mail="", warum_jetzt="<script>alert(1)</script>")
    )

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_failed_confirmation_loses_nothing(client, application_page, monkeypatch, caplog):
    def refuse(page, form, address):
        raise smtplib.SMTPException("mail server down")

    monkeypatch.setattr("region_applications.emails.send_confirmation", refuse)

    response = client.post(application_page.url, valid_data())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Deine Bewerbung ist angekommen" in html
    assert "konnten wir leider nicht verschicken" in html
    assert FormSubmission.objects.filter(page=application_page).count() == 1
    assert "Could not send the confirmation" in caplog.text
    assert [message.to for message in mail.outbox] == [[TEAM_ADDRESS]]


def test_a_failed_team_notification_loses_nothing(client, application_page, monkeypatch, caplog):
    def refuse(page, form):
        raise smtplib.SMTPException("mail server down")

    monkeypatch.setattr("region_applications.emails.send_team_notification", refuse)

    response = client.post(application_page.url, valid_data())

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=application_page).count() == 1
    assert "Could not notify the team" in caplog.text
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]


def test_rate_limit_keeps_the_input(client, application_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "region_application": "1/h/ip"}

    assert client.post(application_page.url, valid_data()).status_code == 200
    response = client.post(application_page.url, valid_data(name="Noch einmal"))

    assert response.status_code == 429
    assert 'value="Noch einmal"' in response.content.decode()
    assert FormSubmission.objects.count() == 1


@pytest.mark.parametrize(("mode", "text"), [("form", "Bewerbung absenden"), ("landing", "Dankestext")])
def test_editors_can_preview_form_and_landing_page(admin_client, application_page, mode, text):
    application_page.thank_you_text = "<p>Dankestext</p>"
    application_page.save_revision()
    url = reverse("wagtailadmin_pages:view_draft", args=[application_page.pk])

    response = admin_client.get(url, {"mode": mode})

    assert response.status_code == 200
    assert text in response.content.decode()


def test_huge_numbers_and_urls_are_refused_not_stored(client, home_page):
    fields = [("E-Mail", "email", True), ("Anzahl", "number", True), ("Webseite", "url", False)]
    page = add_fields(RegionApplicationPageFactory(parent=home_page, slug="zahlen"), fields)

    response = client.post(
        page.url,
        {"e_mail": "erika@example.org", "anzahl": "9" * 5000, "webseite": "https://example.org/" + "a" * 600},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte sicherstellen, dass der Wert höchstens 15 Ziffern enthält." in html
    assert "höchstens 500 Zeichen" in html
    assert FormSubmission.objects.count() == 0
