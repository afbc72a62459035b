"""The editors' side: submissions in Wagtail's "Formulare" area, and the rule about the e-mail field."""

from django.test import Client
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from region_applications.models import RegionApplicationPage
from tests.members.factories import UserFactory
from tests.region_applications.factories import RegionApplicationPageFactory
from tests.region_applications.helpers import valid_data


@pytest.fixture
def submitted(application_page):
    Client().post(application_page.url, valid_data())
    assert FormSubmission.objects.count() == 1
    return application_page


def test_editor_sees_the_form_in_the_forms_menu(client, submitted):
    client.force_login(UserFactory(editor=True))

    response = client.get(reverse("wagtailforms:index"))

    assert response.status_code == 200
    assert "Region starten" in response.content.decode()


def test_editor_sees_the_submissions(client, submitted):
    client.force_login(UserFactory(editor=True))

    response = client.get(reverse("wagtailforms:list_submissions", args=[submitted.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Erika Muster" in html
    assert "erika@example.org" in html


def test_editor_can_export_the_submissions_as_csv(client, submitted):
    client.force_login(UserFactory(editor=True))

    response = client.get(reverse("wagtailforms:list_submissions", args=[submitted.pk]), {"export": "csv"})

    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    )
    assert "Warum jetzt?" in content
    assert "Erika Muster" in content


@pytest.mark.parametrize("who", ["member", "anonymous"])
def test_others_cannot_see_the_submissions(client, submitted, who):
    if who == "member":
        client.force_login(UserFactory(verified=True))

    response = client.get(reverse("wagtailforms:list_submissions", args=[submitted.pk]))

    assert response.status_code in (302, 403)
    assert "Erika Muster" not in response.content.decode()


def test_regional_moderator_cannot_see_the_submissions(client, submitted, moderator):
    client.force_login(moderator)

    response = client.get(reverse("wagtailforms:list_submissions", args=[submitted.pk]))

    assert response.status_code in (302, 403)
    assert "Erika Muster" not in response.content.decode()


# --- the admin form ---------------------------------------------------------------------------


def edit_data(page, fields, action):
    """The page's edit form as the admin posts it, with ``fields`` as (label, type, required) rows."""
    rows = [
        {"label": label, "field_type": field_type, "required": required, "ORDER": order}
        for order, (label, field_type, required) in enumerate(fields)
    ]
    for row in rows:
        if not row["required"]:
            del row["required"]  # an unticked checkbox is not posted
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(""),
            "closed_text": rich_text("<p>Vorbei.</p>"),
            "thank_you_text": rich_text("<p>Danke!</p>"),
            "confirmation_subject": "Danke",
            "confirmation_text": "Danke für deine Bewerbung.",
            "to_address": "",
            "from_address": "",
            "subject": "",
            "deadline": "",
            "form_fields": inline_formset(rows),
        }
    )
    if action == "publish":
        data["action-publish"] = "action-publish"
    return data


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(editor=True))
    return client


@pytest.fixture
def blank_page(home_page):
    """A page without form fields yet: the edit form posts only new rows."""
    return RegionApplicationPageFactory(parent=home_page, slug="bewerben")


def edit(client, page, fields, action):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, edit_data(page, fields, action), follow=True)


def test_publishing_without_an_email_field_is_refused(editor_client, blank_page):
    response = edit(editor_client, blank_page, [("Name", "singleline", True)], "publish")

    html = response.content.decode()
    assert "Das Formular braucht ein Feld vom Typ „E-Mail“" in html
    assert RegionApplicationPage.objects.get(pk=blank_page.pk).form_fields.count() == 0


def test_publishing_with_an_optional_first_email_field_is_refused(editor_client, blank_page):
    fields = [("Name", "singleline", True), ("E-Mail", "email", False), ("Zweite E-Mail", "email", True)]

    html = edit(editor_client, blank_page, fields, "publish").content.decode()

    assert "Das erste Feld vom Typ „E-Mail“ („E-Mail“) muss ein Pflichtfeld sein" in html


def test_a_draft_without_an_email_field_may_be_saved(editor_client, blank_page):
    response = edit(editor_client, blank_page, [("Name", "singleline", True)], "save")

    assert "Das Formular braucht ein Feld" not in response.content.decode()
    draft = RegionApplicationPage.objects.get(pk=blank_page.pk).get_latest_revision().as_object()
    assert [field.label for field in draft.form_fields.all()] == ["Name"]


def test_publishing_with_a_required_email_field_works(editor_client, blank_page):
    fields = [("Name", "singleline", True), ("E-Mail", "email", True)]

    edit(editor_client, blank_page, fields, "publish")

    page = RegionApplicationPage.objects.get(pk=blank_page.pk)
    assert [field.clean_name for field in page.form_fields.all()] == ["name", "e_mail"]


def test_the_edit_form_shows_the_submissions_panel(editor_client, submitted):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))

    assert response.status_code == 200
    assert "Eingegangene Bewerbungen" in response.content.decode()
