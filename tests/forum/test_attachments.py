"""Uploads are checked by size and content; the extension must match; the post text is kept."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from machina.apps.forum_conversation.forum_attachments.models import Attachment
from machina.apps.forum_conversation.models import Topic

from tests.forum.factories import make_topic
from tests.forum.helpers import create_topic_url, post_data, topic_url


def png_bytes():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def upload_data(upload, subject="Mit Anhang", content="Siehe Anhang."):
    data = post_data(subject, content)
    data.update(
        {
            "attachment-TOTAL_FORMS": "1",
            "attachment-0-file": upload,
            "attachment-0-comment": "Flyer",
        }
    )
    return data


@pytest.fixture
def author(client, member, settings):
    settings.FORUM_POST_MIN_INTERVAL_SECONDS = 0
    client.force_login(member)
    return member


def test_a_valid_pdf_is_attached_and_downloadable(client, field_forum, author):
    upload = SimpleUploadedFile("flyer.pdf", PDF, content_type="application/pdf")
    assert client.post(create_topic_url(field_forum), upload_data(upload)).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.post.topic.subject == "Mit Anhang"
    response = client.get(reverse("forum_conversation:attachment", kwargs={"pk": attachment.pk}))
    assert response.status_code == 200


def test_a_png_is_accepted(client, field_forum, author):
    upload = SimpleUploadedFile("bild.png", png_bytes(), content_type="image/png")
    assert client.post(create_topic_url(field_forum), upload_data(upload)).status_code == 302

    attachment = Attachment.objects.get()
    topic = Topic.objects.get()
    assert attachment.post == topic.first_post and attachment.post.poster == author
    assert attachment.file.name.endswith(".png") and attachment.comment == "Flyer"
    with attachment.file.open("rb") as stored:
        assert stored.read() == png_bytes()
    download_url = reverse("forum_conversation:attachment", kwargs={"pk": attachment.pk})
    download = client.get(download_url)
    assert download.status_code == 200 and download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content if download.streaming else [download.content]) == png_bytes()
    page = client.get(topic_url(topic)).content.decode()
    assert f'<a href="{download_url}">Flyer</a>' in page


def test_too_big(client, field_forum, author, settings):
    settings.FORUM_ATTACHMENT_MAX_BYTES = 1000
    upload = SimpleUploadedFile("gross.pdf", PDF + b"0" * 2000, content_type="application/pdf")
    response = client.post(create_topic_url(field_forum), upload_data(upload, content="Mein wichtiger Text"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ist 2,0" in html and "erlaubt sind höchstens 1000" in html
    assert "Mein wichtiger Text" in html
    assert not Topic.objects.exists()


def test_wrong_type_by_content_even_with_an_allowed_name(client, field_forum, author):
    upload = SimpleUploadedFile(
        "harmlos.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf"
    )
    response = client.post(create_topic_url(field_forum), upload_data(upload, content="Text bleibt"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "hat ein nicht erlaubtes Format. Erlaubt sind: PDF, JPEG, PNG, GIF, WebP." in html
    assert "Text bleibt" in html
    assert not Attachment.objects.exists()


def test_html_disguised_as_image_is_refused(client, field_forum, author):
    upload = SimpleUploadedFile(
        "bild.png", b"<html><script>alert(1)</script></html>", content_type="image/png"
    )
    response = client.post(create_topic_url(field_forum), upload_data(upload))
    assert "nicht erlaubtes Format" in response.content.decode()


def test_renamed_file_extension_must_match_the_content(client, field_forum, author):
    upload = SimpleUploadedFile("foto.pdf", png_bytes(), content_type="application/pdf")
    response = client.post(create_topic_url(field_forum), upload_data(upload, content="Text bleibt"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "passt nicht zu ihrem Inhalt (PNG)" in html and "„.png“" in html
    assert "Text bleibt" in html
    assert not Attachment.objects.exists()


def test_visitors_do_not_download_attachments(client, field_forum, member):
    topic = make_topic(field_forum, member)
    attachment = Attachment.objects.create(
        post=topic.first_post, file=SimpleUploadedFile("flyer.pdf", PDF), comment=""
    )
    client.logout()
    response = client.get(reverse("forum_conversation:attachment", kwargs={"pk": attachment.pk}))
    assert response.status_code in (302, 403)
    assert "nur für angemeldete Mitglieder" in client.get(topic_url(topic)).content.decode()


def test_file_objects_are_read_from_the_start(field_forum):
    from forum.machina.forum_conversation.forum_attachments.forms import check_upload

    upload = SimpleUploadedFile("flyer.pdf", PDF)
    upload.read(5)
    check_upload(upload)
    assert upload.tell() == 5


def test_stored_under_a_random_name(client, field_forum, author):
    import os

    upload = SimpleUploadedFile("Mein Flyer.PDF", PDF, content_type="application/pdf")
    data = upload_data(upload)
    data["attachment-0-comment"] = ""
    assert client.post(create_topic_url(field_forum), data).status_code == 302
    attachment = Attachment.objects.get()
    stored = os.path.basename(attachment.file.name)
    assert "Flyer" not in attachment.file.name
    name, extension = os.path.splitext(stored)
    assert len(name) == 32 and int(name, 16) >= 0 and extension == ".pdf"
    assert attachment.comment == "Mein Flyer.PDF"  # the chosen name stays visible
    page = client.get(topic_url(attachment.post.topic)).content.decode()
    assert "Mein Flyer.PDF" in page and stored not in page
