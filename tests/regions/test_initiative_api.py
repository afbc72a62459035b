"""Approved initiatives in the JSON API (/api/v3/initiatives/): public fields only, filters, clear 400s."""

import pytest

from home.models import SDG, FieldOfAction
from regions.models import ApprovalStatus
from tests.helpers import english_tree
from tests.members.factories import UserFactory
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v3/initiatives/"


@pytest.fixture
def initiatives(region, other_region):
    submitter = UserFactory(verified=True, email="geheim@private.example", display_name="Geheime Person")
    repair = InitiativeFactory(
        region=region,
        name="Repair-Café Neumarkt",
        kind="project",
        description="Wir reparieren gemeinsam.",
        links="https://social.example/@repair",
        address="Neumarkt",
        location="SRID=4326;POINT(11.4589 49.2781)",
        approval_status=ApprovalStatus.APPROVED,
        submitted_by=submitter,
        review_note="interne Notiz",
    )
    repair.fields_of_action.set([FieldOfAction.objects.get(slug="finanzen-und-wirtschaft")])
    repair.sdgs.set([SDG.objects.get(number=12)])
    solawi = InitiativeFactory(
        region=other_region,
        name="SoLaWi Bergisch",
        kind="association",
        approval_status=ApprovalStatus.APPROVED,
    )
    solawi.fields_of_action.set([FieldOfAction.objects.get(slug="ernaehrungssystem")])
    InitiativeFactory(region=region, name="Noch offen", approval_status=ApprovalStatus.PENDING)
    InitiativeFactory(region=region, name="Abgelehnt", approval_status=ApprovalStatus.REJECTED)
    return {"repair": repair, "solawi": solawi}


def names(response):
    assert response.status_code == 200, response.content[:300]
    return [item["name"] for item in response.json()["results"]]


def test_lists_approved_initiatives_with_their_public_fields_only(client, initiatives, region):
    response = client.get(LIST)

    assert names(response) == ["Repair-Café Neumarkt", "SoLaWi Bergisch"]
    body = response.json()
    assert body["count"] == 2
    repair = body["results"][0]
    assert repair["url"] == f"http://testserver/mitmachen/initiativen/{initiatives['repair'].pk}/"
    assert repair["kind_label"] == "Projekt"
    assert (repair["region"]["id"], repair["region"]["title"]) == (region.pk, region.title)
    assert repair["region"]["url"].endswith(region.url)
    assert repair["fields"] == [{"slug": "finanzen-und-wirtschaft", "name": "Finanzen und Wirtschaft"}]
    assert repair["sdgs"] == [{"number": 12, "title": "Nachhaltige/r Konsum und Produktion"}]
    assert repair["links"] == ["https://social.example/@repair"]
    assert repair["position"] == {"lat": 49.2781, "lng": 11.4589}
    assert "address" not in repair  # the typed text stays with the regional team
    text = response.content.decode()
    for private in ("geheim@private.example", "Geheime Person", "interne Notiz", "submitted", "review"):
        assert private not in text


def test_filters(client, initiatives, region):
    assert names(client.get(LIST, {"kind": "association"})) == ["SoLaWi Bergisch"]
    assert names(client.get(LIST, {"field": ["ernaehrungssystem", "finanzen-und-wirtschaft"]})) == [
        "Repair-Café Neumarkt",
        "SoLaWi Bergisch",
    ]
    assert names(client.get(LIST, {"region": region.slug})) == ["Repair-Café Neumarkt"]
    assert names(client.get(LIST, {"q": "café REPAIR"})) == ["Repair-Café Neumarkt"]
    assert names(client.get(LIST, {"limit": "1", "offset": "1"})) == ["SoLaWi Bergisch"]


def test_english(client, initiatives, region):
    english_tree()

    repair = client.get(LIST, {"locale": "en", "region": region.slug}).json()["results"][0]

    assert repair["url"].endswith(f"/en/mitmachen/initiativen/{initiatives['repair'].pk}/")
    assert repair["kind_label"] == "Project"
    assert repair["region"]["url"].endswith("/en/regionen/neumarkt/")
    assert repair["sdgs"][0]["title"] == "Responsible Consumption and Production"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"kind": "sekte"}, "kind"),
        ({"field": "unbekannt"}, "field"),
        ({"region": "atlantis"}, "region"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"q": "x" * 101}, "q"),
        ({"locale": "fr"}, "locale"),
        ({"colour": "green"}, "colour"),
        ({"kind": [f"k{n}" for n in range(21)]}, "kind"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, initiatives, params, parameter):
    response = client.get(LIST, params)

    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_one_initiative(client, initiatives):
    repair = initiatives["repair"]

    response = client.get(f"{LIST}{repair.pk}/")

    assert response.status_code == 200
    assert response.json()["name"] == "Repair-Café Neumarkt"


@pytest.mark.parametrize("value", ["pending", "rejected", "0", "2147483648", "abc"])
def test_unknown_or_unapproved_ids_are_404(client, initiatives, value, region):
    ids = {
        "pending": str(region.initiatives.get(name="Noch offen").pk),
        "rejected": str(region.initiatives.get(name="Abgelehnt").pk),
    }

    response = client.get(f"{LIST}{ids.get(value, value)}/")

    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_a_draft_region_is_not_named(client, initiatives, region):
    region.unpublish()

    repair = client.get(LIST, {"kind": "project"}).json()["results"][0]

    assert repair["region"] is None


def test_query_count_does_not_grow_with_the_initiatives(
    client, initiatives, region, django_assert_max_num_queries
):
    for n in range(15):
        item = InitiativeFactory(region=region, name=f"Mehr {n}", approval_status=ApprovalStatus.APPROVED)
        item.fields_of_action.set([FieldOfAction.objects.first()])

    with django_assert_max_num_queries(10):
        assert len(names(client.get(LIST))) == 17
