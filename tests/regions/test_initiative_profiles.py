"""Every approved initiative has a public profile: its own address, in the site search, the API and the map.
Its submitter sets the position by the place (or a point on the map) and can add a logo, SDGs and links."""

import importlib
import io

from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from home.models import SDG, FieldOfAction
from regions.models import ApprovalStatus, Initiative
from tests.helpers import english_tree
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

SUBMIT = reverse("regions:submit_initiative")


def profile_url(initiative):
    return f"/mitmachen/initiativen/{initiative.pk}/"


@pytest.fixture
def repair_cafe(region):
    initiative = InitiativeFactory(
        region=region,
        name="Repair-Café Neumarkt",
        kind="project",
        description="Wir reparieren <b>gemeinsam</b>.\n\nJeden ersten Samstag.",
        website="https://repair.example",
        links="https://social.example/@repair\nhttps://video.example/repair",
        address="Neumarkt in der Oberpfalz",
        location="SRID=4326;POINT(11.4589 49.2781)",
        approval_status=ApprovalStatus.APPROVED,
    )
    initiative.fields_of_action.set([FieldOfAction.objects.get(slug="ernaehrungssystem")])
    initiative.sdgs.set([SDG.objects.get(number=12)])
    return initiative


@pytest.fixture
def pending(region, member):
    return InitiativeFactory(
        region=region, name="Noch offen", submitted_by=member, approval_status=ApprovalStatus.PENDING
    )


# --- The profile ----------------------------------------------------------------------------------------


def test_profile_shows_what_the_initiative_entered(client, repair_cafe, region):
    assert repair_cafe.get_absolute_url() == profile_url(repair_cafe)

    response = client.get(profile_url(repair_cafe))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Repair-Café Neumarkt</h1>" in html
    assert "Projekt" in html
    assert "Wir reparieren &lt;b&gt;gemeinsam&lt;/b&gt;." in html  # typed text stays text
    assert "<b>gemeinsam" not in html
    assert "Ernährungssystem" in html
    assert "12. Nachhaltige/r Konsum und Produktion" in html
    assert 'href="https://repair.example"' in html
    assert 'href="https://social.example/@repair"' in html
    assert f'href="{region.url}"' in html
    assert 'data-lat="49.27810" data-lng="11.45890"' in html
    assert "noindex" not in html


def test_profile_links_from_region_page_map_list_and_my_initiatives(
    client, repair_cafe, region, region_index
):
    assert profile_url(repair_cafe) in client.get(region.url).content.decode()
    assert (
        f'<a href="{profile_url(repair_cafe)}">Repair-Café Neumarkt</a>'
        in client.get(region_index.url).content.decode()
    )


def test_unapproved_initiatives_are_not_public(client, pending, other_moderator):
    url = profile_url(pending)

    assert client.get(url).status_code == 404
    client.force_login(UserFactory(verified=True))
    assert client.get(url).status_code == 404  # another member
    client.force_login(other_moderator)
    assert client.get(url).status_code == 404  # the team of another region


@pytest.mark.parametrize("who", ["submitter", "moderator", "editor"])
def test_submitter_and_reviewers_preview_an_unapproved_initiative(
    client, pending, member, moderator, editor, who
):
    client.force_login({"submitter": member, "moderator": moderator, "editor": editor}[who])

    response = client.get(profile_url(pending))

    html = response.content.decode()
    assert response.status_code == 200
    assert "wartet auf die Freigabe" in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_a_rejected_initiative_disappears_from_the_cached_profile(client, repair_cafe):
    url = profile_url(repair_cafe)
    assert client.get(url).status_code == 200

    repair_cafe.approval_status = ApprovalStatus.REJECTED
    repair_cafe.save()

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("pk", ["0", "2147483648", "99999999999999999999999", "12abc"])
def test_unknown_or_absurd_ids_are_404(client, pk):
    assert client.get(f"/mitmachen/initiativen/{pk}/").status_code == 404


def test_region_name_is_hidden_while_its_page_is_a_draft(client, repair_cafe, region):
    region.unpublish()

    html = client.get(profile_url(repair_cafe)).content.decode()

    assert f'href="{region.url}"' not in html
    assert "Region:" not in html


def test_profile_in_english(client, repair_cafe, region):
    english_tree()

    response = client.get(f"/en{profile_url(repair_cafe)}")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "Project" in html
    assert "Food System" in html
    assert "12. Responsible Consumption and Production" in html
    assert 'href="/en/regionen/neumarkt/"' in html
    assert "wartet" not in html


# --- Submitting with a position, a logo, SDGs and links -------------------------------------------------


def form_data(region, **overrides):
    data = {
        "name": "Lastenrad Neumarkt",
        "kind": "project",
        "region": region.pk,
        "description": "Drei Lastenräder zum Ausleihen.",
        "address": "Marktplatz 3, 92318 Neumarkt",
    }
    data.update(overrides)
    return data


def png(name="logo.png", size=(64, 64)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def submitter(client):
    user = UserFactory(verified=True)
    client.force_login(user)
    return user


def test_the_typed_place_sets_the_position(client, submitter, region):
    response = client.post(SUBMIT, form_data(region))

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert (round(initiative.latitude, 2), round(initiative.longitude, 2)) == (49.28, 11.46)
    assert initiative.address == "Marktplatz 3, 92318 Neumarkt"


def test_a_village_is_found_too(client, submitter, region):
    client.post(SUBMIT, form_data(region, address="Horrweiler"))

    assert round(Initiative.objects.get().latitude, 1) == 49.9


def test_a_point_picked_on_the_map_wins_over_the_place(client, submitter, region):
    client.post(SUBMIT, form_data(region, latitude="49.123456789", longitude="11.5"))

    initiative = Initiative.objects.get()
    assert initiative.location == "SRID=4326;POINT(11.5 49.12346)"
    assert (initiative.latitude, initiative.longitude) == (49.12346, 11.5)


def test_no_address_no_position(client, submitter, region):
    client.post(SUBMIT, form_data(region, address=""))

    initiative = Initiative.objects.get()
    assert (initiative.location, initiative.latitude) == ("", None)


def test_an_unknown_place_is_a_clear_error_and_nothing_is_saved(client, submitter, region):
    response = client.post(SUBMIT, form_data(region, address="Atlantis an der Tiefsee"))

    assert response.status_code == 200
    assert "finden „Atlantis an der Tiefsee“ nicht auf der Karte" in response.content.decode()
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("lat", "lng", "status"),
    [
        ("91", "11", 200),
        ("49", "181", 200),
        ("nan", "11", 200),
        ("inf", "11", 200),
        ("1e309", "1", 200),
        ("49\x00", "11", 400),
    ],  # a NUL byte: the request guard's 400
)
def test_impossible_points_are_refused(client, submitter, region, lat, lng, status):
    response = client.post(SUBMIT, form_data(region, latitude=lat, longitude=lng))

    assert response.status_code == status
    assert not Initiative.objects.exists()


def test_logo_sdgs_and_links_are_saved(client, submitter, region):
    data = form_data(
        region,
        sdgs=[2, 12],
        links="https://social.example/@rad\n\nhttps://blog.example/rad",
        logo=png("Vorstand Privatfoto.png"),
    )

    response = client.post(SUBMIT, data)

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert sorted(initiative.sdgs.values_list("number", flat=True)) == [2, 12]
    assert initiative.link_list == ["https://social.example/@rad", "https://blog.example/rad"]
    assert initiative.logo.name.startswith("initiatives/logos/")
    assert "Vorstand" not in initiative.logo.name  # a name that reveals nothing
    with Image.open(initiative.logo) as stored:
        assert stored.format == "PNG"
    initiative.logo.delete(save=False)


def test_a_file_that_is_not_an_image_is_refused_as_logo(client, submitter, region):
    fake = SimpleUploadedFile("logo.png", b"<?php echo 1; ?>", content_type="image/png")

    response = client.post(SUBMIT, form_data(region, logo=fake))

    assert response.status_code == 200
    assert "kein Bild" in response.content.decode()
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    "links",
    [
        "javascript:alert(1)",
        "https://ok.example\nftp://files.example",
        "\n".join(f"https://{n}.example" for n in range(6)),
        "https://" + "a" * 300 + ".example",
    ],
)
def test_bad_links_are_refused(client, submitter, region, links):
    response = client.post(SUBMIT, form_data(region, links=links))

    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_the_form_offers_the_map_picker_and_says_the_place_is_public(client, submitter):
    html = client.get(SUBMIT).content.decode()

    assert "data-point-picker" in html
    assert 'enctype="multipart/form-data"' in html
    assert "erscheint sie an diesem Ort auf der Karte" in html


# --- Old entries onto the map ---------------------------------------------------------------------------


def test_the_migration_places_old_entries_by_their_address(region):
    known = InitiativeFactory(region=region, address="Hauptstraße 1, 48143 Münster", location="")
    unknown = InitiativeFactory(region=region, address="Irgendwo im Nirgendwo", location="")
    placed = InitiativeFactory(region=region, address="Köln", location="SRID=4326;POINT(7 50)")
    migration = importlib.import_module("regions.migrations.0013_locate_initiatives")

    migration.locate_initiatives(django_apps, None)

    known.refresh_from_db()
    assert (round(known.latitude, 2), round(known.longitude, 2)) == (51.96, 7.63)
    unknown.refresh_from_db()
    assert unknown.location == ""
    placed.refresh_from_db()
    assert placed.location == "SRID=4326;POINT(7 50)"


# --- Site search ----------------------------------------------------------------------------------------


def test_site_search_finds_approved_initiatives_only(client, repair_cafe, pending):
    html = client.get("/suche/", {"q": "reparieren"}).content.decode()

    assert f'<a href="{profile_url(repair_cafe)}">Repair-Café Neumarkt</a>' in html
    assert profile_url(pending) not in client.get("/suche/", {"q": "Noch offen"}).content.decode()
