"""Issue 14's journey in Chromium: a member registers an initiative with its place, the regional team is mailed
and approves it, it shows on the map and on its profile, another member writes to it, and its owner receives
the message without either side seeing the other's address. axe checks the forms and pages on the way."""

import re
from urllib.parse import urlsplit

from django.core import mail

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from network.models import Card
from regions.models import ApprovalStatus, Initiative, RegionModerator
from tests.actions.factories import ActionPageFactory
from tests.e2e.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS, _describe, _offline
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory

PASSWORD = "Sonnenblume-Lastenrad-7"
OWNER = "olga.owner@private.example"
WRITER = "wim.writer@private.example"


@pytest.fixture
def people(region_index):
    neumarkt = RegionPageFactory(parent=region_index, title="Neumarkt", slug="neumarkt")
    moderator = UserFactory(
        verified=True, email="team@neumarkt.example", password=PASSWORD, display_name="Mo"
    )
    neumarkt.moderators.add(RegionModerator(user=moderator))
    neumarkt.save_revision().publish()
    owner = UserFactory(verified=True, email=OWNER, password=PASSWORD, display_name="Olga")
    writer = UserFactory(verified=True, email=WRITER, password=PASSWORD, display_name="Wim")
    Card.objects.create(user=writer, listed=True, place="Berngau")
    return neumarkt, moderator, owner, writer


def log_in(page, email):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail", exact=True).fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.locator("form.form--login").get_by_role("button", name=re.compile("^Anmeld")).click()
    page.get_by_role("link", name="Mein Profil").wait_for()


def assert_accessible(page, label, failures):
    page.wait_for_load_state("networkidle")
    for violation in Axe().run(page, options=AXE_OPTIONS).response["violations"]:
        if violation["impact"] in FAILING_IMPACTS:
            failures.append(_describe(label, page.url, violation))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_register_approve_map_profile_and_contact(new_page, live_server, people):
    neumarkt, moderator, owner, writer = people
    failures = []

    # A member registers an initiative with its place; the small map picker offers a point too.
    page = new_page()
    _offline(page, live_server.url)
    log_in(page, OWNER)
    page.goto("/mitmachen/initiative/neu/")
    expect(page.get_by_role("button", name="Punkt am Kreuz setzen")).to_be_visible()
    assert_accessible(page, "Initiative eintragen", failures)
    page.get_by_label("Name:", exact=True).fill("Repair-Café am Markt")
    page.get_by_label("Art:", exact=True).select_option("project")
    page.get_by_label("Region:", exact=True).select_option(str(neumarkt.pk))
    page.get_by_label("Beschreibung:", exact=True).fill("Wir reparieren jeden Samstag.")
    page.get_by_label("Ort oder Adresse:", exact=True).fill("Marktplatz 3, 92318 Neumarkt")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    page.get_by_role("heading", name="Meine Initiativen").wait_for()
    initiative = Initiative.objects.get(name="Repair-Café am Markt")
    assert (round(initiative.latitude, 2), round(initiative.longitude, 2)) == (49.28, 11.46)

    # The team gets an e-mail and approves from the link in it.
    [to_team] = [message for message in mail.outbox if message.to == [moderator.email]]
    review_link = re.search(r"https?://\S+/mitmachen/initiativen/freigabe/", to_team.body).group(0)
    team = new_page()
    log_in(team, moderator.email)
    team.goto(urlsplit(review_link).path)
    team.get_by_role("button", name=re.compile("^Freigeben.*Repair-Café am Markt")).click()
    team.get_by_text("„Repair-Café am Markt“ ist freigegeben.").wait_for()
    initiative.refresh_from_db()
    assert initiative.approval_status == ApprovalStatus.APPROVED

    # On the map, its popup leads to its profile.
    visitor = new_page()
    _offline(visitor, live_server.url)
    visitor.goto(f"{neumarkt.get_parent().url}?lat=49.2800&lng=11.4600&zoom=15")
    marker = visitor.locator(".map-marker[aria-label^='Repair-Café am Markt']")
    expect(marker).to_be_visible()
    marker.click()
    link = visitor.locator(".leaflet-popup").get_by_role("link", name="Zum Profil der Initiative")
    link.press("Enter")
    expect(visitor.get_by_role("heading", level=1, name="Repair-Café am Markt")).to_be_visible()
    assert_accessible(visitor, "Initiative (Profil)", failures)

    # Another member writes to it; nobody's address shows on the way.
    mail.outbox.clear()
    log_in(visitor, WRITER)
    visitor.goto(initiative.get_absolute_url())
    visitor.get_by_role("link", name="Kontakt aufnehmen").click()
    assert_accessible(visitor, "Kontaktformular", failures)
    assert OWNER not in visitor.content()
    visitor.get_by_label("Betreff:", exact=True).fill("Ersatzteile")
    visitor.get_by_label("Nachricht:", exact=True).fill("Ich habe noch Toaster-Ersatzteile für euch.")
    visitor.get_by_role("button", name="Senden").click()
    visitor.get_by_text("Deine Nachricht an Repair-Café am Markt ist unterwegs.").wait_for()
    assert OWNER not in visitor.content()

    [received] = mail.outbox
    assert received.to == [OWNER]
    assert "Toaster-Ersatzteile" in received.body
    assert WRITER not in str(received.message())

    visitor.goto("/netzwerk/")
    assert_accessible(visitor, "Mitmacher:innen", failures)
    assert not failures, "axe-core meldet schwere Verstöße:\n" + "\n".join(failures)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_initiative_reports_an_action_as_done_and_the_team_confirms(
    new_page, live_server, people, action_index
):
    neumarkt, moderator, owner, writer = people
    initiative = Initiative.objects.create(
        name="Repair-Café am Markt",
        kind="project",
        region=neumarkt,
        submitted_by=owner,
        approval_status=ApprovalStatus.APPROVED,
        location="SRID=4326;POINT(11.46 49.28)",
    )
    action = ActionPageFactory(parent=action_index, title="Repair-Café eröffnen", slug="repair-cafe")
    failures = []

    page = new_page()
    _offline(page, live_server.url)
    log_in(page, OWNER)
    page.goto(action.url)
    page.get_by_role("link", name="Haben wir umgesetzt").click()
    assert_accessible(page, "Aktion als umgesetzt melden", failures)
    page.get_by_label("Wer hat es umgesetzt?", exact=True).select_option(f"initiative-{initiative.pk}")
    page.get_by_label("Wann (Monat, optional):", exact=True).fill("2025-03")
    page.get_by_label("Eine kurze Notiz (optional):", exact=True).fill("Jeden Monat kommen 40 Gäste.")
    page.get_by_role("button", name="Meldung senden").click()
    page.get_by_text("Danke! Das Regionalteam bestätigt die Meldung").wait_for()
    expect(page.get_by_text("Noch keine Region hat diese Aktion als umgesetzt gemeldet.")).to_be_visible()

    [to_team] = [message for message in mail.outbox if message.to == [moderator.email]]
    assert "Repair-Café eröffnen" in to_team.body and OWNER not in to_team.body
    team = new_page()
    log_in(team, moderator.email)
    team.goto(
        urlsplit(re.search(r"https?://\S+/mitmachen/initiativen/freigabe/", to_team.body).group(0)).path
    )
    team.get_by_role("button", name=re.compile("^Bestätigen.*Repair-Café eröffnen")).click()
    team.get_by_text("Die Meldung wurde bestätigt.").wait_for()

    visitor = new_page()
    _offline(visitor, live_server.url)
    visitor.goto(action.url)
    expect(visitor.get_by_text("Umgesetzt in 1 Region")).to_be_visible()
    expect(visitor.get_by_text("Jeden Monat kommen 40 Gäste.")).to_be_visible()
    expect(visitor.locator("[data-points-map]")).to_be_visible()  # the small map, tiles after consent
    assert "Olga" not in visitor.content()
    assert_accessible(visitor, "Aktion mit Umsetzungen", failures)
    visitor.goto(initiative.get_absolute_url())
    expect(visitor.get_by_role("link", name="Repair-Café eröffnen")).to_be_visible()
    assert not failures, "axe-core meldet schwere Verstöße:\n" + "\n".join(failures)
