"""The member's own profile: viewing, editing, the opt-in map card, avatar uploads and escaping."""

import io
import os

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

import pytest
from PIL import Image

from home.models import FieldOfAction
from members.models import User
from regions.models import ApprovalStatus, RegionMembership, RegionModerator
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory

EDIT = reverse("members:profile_edit")
PROFILE = reverse("members:profile")


def image_file(name="bild.png", fmt="PNG", size=(64, 64), **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", size, (36, 87, 47)).save(buffer, format=fmt, **save_options)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def profile_data(**overrides):
    data = {
        "display_name": "Ada Mitmacherin",
        "organisation": "Repair-Café Neumarkt",
        "bio": "Ich repariere gern.",
        "map_place": "",
        "latitude": "",
        "longitude": "",
    }
    data.update(overrides)
    return data


def test_profile_needs_login(client, db):
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_edit_needs_login(client, db):
    assert client.get(EDIT).status_code == 302
    assert client.post(EDIT, profile_data()).status_code == 302


def test_profile_lists_regions_teams_and_initiatives(member_client, member, region, region_index):
    other_region = RegionPageFactory(parent=region_index, title="Wendland", slug="wendland")
    RegionMembership.objects.create(user=member, region=region)
    RegionModerator.objects.create(user=member, region=other_region, role="Koordination")
    InitiativeFactory(name="Lastenrad Neumarkt", region=region, submitted_by=member)
    InitiativeFactory(
        name="Saatgut-Tausch", region=region, submitted_by=member, approval_status=ApprovalStatus.APPROVED
    )
    InitiativeFactory(name="Fremde Initiative", region=region, submitted_by=UserFactory(verified=True))

    response = member_client.get(PROFILE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Ada Mitmacherin</h1>" in html
    assert f'href="{region.url}"' in html
    assert "Neumarkt in der Oberpfalz" in html
    assert f'href="{other_region.url}"' in html
    assert "Koordination" in html
    assert "Lastenrad Neumarkt" in html
    assert "Wartet auf Freigabe" in html
    assert "Saatgut-Tausch" in html
    assert "Fremde Initiative" not in html


def test_profile_query_count_does_not_grow_with_memberships(
    member_client, member, region_index, django_assert_max_num_queries
):
    for number in range(6):
        region = RegionPageFactory(parent=region_index, title=f"Region {number}", slug=f"region-{number}")
        RegionMembership.objects.create(user=member, region=region)
        InitiativeFactory(region=region, submitted_by=member)

    with django_assert_max_num_queries(25):
        response = member_client.get(PROFILE)
    assert response.content.decode().count("dabei seit") == 6


def test_edit_saves_profile_and_fields_of_action(member_client, member):
    fields = list(FieldOfAction.objects.all()[:2])

    response = member_client.post(
        EDIT,
        profile_data(
            display_name="Ada L.",
            organisation="Transition Town",
            bio="Zeile 1\nZeile 2",
            fields_of_action=[field.pk for field in fields],
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    member.refresh_from_db()
    assert member.display_name == "Ada L."
    assert member.organisation == "Transition Town"
    assert set(member.fields_of_action.all()) == set(fields)
    page = member_client.get(PROFILE).content.decode()
    assert "Dein Profil wurde gespeichert." in page
    assert fields[0].name in page


def test_edit_form_shows_checkboxes_for_fields_of_action(member_client):
    html = member_client.get(EDIT).content.decode()

    assert html.count('type="checkbox" name="fields_of_action"') == FieldOfAction.objects.count()
    assert 'name="show_on_map"' in html


def test_display_name_is_required(member_client, member):
    response = member_client.post(EDIT, profile_data(display_name="   "))

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    member.refresh_from_db()
    assert member.display_name == "Ada Mitmacherin"


@pytest.mark.parametrize(
    ("lat", "lng", "stored"),
    [
        ("49,28041", "11,45972", "SRID=4326;POINT(11.46 49.28)"),
        ("49.28541", "11.4549", "SRID=4326;POINT(11.45 49.29)"),
        ("-33.8688", "151.2093", "SRID=4326;POINT(151.21 -33.87)"),
        ("52", "13", "SRID=4326;POINT(13.00 52.00)"),
    ],
)
def test_coordinates_are_stored_rounded_to_two_decimals(member_client, member, lat, lng, stored):
    response = member_client.post(EDIT, profile_data(show_on_map="on", latitude=lat, longitude=lng))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.map_location == stored
    assert member.show_on_map


def test_stored_coordinates_come_back_into_the_form(member_client, member):
    member.map_location = "SRID=4326;POINT(11.46 49.28)"
    member.save()

    form = member_client.get(EDIT).context["form"]

    assert form.initial["latitude"] == 49.28
    assert form.initial["longitude"] == 11.46


def test_clearing_coordinates_clears_the_position(member_client, member):
    member.map_location = "SRID=4326;POINT(11.46 49.28)"
    member.save()

    member_client.post(EDIT, profile_data(map_place="Neumarkt"))

    member.refresh_from_db()
    assert member.map_location == ""


@pytest.mark.parametrize(
    ("lat", "lng", "field"),
    [
        ("95", "11", "latitude"),
        ("-91", "11", "latitude"),
        ("49", "181", "longitude"),
        ("49", "-180.5", "longitude"),
        ("neunundvierzig", "11", "latitude"),
        ("49", "", "longitude"),
        ("", "11", "latitude"),
    ],
)
def test_bad_coordinates_are_refused(member_client, member, lat, lng, field):
    response = member_client.post(EDIT, profile_data(map_place="Neumarkt", latitude=lat, longitude=lng))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    member.refresh_from_db()
    assert member.map_location == ""


def test_show_on_map_needs_a_place_or_coordinates(member_client, member):
    response = member_client.post(EDIT, profile_data(show_on_map="on", bio="Nicht verlieren!"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "gib bitte einen Ort oder Breiten- und Längengrad an" in html
    assert "Nicht verlieren!" in html  # what was typed is still there
    member.refresh_from_db()
    assert not member.show_on_map
    assert member.bio == ""


def test_show_on_map_with_a_place_is_fine(member_client, member):
    response = member_client.post(EDIT, profile_data(show_on_map="on", map_place="Neumarkt i.d.OPf."))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.show_on_map
    assert member.map_place == "Neumarkt i.d.OPf."


def test_avatar_upload_is_stored_as_a_clean_copy(member_client, member):
    upload = image_file("Mein Urlaubsfoto Ada.png", size=(1600, 1200))

    response = member_client.post(EDIT, {**profile_data(), "avatar": upload})

    assert response.status_code == 302
    member.refresh_from_db()
    name = os.path.basename(member.avatar.name)
    assert member.avatar.name.startswith("members/avatars/")
    assert name.endswith(".png")
    assert "Ada" not in name  # the stored name reveals nothing the member typed
    with default_storage.open(member.avatar.name) as stored, Image.open(stored) as image:
        assert image.format == "PNG"
        assert max(image.size) == 800
    assert f'src="{member.avatar.url}"' in member_client.get(PROFILE).content.decode()


def test_avatar_metadata_is_removed(member_client, member):
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x8825] = {2: (49.0, 17.0, 0.0), 4: (11.0, 27.0, 0.0)}  # GPS position
    upload = image_file("foto.jpg", fmt="JPEG", exif=exif.tobytes())

    member_client.post(EDIT, {**profile_data(), "avatar": upload})

    member.refresh_from_db()
    with default_storage.open(member.avatar.name) as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert not image.getexif()


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP"])
def test_jpeg_and_webp_avatars_are_accepted(member_client, member, fmt):
    response = member_client.post(EDIT, {**profile_data(), "avatar": image_file("a.img", fmt=fmt)})

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.avatar.name.endswith({"JPEG": ".jpg", "WEBP": ".webp"}[fmt])


def _assert_refused(response, member, message):
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="form-errors"' in html
    # Everything else the member typed is still in the form …
    assert 'value="Neu getippter Name"' in html
    assert "Ein neuer Text über mich." in html
    # … and nothing was saved.
    member.refresh_from_db()
    assert member.display_name == "Ada Mitmacherin"
    assert not member.avatar


def test_text_file_named_png_is_refused(member_client, member):
    fake = SimpleUploadedFile("avatar.png", b"<?php echo 'kein Bild'; ?>", content_type="image/png")

    response = member_client.post(
        EDIT,
        {**profile_data(display_name="Neu getippter Name", bio="Ein neuer Text über mich."), "avatar": fake},
    )

    _assert_refused(response, member, "Die Datei ist kein Bild im Format JPEG, PNG oder WebP")


def test_avatar_over_two_megabytes_is_refused(member_client, member):
    big = SimpleUploadedFile(
        "gross.png", image_file().read() + b"\0" * (2 * 1024 * 1024), content_type="image/png"
    )

    response = member_client.post(
        EDIT,
        {**profile_data(display_name="Neu getippter Name", bio="Ein neuer Text über mich."), "avatar": big},
    )

    _assert_refused(response, member, "Erlaubt sind höchstens 2,0\xa0MB.")


def test_gif_avatar_is_refused(member_client, member):
    response = member_client.post(
        EDIT,
        {
            **profile_data(display_name="Neu getippter Name", bio="Ein neuer Text über mich."),
            "avatar": image_file("bild.png", fmt="GIF"),
        },
    )

    _assert_refused(response, member, "Dieses Bildformat wird nicht unterstützt.")


def test_huge_pixel_dimensions_are_refused(member_client, member):
    # Highly compressible: tiny file, far too many pixels.
    response = member_client.post(
        EDIT,
        {
            **profile_data(display_name="Neu getippter Name", bio="Ein neuer Text über mich."),
            "avatar": image_file("riesig.png", size=(6000, 100)),
        },
    )

    _assert_refused(response, member, "Das Bild ist 6000 × 100 Pixel groß.")


def test_truncated_image_is_refused(member_client, member):
    data = image_file("kaputt.png", size=(300, 300)).read()
    broken = SimpleUploadedFile("kaputt.png", data[: len(data) // 2], content_type="image/png")

    response = member_client.post(
        EDIT,
        {
            **profile_data(display_name="Neu getippter Name", bio="Ein neuer Text über mich."),
            "avatar": broken,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["avatar"]
    member.refresh_from_db()
    assert not member.avatar


def test_replacing_or_removing_the_avatar_deletes_the_old_file(member_client, member):
    member_client.post(EDIT, {**profile_data(), "avatar": image_file()})
    member.refresh_from_db()
    first = member.avatar.name
    assert default_storage.exists(first)

    member_client.post(EDIT, {**profile_data(), "avatar": image_file("zwei.png")})
    member.refresh_from_db()
    second = member.avatar.name
    assert second != first
    assert not default_storage.exists(first)
    assert default_storage.exists(second)

    member_client.post(EDIT, {**profile_data(), "avatar-clear": "on"})
    member.refresh_from_db()
    assert not member.avatar
    assert not default_storage.exists(second)


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markup_in_profile_fields_is_escaped(member_client, member, payload):
    response = member_client.post(
        EDIT,
        profile_data(
            display_name=f"Ada {payload}",
            organisation=f"Org {payload}",
            bio=f"Bio {payload}",
            show_on_map="on",
            map_place=f"Ort {payload}",
            latitude="49.28",
            longitude="11.46",
        ),
    )
    assert response.status_code == 302

    for url in (PROFILE, EDIT, reverse("members:privacy")):
        html = member_client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x onerror" not in html
        assert "<svg onload" not in html
        assert 'href="javascript:' not in html
        assert 'src="javascript:' not in html
    # The text is still shown, as text.
    profile_html = member_client.get(PROFILE).content.decode()
    assert f"<h1>Ada {escape(payload)}</h1>" in profile_html
    assert f"Org {escape(payload)}" in profile_html
    assert f"Bio {escape(payload)}" in profile_html


def test_markup_in_the_edit_form_error_page_is_escaped(member_client):
    response = member_client.post(
        EDIT, profile_data(display_name="<script>alert(1)</script>", show_on_map="on")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_other_members_email_addresses_never_appear(member_client, member, region):
    other = UserFactory(verified=True, email="geheim@example.org", username="geheim_user", display_name="Bea")
    RegionMembership.objects.create(user=member, region=region)
    RegionMembership.objects.create(user=other, region=region)
    RegionModerator.objects.create(user=other, region=region, role="Moderation")
    InitiativeFactory(region=region, submitted_by=other, name="Beas Initiative")

    for url in (PROFILE, EDIT, reverse("members:privacy"), reverse("account_email")):
        html = member_client.get(url).content.decode()
        assert "geheim@example.org" not in html, url
        assert "geheim_user" not in html, url


def test_own_username_is_not_used_as_a_name(member_client, member):
    html = member_client.get(PROFILE).content.decode()

    assert "ada_privat" not in html


def test_public_name_falls_back_without_username_or_email(db):
    user = UserFactory(verified=True, email="x@example.org", username="x_user", display_name="")

    assert str(user.public_name) == "Mitglied"
    assert User.objects.get(pk=user.pk).public_name_text() == "Mitglied"


def test_public_name_never_shows_a_display_name_that_looks_like_an_email_address(db):
    user = UserFactory(verified=True, display_name="ada@example.org", first_name="Ada", last_name="Lovelace")

    assert str(user.public_name) == "Mitglied"
    assert user.public_name_text() == "Mitglied"
    user.display_name = "Ada L."
    assert user.public_name == "Ada L."


def test_a_card_without_coordinates_needs_a_town_the_map_knows(member_client, member):
    unknown = member_client.post(EDIT, profile_data(show_on_map="on", map_place="Hintertupfingen"))
    known = member_client.post(EDIT, profile_data(show_on_map="on", map_place="Münster"))

    assert unknown.status_code == 200
    assert "Diesen Ort finden wir nicht auf der Karte" in unknown.content.decode()
    assert known.status_code == 302
    member.refresh_from_db()
    assert (member.show_on_map, member.map_place) == (True, "Münster")
