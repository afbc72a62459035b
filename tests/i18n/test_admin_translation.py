"""Editors translate pages in the admin with wagtail-localize, and hand PO files to outside translators."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation

import polib
import pytest

from actions.models import ActionPage
from tests.actions.factories import ActionPageFactory
from tests.helpers import english_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(action_index):
    page = ActionPageFactory(parent=action_index, title="Saatgut-Tauschbörse", slug="saatgut")
    english_tree()
    return page


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def submit(client, page, english):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]}
    )


def test_an_editor_starts_a_translation_and_exports_it_as_po(client, editor, action, english):
    client.force_login(editor)

    response = submit(client, action, english)

    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=action.translation_key, target_locale=english)
    page_in_english = ActionPage.objects.get(translation_key=action.translation_key, locale=english)
    assert page_in_english.alias_of_id is None  # a translation now, no longer the German page's alias
    po = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert po.status_code == 200
    assert "Saatgut-Tauschbörse" in [entry.msgid for entry in polib.pofile(po.content.decode())]


def test_an_editor_imports_a_translated_po_file(client, editor, action, english):
    client.force_login(editor)
    submit(client, action, english)
    translation = Translation.objects.get(source__object_id=action.translation_key, target_locale=english)
    po = polib.pofile(
        client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).content.decode()
    )
    for entry in po:
        if entry.msgid == "Saatgut-Tauschbörse":
            entry.msgstr = "Seed swap"

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("seed-swap.po", str(po).encode()), "next": "/admin/"},
    )

    assert response.status_code == 302
    translation.save_target(publish=True)
    assert ActionPage.objects.get(translation_key=action.translation_key, locale=english).title == "Seed swap"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02 not a PO file",
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n',
        b"msgid " + b"x" * 3_000_000,
    ],
    ids=["empty", "binary", "no-translation-id", "huge"],
)
def test_a_bad_po_upload_is_refused_with_a_message_not_a_500(client, editor, action, english, content):
    client.force_login(editor)
    submit(client, action, english)
    translation = Translation.objects.get(source__object_id=action.translation_key, target_locale=english)

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("bad.po", content), "next": "/admin/"},
    )

    assert response.status_code in (302, 400)
    assert ActionPage.objects.get(translation_key=action.translation_key, locale=english).title == (
        "Saatgut-Tauschbörse"
    )


def test_members_and_visitors_cannot_translate_or_download(client, member, action, english):
    client.force_login(member)
    assert submit(client, action, english).status_code in (302, 403)
    assert not Translation.objects.exists()
    client.logout()
    response = submit(client, action, english)
    assert response.status_code == 302 and "/login/" in response["Location"]
