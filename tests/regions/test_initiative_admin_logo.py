"""A logo an editor uploads in the admin gets the checks of the members' form, and logo files go with their
initiative however it is deleted."""

import io

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from regions.models import ApprovalStatus, Initiative
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def png_with_exif(name="Portrait Olga Musterfrau.png"):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010E] = "Olga Musterfrau, Hauptstraße 5"  # ImageDescription
    Image.new("RGB", (60, 60), "green").save(buffer, format="PNG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def data(initiative, **extra):
    return {
        "name": initiative.name,
        "kind": initiative.kind,
        "region": initiative.region_id,
        "website": "",
        "description": initiative.description,
        "links": "",
        "address": "",
        "location": "",
        "approval_status": ApprovalStatus.APPROVED,
        "review_note": "",
        **extra,
    }


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(editor=True))
    return client


def test_an_admin_upload_is_re_encoded_under_a_name_that_reveals_nothing(
    editor_client, region, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(region=region, approval_status=ApprovalStatus.APPROVED)
    url = reverse("wagtailsnippets_regions_initiative:edit", args=[initiative.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, data(initiative, logo=png_with_exif()))

    assert response.status_code == 302
    initiative.refresh_from_db()
    name = initiative.logo.name
    assert "Olga" not in name and "Portrait" not in name
    with default_storage.open(name) as stored:
        image = Image.open(stored)
        image.load()
        assert not image.getexif()  # no metadata left

    # Replaced: the old file goes.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, data(initiative, logo=png_with_exif("neu.png")))
    initiative.refresh_from_db()
    assert initiative.logo.name != name
    assert not default_storage.exists(name)
    default_storage.delete(initiative.logo.name)


def test_an_admin_upload_that_is_no_image_is_refused(editor_client, region):
    initiative = InitiativeFactory(region=region)
    url = reverse("wagtailsnippets_regions_initiative:edit", args=[initiative.pk])
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)></svg>", content_type="image/png")

    response = editor_client.post(url, data(initiative, logo=fake))

    assert response.status_code == 200  # the form again, with the error
    initiative.refresh_from_db()
    assert not initiative.logo


def test_deleting_an_initiative_in_the_admin_removes_its_logo_files(
    editor_client, region, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(region=region)
    initiative.logo.save("a.png", png_with_exif(), save=True)
    waiting = default_storage.save("initiatives/logos/waiting.png", png_with_exif())
    Initiative.objects.filter(pk=initiative.pk).update(proposed_changes={"logo": waiting})
    logo = initiative.logo.name

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("wagtailsnippets_regions_initiative:delete", args=[initiative.pk])
        )

    assert response.status_code == 302
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    assert not default_storage.exists(logo)
    assert not default_storage.exists(waiting)
