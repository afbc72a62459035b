"""The admin in the editor's language: an editor who chose English in their Wagtail account sees our labels, help
texts, panel headings and choices in English, one who chose German sees them in German — whatever the page's
language and the browser's."""

from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

import pytest

from actions.blocks import StepsBlock
from home.blocks import CallToActionBlock
from tests.actions.factories import ActionPageFactory

pytestmark = pytest.mark.django_db

# What the ActionPage edit form shows of ours, per language: field labels, a help text, panel headings, a choice.
ENGLISH = [
    ">Summary<",
    "Effort, impact and resources",
    "Resources needed",
    "Sustainable Development Goals (SDGs)",
    "For example “an afternoon” or “3 months”.",
    ">low<",
]
GERMAN = [
    ">Kurzbeschreibung<",
    "Aufwand, Wirkung und Ressourcen",
    "Benötigte Ressourcen",
    "Nachhaltigkeitsziele (SDGs)",
    "Zum Beispiel „ein Nachmittag“ oder „3 Monate“.",
    ">gering<",
]


def edit_form(client, user, language, page, accept_language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), HTTP_ACCEPT_LANGUAGE=accept_language
    )
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def action(action_index):
    return ActionPageFactory(parent=action_index, title="Repair-Café")


def test_an_english_editor_sees_our_fields_in_english(client, editor, action):
    html = edit_form(client, editor, "en", action, accept_language="de")

    assert "Save draft" in html  # Wagtail's own strings: the admin is in English
    for text in ENGLISH:
        assert text in html
    for text in GERMAN:
        assert text not in html


def test_a_german_editor_sees_our_fields_in_german(client, editor, action):
    html = edit_form(client, editor, "de", action, accept_language="en")

    assert "Entwurf speichern" in html
    for text in GERMAN:
        assert text in html
    for text in ENGLISH:
        assert text not in html


def test_block_previews_follow_the_editors_language(db):
    """The examples the block chooser previews are in the editor's language, like the block labels."""
    with translation.override("en"):
        steps = StepsBlock().get_preview_value()
        call = CallToActionBlock().get_preview_value()
        assert (str(steps["title"]), str(steps["steps"][0]["title"])) == (
            "Step by step",
            "Find people to join you",
        )
        assert (str(call["title"]), str(call["button_label"])) == (
            "Is your region still missing?",
            "Start a region",
        )
    with translation.override("de"):
        assert str(StepsBlock().get_preview_value()["steps"][1]["title"]) == "Termin und Ort festlegen"
        assert str(CallToActionBlock().get_preview_value()["button_label"]) == "Region starten"
