"""Reports in the data export, at account deletion, in the JSON API and on the English site."""

from django.urls import reverse

from wagtail.models import Locale

import pytest

from adoptions.models import Adoption, AdoptionStatus
from members.privacy import export_user_data
from tests.actions.factories import ActionPageFactory
from tests.helpers import english_tree, translate
from tests.regions.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

API = "/api/v3/adoptions/"


def test_the_export_lists_the_members_reports(action, region, reporter):
    Adoption.objects.create(action=action, region=region, reported_by=reporter, note="Unsere Notiz")

    [report] = export_user_data(reporter)["actions_reported_as_done"]

    assert report["action"] == "Repair-Café eröffnen"
    assert report["region"] == "Neumarkt in der Oberpfalz"
    assert (report["note"], report["status"], report["initiative"]) == ("Unsere Notiz", "pending", None)


def test_deleting_the_account_removes_open_reports_and_anonymises_confirmed_ones(
    client, action, action_index, region, reporter
):
    other = ActionPageFactory(parent=action_index)
    Adoption.objects.create(action=action, region=region, reported_by=reporter, note="offen")
    confirmed = Adoption.objects.create(
        action=other, region=region, reported_by=reporter, note="Meine Notiz", status=AdoptionStatus.CONFIRMED
    )
    reporter.set_password("mitmachen-123")
    reporter.save()
    client.force_login(reporter)

    response = client.post(reverse("members:account_delete"), {"password": "mitmachen-123", "confirm": "on"})

    assert response.status_code == 302
    assert list(Adoption.objects.all()) == [confirmed]
    confirmed.refresh_from_db()
    assert (confirmed.reported_by, confirmed.note) == (None, "")
    assert list(other.regions.all()) == [region]  # the region's fact stays


def test_the_api_lists_confirmed_reports_only_and_never_who_reported(client, action, region, reporter):
    initiative = InitiativeFactory(region=region, name="Repair-Café Neumarkt", approval_status="approved")
    pending = InitiativeFactory(region=region, name="Noch nicht frei", approval_status="pending")
    Adoption.objects.create(
        action=action, region=region, reported_by=reporter, status=AdoptionStatus.CONFIRMED, note="Läuft."
    )
    Adoption.objects.create(
        action=action,
        region=region,
        initiative=initiative,
        reported_by=reporter,
        status=AdoptionStatus.CONFIRMED,
    )
    Adoption.objects.create(action=action, region=region, initiative=pending, status=AdoptionStatus.CONFIRMED)
    ActionPageFactory(parent=action.get_parent())  # nothing reported
    other_action = ActionPageFactory(parent=action.get_parent())
    Adoption.objects.create(action=other_action, region=region, reported_by=reporter)  # waits for the team

    data = client.get(API).json()

    assert data["count"] == 2
    assert {(r["action"]["id"], (r["initiative"] or {}).get("name")) for r in data["results"]} == {
        (action.pk, None),
        (action.pk, "Repair-Café Neumarkt"),
    }
    assert all(r["region"]["title"] == "Neumarkt in der Oberpfalz" for r in data["results"])
    assert reporter.email not in str(data) and reporter.public_name not in str(data)
    assert client.get(API, {"initiative": initiative.pk}).json()["count"] == 1
    assert client.get(API, {"region": region.slug}).json()["count"] == 2
    assert client.get(API, {"action": other_action.pk}).json()["count"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"region": "nirgendwo"},
        {"action": "abc"},
        {"action": str(10**30)},
        {"initiative": "-1"},
        {"limit": "0"},
        {"limit": "100000"},
        {"offset": "999999999999"},
        {"locale": "fr"},
        {"colour": "green"},
        {"region": "a\x00b"},
    ],
)
def test_the_api_answers_bad_parameters_with_400(client, params):
    response = client.get(API, params)
    assert response.status_code == 400
    assert "parameter" in response.json()


def test_the_schema_documents_the_endpoint(client):
    schema = client.get("/api/v3/openapi.json").json()
    assert any(path.startswith("/api/v3/adoptions/") for path in schema["paths"])


def test_the_english_site_shows_the_english_pages(client, action, region, initiative):
    Adoption.objects.create(action=action, region=region, status=AdoptionStatus.CONFIRMED)
    Adoption.objects.create(
        action=action, region=region, initiative=initiative, status=AdoptionStatus.CONFIRMED
    )
    english_tree()
    translate(action, title="Open a repair café", slug="repair-cafe-en")
    translate(region, title="Neumarkt (Upper Palatinate)")

    en_action = action.get_translation(Locale.objects.get(language_code="en"))
    en_region = region.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(en_action.url).content.decode()
    assert "Done in 1 region" in html and "by 1 initiative" in html
    assert "Neumarkt (Upper Palatinate)" in html
    region_html = client.get(en_region.url).content.decode()
    assert "Actions done here" in region_html and "Open a repair café" in region_html
    profile = client.get(f"/en/mitmachen/initiativen/{initiative.pk}/").content.decode()
    assert "Open a repair café" in profile
    assert list(en_action.regions.all()) == [region]
