from wagtail.rich_text import RichText

import pytest

from home.models import FieldOfAction
from regions.models import ApprovalStatus, RegionModerator
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def region_with_team(region):
    moderator = UserFactory(first_name="Alex", last_name="Beispiel", display_name="Alex Beispiel")
    RegionModerator.objects.create(region=region, user=moderator, role="Koordination")
    region.summary = "Initiativen rund um Neumarkt vernetzen sich."
    region.area_description = "Stadt Neumarkt und Landkreis Neumarkt i.d.OPf."
    region.body = [("paragraph", RichText("<p>Unsere erste Mitmach-Konferenz war ein Erfolg.</p>"))]
    region.contact_email = "team@neumarkt.example"
    region.save()
    region.fields_of_action.set(FieldOfAction.objects.filter(slug="ernaehrungssystem"))
    region.save()
    InitiativeFactory(region=region, name="Solawi Neumarkt", approval_status=ApprovalStatus.APPROVED)
    InitiativeFactory(region=region, name="Noch nicht geprüft", approval_status=ApprovalStatus.PENDING)
    return region


def test_region_page_shows_its_fields_team_and_approved_initiatives(client, region_with_team):
    response = client.get(region_with_team.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Neumarkt in der Oberpfalz",
        "Initiativen rund um Neumarkt vernetzen sich.",
        "Stadt Neumarkt und Landkreis Neumarkt i.d.OPf.",
        "Aktiv",
        "2023",
        "Alex Beispiel",
        "Koordination",
        "Ernährungssystem",
        "Unsere erste Mitmach-Konferenz war ein Erfolg.",
        "Solawi Neumarkt",
    ):
        assert text in html
    assert "Noch nicht geprüft" not in html


def test_contact_email_is_hidden_from_anonymous_visitors(client, region_with_team):
    html = client.get(region_with_team.url).content.decode()

    assert "team@neumarkt.example" not in html
    assert "team%40neumarkt.example" not in html


def test_contact_email_is_shown_to_members(client, region_with_team):
    # Verified members only (tests/regions/test_contact_visibility.py).
    client.force_login(UserFactory(verified=True))

    html = client.get(region_with_team.url).content.decode()

    assert "team@neumarkt.example" in html


def test_region_coordinates_are_read_from_the_geo_widget_format(region):
    assert region.coordinates == {"lat": 49.2804, "lng": 11.4597}
    region.location = ""
    assert region.coordinates is None


def test_region_index_lists_regions_with_status(client, region_index):
    RegionPageFactory(parent=region_index, title="Bergisches Land", status="forming")

    html = client.get(region_index.url).content.decode()

    assert "Bergisches Land" in html
    assert "Im Aufbau" in html


def test_team_members_appear_by_public_name_never_by_username(client, region):
    RegionModerator.objects.create(region=region, user=UserFactory(username="geheim@example.org"))

    html = client.get(region.url).content.decode()

    assert "geheim@example.org" not in html
    assert "Mitglied" in html
