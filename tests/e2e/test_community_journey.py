"""A visitor becomes a member and posts in their region's forum; another region's moderator stays out."""

import re

from django.core import mail

import pytest

from forum import structure
from regions.models import RegionMembership, RegionModerator
from tests.members.factories import UserFactory
from tests.regions.factories import RegionPageFactory

PASSWORD = "Sonnenblume-Lastenrad-7"


@pytest.fixture
def regions(region_index):
    neumarkt = RegionPageFactory(parent=region_index, title="Neumarkt", slug="neumarkt")
    leipzig = RegionPageFactory(parent=region_index, title="Leipzig", slug="leipzig")
    moderator = UserFactory(verified=True, email="moderation@leipzig.example", password=PASSWORD)
    leipzig.moderators.add(RegionModerator(user=moderator))
    for region in (neumarkt, leipzig):
        region.save_revision().publish()
    return neumarkt, leipzig


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_signs_up_joins_a_region_and_posts_in_its_forum(new_page, regions, mailoutbox):
    neumarkt, leipzig = regions
    page = new_page()

    page.goto("/konto/signup/")
    page.get_by_label("Anzeigename").fill("Alex aus Neumarkt")
    page.get_by_label("E-Mail").first.fill("alex@example.org")
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label(re.compile("Passwort \\(Wiederholung\\)|Passwort bestätigen")).fill(PASSWORD)
    page.get_by_role("button", name="Registrieren").click()
    page.get_by_role("heading", name=re.compile("E-Mail-Adresse bestätigen|Bestätige")).first.wait_for()

    # The link from the e-mail that was really sent.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bestätigen").click()
    page.get_by_role("link", name="Mein Profil").wait_for()

    page.goto(neumarkt.url)
    page.get_by_role("button", name="Mitmachen").click()
    page.get_by_role("button", name="Region verlassen").wait_for()
    assert RegionMembership.objects.filter(user__email="alex@example.org", region=neumarkt).exists()

    page.get_by_role("link", name=re.compile("Forum der Region")).click()
    page.get_by_role("link", name="Neues Thema").first.click()
    page.get_by_label("Betreff").fill("Repair-Café im Frühjahr?")
    page.get_by_label("Nachricht").fill("Wer hat Lust, im März ein **Repair-Café** zu organisieren?")
    page.get_by_role("button", name=re.compile("Absenden|Erstellen|Veröffentlichen")).click()
    page.get_by_role("heading", level=1, name="Repair-Café im Frühjahr?").wait_for()
    assert page.locator("strong", has_text="Repair-Café").count() >= 1
    assert structure.region_forum(neumarkt).topics.filter(subject="Repair-Café im Frühjahr?").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moderator_of_another_region_cannot_edit_it(new_page, regions):
    neumarkt, leipzig = regions
    page = new_page()
    # The admin sends people to allauth's login (the only one), which brings them back where they were going.
    page.goto(f"/admin/pages/{leipzig.pk}/edit/")
    page.wait_for_url(re.compile(r"/konto/login/\?next="))
    page.get_by_label("E-Mail", exact=True).fill(leipzig.moderators.first().user.email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.locator("form.form--login").get_by_role("button", name=re.compile("^Anmeld")).click()

    page.get_by_role("textbox", name=re.compile("Titel")).first.wait_for()
    assert page.url.endswith(f"/admin/pages/{leipzig.pk}/edit/")

    page.goto(f"/admin/pages/{neumarkt.pk}/edit/")
    assert not page.url.endswith(f"/admin/pages/{neumarkt.pk}/edit/")
    page.get_by_text("Sie haben leider keinen Zugang zu diesem Bereich.").wait_for()
