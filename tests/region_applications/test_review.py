"""Editors move each application on (new, in conversation, accepted, declined) in the admin; nobody else sees it."""

from django.test import Client
from django.urls import reverse

import pytest

from region_applications.models import Application, ApplicationStatus
from tests.members.factories import UserFactory
from tests.region_applications.helpers import valid_data

INDEX = reverse("region_applications:index")


@pytest.fixture
def application(application_page):
    Client().post(application_page.url, valid_data())
    return Application.objects.get()


def edit_url(application):
    return reverse("region_applications:edit", args=[application.pk])


def test_a_sent_form_becomes_a_new_application_with_the_applicants_details(application):
    assert application.status == ApplicationStatus.NEW
    assert application.name == "Erika Muster"
    assert application.email == "erika@example.org"
    assert application.region_name == "Landkreis Neumarkt"
    assert application.changed_by is None


def test_editor_lists_applications_with_name_address_region_and_status(client, editor, application):
    client.force_login(editor)

    response = client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Erika Muster", "erika@example.org", "Landkreis Neumarkt", "Neu"):
        assert text in html


def test_editor_filters_by_status(client, editor, application, application_page):
    Client().post(application_page.url, valid_data(name="Bert Beispiel", e_mail="bert@example.org"))
    Application.objects.filter(name="Bert Beispiel").update(status=ApplicationStatus.DECLINED)
    client.force_login(editor)

    html = client.get(INDEX, {"status": "declined"}).content.decode()

    assert "Bert Beispiel" in html
    assert "Erika Muster" not in html


@pytest.mark.parametrize("value", ["unbekannt", "new\x00", "9" * 400])
def test_an_unknown_status_filter_is_no_server_error(client, editor, application, value):
    client.force_login(editor)

    response = client.get(INDEX, {"status": value})

    assert response.status_code in (200, 400)


def test_editor_sees_the_answers_and_a_link_to_the_submissions(client, editor, application, application_page):
    client.force_login(editor)

    response = client.get(edit_url(application))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Weil die Kommune gerade einen Klimaplan schreibt." in html
    assert reverse("wagtailforms:list_submissions", args=[application_page.pk]) in html


def test_editor_changes_status_and_note_and_is_remembered_as_who_changed_it(client, editor, application):
    client.force_login(editor)

    response = client.post(
        edit_url(application), {"status": "in_conversation", "note": "Telefonat am Montag."}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_CONVERSATION
    assert application.note == "Telefonat am Montag."
    assert application.changed_by == editor
    assert application.changed_at is not None
    assert "Telefonat am Montag." in client.get(edit_url(application)).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"status": "bewilligt", "note": ""},
        {"status": "accepted", "note": "x" * 5000},
        {"status": "accepted", "note": "mit\x00Nullbyte"},
    ],
)
def test_bad_input_is_refused_and_changes_nothing(client, editor, application, data):
    client.force_login(editor)

    response = client.post(edit_url(application), data)

    assert response.status_code in (200, 400)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW
    assert application.note == ""


def test_an_unknown_application_is_not_found(client, editor, application):
    client.force_login(editor)

    assert client.get(reverse("region_applications:edit", args=[application.pk + 1000])).status_code == 404
    assert client.get(reverse("region_applications:edit", args=[10**30])).status_code in (400, 404)


def test_nobody_adds_or_deletes_applications_here(client, editor, application):
    client.force_login(editor)

    assert client.get(reverse("region_applications:add")).status_code in (302, 403)
    client.post(reverse("region_applications:delete", args=[application.pk]))
    assert Application.objects.filter(pk=application.pk).exists()


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator"])
def test_others_never_see_applications(client, application, moderator, who):
    if who == "member":
        client.force_login(UserFactory(verified=True))
    elif who == "moderator":
        client.force_login(moderator)

    for url in (INDEX, edit_url(application)):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Erika Muster" not in response.content.decode()
    response = client.post(edit_url(application), {"status": "accepted", "note": "übernommen"})
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW


def test_the_admin_menu_shows_applications_to_editors_only(client, editor, moderator):
    client.force_login(editor)
    assert INDEX in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(moderator)
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()
