import pytest

from adoptions.models import Adoption, AdoptionStatus
from home.models import SDG, FieldOfAction, Resource
from tests.actions.factories import ActionPageFactory

pytestmark = pytest.mark.django_db


def test_action_page_shows_effort_impact_resources_taxonomy_and_steps(client, action_index, region):
    action = ActionPageFactory(
        parent=action_index,
        title="Repair-Café gründen",
        summary="Gemeinsam reparieren statt wegwerfen.",
        effort="low",
        impact="medium",
        duration="ein Samstag im Monat",
        resources_note="Ein Raum mit Tischen und Steckdosen",
        body=[
            (
                "steps",
                {
                    "title": "So geht's",
                    "steps": [
                        {"title": "Raum finden", "text": ""},
                        {"title": "Reparateur:innen einladen", "text": ""},
                    ],
                },
            )
        ],
        taxonomy__fields=list(FieldOfAction.objects.filter(slug="finanzen-und-wirtschaft")),
        taxonomy__sdgs=list(SDG.objects.filter(number__in=[12, 13])),
        taxonomy__resources=list(Resource.objects.filter(slug__in=["space", "expertise"])),
    )
    Adoption.objects.create(action=action, region=region, status=AdoptionStatus.CONFIRMED)

    response = client.get(action.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Gemeinsam reparieren statt wegwerfen.",
        "gering",
        "mittel",
        "ein Samstag im Monat",
        "Raum",
        "Fachwissen",
        "Ein Raum mit Tischen und Steckdosen",
        "Finanzen und Wirtschaft",
        "Nachhaltige/r Konsum und Produktion",
        "Maßnahmen zum Klimaschutz",
        "Raum finden",
        "Reparateur:innen einladen",
        "Neumarkt in der Oberpfalz",
    ):
        assert text in html, text


def test_action_index_lists_actions_with_badges(client, action_index):
    ActionPageFactory(parent=action_index, title="Lastenrad-Verleih")

    response = client.get(action_index.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Lastenrad-Verleih" in html
    assert "Energie und Verkehr" in html


def test_unpublished_actions_are_not_listed(client, action_index):
    draft = ActionPageFactory(parent=action_index, title="Geheimer Entwurf")
    draft.unpublish()

    assert "Geheimer Entwurf" not in client.get(action_index.url).content.decode()


def test_a_results_page_past_the_last_is_a_404_not_a_500(client, action_index):
    ActionPageFactory(parent=action_index)

    assert client.get(action_index.url, {"page": "999"}).status_code == 404
