"""Progress reports: who may write, edit and delete them; uploads checked by content; bad input."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from PIL import Image

from tests.members.factories import UserFactory
from tests.working_groups.factories import ProgressReportFactory, add_member
from working_groups.models import Membership, ProgressReport

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def write_url(group):
    return reverse("working_groups:write_report", args=[group.slug])


def png(size=(40, 30), exif=False):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    if exif:
        data = Image.Exif()
        data[0x010F] = "Kamerahersteller"
        image.save(buffer, format="JPEG", exif=data)
        return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("bild.png", buffer.getvalue(), content_type="image/png")


def data(**extra):
    return {
        "date": timezone.localdate().isoformat(),
        "title": "Erstes Treffen",
        "text": "Wir waren 12.",
        **extra,
    }


def test_contact_writes_a_report_with_picture_and_document(client, group, contact):
    client.force_login(contact)
    assert client.get(write_url(group)).status_code == 200
    response = client.post(
        write_url(group),
        data(
            image=png(exif=True),
            image_alt="Gruppenfoto",
            document=SimpleUploadedFile("protokoll.pdf", MINIMAL_PDF, content_type="application/pdf"),
            document_title="Protokoll",
        ),
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get(group=group)
    assert report.author == contact
    assert report.image.name.endswith(".jpg") and "foto" not in report.image.name
    assert report.document.name.endswith(".pdf") and "protokoll" not in report.document.name
    with report.image.open() as stored, Image.open(stored) as image:
        assert not image.getexif()  # re-encoded without metadata
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Erstes Treffen" in page and report.image.url in page and 'alt="Gruppenfoto"' in page


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_team_and_editors_write_reports(client, group, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(write_url(group), data()).status_code == 302
    assert ProgressReport.objects.filter(group=group).count() == 1


@pytest.mark.parametrize("who", ["member", "other_contact", "other_moderator", "unverified"])
def test_others_may_not_write_reports(client, group, who, request):
    user = request.getfixturevalue(who)
    if who == "member":
        add_member(group, user)  # a plain member of the group
    client.force_login(user)
    assert client.get(write_url(group)).status_code == 403
    assert client.post(write_url(group), data()).status_code == 403
    assert not ProgressReport.objects.exists()


def test_anonymous_is_sent_to_the_login(client, group):
    assert client.post(write_url(group), data()).status_code == 302
    assert not ProgressReport.objects.exists()


def test_text_is_escaped(client, group, contact):
    client.force_login(contact)
    client.post(write_url(group), data(title="<b>Fett</b>", text="<script>alert(1)</script>\nZeile"))
    page = client.get(group.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;Fett&lt;/b&gt;" in page


@pytest.mark.parametrize(
    "bad",
    [
        {
            "image": SimpleUploadedFile("bild.png", b"GIF89a not really", content_type="image/png"),
            "image_alt": "x",
        },
        {"document": SimpleUploadedFile("text.pdf", b"MZ\x90\x00 an exe", content_type="application/pdf")},
        {
            "document": SimpleUploadedFile(
                "bild.pdf", b"\x89PNG\r\n\x1a\n....", content_type="application/pdf"
            )
        },
        {"image": png(), "image_alt": ""},  # a picture needs its description
        {"title": "x" * 151},
        {"text": "x" * 4001},
        {"title": "Null\x00Byte"},
        {"date": "99999-01-01"},
        {"date": "2999-01-01"},
        {"date": ""},
    ],
)
def test_bad_input_is_a_400_and_nothing_is_saved(client, group, contact, bad):
    client.force_login(contact)
    response = client.post(write_url(group), data(**bad))
    assert response.status_code == 400
    assert not ProgressReport.objects.exists()


def test_an_empty_post_answers_with_the_forms_errors(client, group, contact):
    client.force_login(contact)
    response = client.post(write_url(group), {})
    assert response.status_code == 400 and "title" in response.context["form"].errors
    report = ProgressReportFactory(group=group, author=contact)
    edit = reverse("working_groups:edit_report", args=[group.slug, report.pk])
    response = client.post(edit, {})
    assert response.status_code == 400 and "title" in response.context["form"].errors


def test_a_date_before_2000_is_refused_with_the_right_message(client, group, contact):
    client.force_login(contact)
    response = client.post(write_url(group), data(date="1999-12-31"))
    assert response.status_code == 400
    assert "2000" in " ".join(response.context["form"].errors["date"])


def test_too_large_document_is_refused(client, group, contact, settings):
    client.force_login(contact)
    big = SimpleUploadedFile(
        "gross.pdf", MINIMAL_PDF + b"0" * (10 * 1024 * 1024), content_type="application/pdf"
    )
    assert client.post(write_url(group), data(document=big)).status_code == 400


def huge_png(width, height):
    """A PNG of ``width`` × ``height`` RGBA pixels, all zero: a few hundred KB, built row by row (the test itself
    never holds the decoded picture)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 4 * width)  # filter byte and the pixels
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, payload):
        return (
            struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    content = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    return SimpleUploadedFile("riesig.png", content, content_type="image/png")


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(client, group, contact):
    upload = huge_png(8000, 8000)
    assert upload.size < 1024 * 1024
    client.force_login(contact)
    response = client.post(write_url(group), data(image=upload, image_alt="Nichts"))
    assert response.status_code == 400
    assert [error.code for error in response.context["form"].errors.as_data()["image"]] == ["too_many_pixels"]
    assert not ProgressReport.objects.exists()


def test_a_large_rotated_photo_is_shrunk_and_turned_upright(client, group, contact):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show
    Image.new("RGB", (4000, 3000), (10, 120, 10)).save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    client.force_login(contact)
    assert client.post(write_url(group), data(image=upload, image_alt="Wiese")).status_code == 302
    with Image.open(ProgressReport.objects.get().image.open()) as stored:
        assert stored.size == (1200, 1600)
        assert not stored.getexif()


def test_author_edits_and_deletes_their_report(client, group, contact):
    report = ProgressReportFactory(group=group, author=contact)
    client.force_login(contact)
    edit = reverse("working_groups:edit_report", args=[group.slug, report.pk])
    assert client.post(edit, data(title="Neu")).status_code == 302
    report.refresh_from_db()
    assert report.title == "Neu"
    client.post(reverse("working_groups:delete_report", args=[group.slug, report.pk]))
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("who", ["member", "other_contact", "other_moderator"])
def test_others_cannot_edit_or_delete_a_report(client, group, contact, who, request):
    report = ProgressReportFactory(group=group, author=contact, title="Bleibt")
    client.force_login(request.getfixturevalue(who))
    edit = reverse("working_groups:edit_report", args=[group.slug, report.pk])
    assert client.post(edit, data(title="Weg")).status_code == 404
    assert (
        client.post(reverse("working_groups:delete_report", args=[group.slug, report.pk])).status_code == 404
    )
    report.refresh_from_db()
    assert report.title == "Bleibt"


def test_another_contact_person_of_the_group_cannot_change_my_report(client, group, contact):
    colleague = UserFactory(verified=True)
    add_member(group, colleague, contact=True)
    report = ProgressReportFactory(group=group, author=contact)
    client.force_login(colleague)
    edit = reverse("working_groups:edit_report", args=[group.slug, report.pk])
    assert client.get(edit).status_code == 404


def test_a_former_contact_person_can_no_longer_change_their_report(client, group, contact):
    report = ProgressReportFactory(group=group, author=contact, title="Bleibt")
    edit = reverse("working_groups:edit_report", args=[group.slug, report.pk])
    delete = reverse("working_groups:delete_report", args=[group.slug, report.pk])
    client.force_login(contact)
    Membership.objects.filter(group=group, user=contact).update(is_contact=False)
    assert client.post(edit, data(title="Weg")).status_code == 404
    Membership.objects.filter(group=group, user=contact).delete()
    assert client.post(edit, data(title="Weg")).status_code == 404
    assert client.post(delete).status_code == 404
    report.refresh_from_db()
    assert report.title == "Bleibt"


def test_team_deletes_a_report_of_its_region(client, group, contact, moderator):
    report = ProgressReportFactory(group=group, author=contact)
    client.force_login(moderator)
    client.post(reverse("working_groups:delete_report", args=[group.slug, report.pk]))
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("pk", [0, 123_456, 2**40])
def test_unknown_report_ids_are_404(client, group, contact, pk):
    client.force_login(contact)
    assert client.get(f"/mitmachen/gruppen/{group.slug}/berichte/{pk}/bearbeiten/").status_code == 404


def test_reports_are_newest_first_and_paginated(client, group):
    for day in range(1, 13):
        ProgressReportFactory(group=group, title=f"Tag {day:02d}", date=timezone.localdate().replace(day=day))
    page = client.get(group.get_absolute_url()).content.decode()
    assert page.index("Tag 12") < page.index("Tag 11")
    assert "Tag 01" not in page
    assert "Tag 01" in client.get(group.get_absolute_url() + "?page=2").content.decode()
    assert client.get(group.get_absolute_url() + "?page=99").status_code == 404
    assert client.get(group.get_absolute_url() + "?page=x").status_code == 404
