"""Fixtures for the network map's tests: a small world of public and private entries."""

import pytest

from regions.models import ApprovalStatus, RegionStatus
from tests.map.factories import make_card, make_initiative, make_region
from tests.map.helpers import field
from tests.members.factories import UserFactory


@pytest.fixture
def world(region_index):
    """Two live regions, a draft region, initiatives in every state, member cards with and without opt-in."""
    energy, food = field("energie-und-verkehr"), field("ernaehrungssystem")
    neumarkt = make_region(region_index, "Neumarkt", 49.2803, 11.4625, fields=[food])
    muenster = make_region(
        region_index, "Münsterland", 51.9607, 7.6261, status=RegionStatus.FORMING, fields=[energy]
    )
    draft = make_region(region_index, "Geheime Region", 50.0, 10.0, publish=False)
    submitter = UserFactory(verified=True, email="einreicher@example.org", display_name="Einreicher")
    initiatives = {
        "solawi": make_initiative(
            neumarkt,
            "SoLaWi Jurahöfe",
            49.2489,
            11.4021,
            fields=[food],
            submitted_by=submitter,
            review_note="Interne Notiz",
            website="https://solawi.example",
        ),
        "lastenrad": make_initiative(muenster, "Lastenrad Münsterland", 51.9625, 7.6170, fields=[energy]),
        "draft_region": make_initiative(draft, "Initiative der Entwurfsregion", 50.01, 10.01),
        "pending": make_initiative(neumarkt, "Noch nicht geprüft", 49.3, 11.5, status=ApprovalStatus.PENDING),
        "rejected": make_initiative(neumarkt, "Abgelehnt", 49.31, 11.51, status=ApprovalStatus.REJECTED),
    }
    cards = {
        "alex": make_card("Alex aus Neumarkt", 49.28, 11.46, fields=[food], region=neumarkt),
        "kim": make_card("Kim", place="Münster", fields=[energy]),
        "hidden": make_card("Nicht auf der Karte", 49.27, 11.45, show=False),
        "unverified": make_card("Unbestätigt", 49.26, 11.44, verified=False),
        "inactive": make_card("Inaktiv", 49.25, 11.43, is_active=False),
        "email_name": make_card("mail@example.org", 52.52, 13.40),
    }
    return {"neumarkt": neumarkt, "muenster": muenster, "draft": draft, **initiatives, **cards}
