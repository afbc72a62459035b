import datetime as dt

from django.utils import timezone

from wagtail.rich_text import RichText

import pytest

from home.models import HomePageFeaturedAction
from tests.actions.factories import ActionPageFactory
from tests.events.factories import EventPageFactory
from tests.home.factories import ContentPageFactory
from tests.news.factories import NewsPageFactory
from tests.regions.factories import RegionPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_hero_featured_actions_next_events_latest_news_and_region_count(
    client, home_page, action_index, event_index, news_index, region_index
):
    home_page.intro = "<p>Ein Netz aus Mitmach-Regionen.</p>"
    home_page.body = [("paragraph", RichText("<p>Wir begleiten Regionalteams.</p>"))]
    home_page.save()
    action = ActionPageFactory(parent=action_index, title="Repair-Café gründen")
    HomePageFeaturedAction.objects.create(page=home_page, action=action)
    now = timezone.now()
    for days in (3, 1, 2, 9):
        EventPageFactory(
            parent=event_index, title=f"Webinar in {days} Tagen", start=now + dt.timedelta(days=days)
        )
    EventPageFactory(parent=event_index, title="Vergangenes Webinar", start=now - dt.timedelta(days=30))
    for day in range(1, 5):
        NewsPageFactory(parent=news_index, title=f"Nachricht {day}", date=dt.date(2026, 11, day))
    for _ in range(3):
        RegionPageFactory(parent=region_index)

    html = client.get("/").content.decode()

    assert "Gemeinsam die Region verändern" in html
    assert "Ein Netz aus Mitmach-Regionen." in html
    assert "Wir begleiten Regionalteams." in html
    assert "Repair-Café gründen" in html
    assert "Webinar in 1 Tagen" in html and "Webinar in 3 Tagen" in html
    assert "Webinar in 9 Tagen" not in html, "only the next three events"
    assert "Vergangenes Webinar" not in html
    assert "Nachricht 4" in html and "Nachricht 2" in html
    assert "Nachricht 1" not in html, "only the latest three news"
    assert "3 Mitmach-Regionen" in html


def test_content_page_shows_intro_body_and_chapters(client, home_page):
    handbook = ContentPageFactory(
        parent=home_page,
        title="Handbuch",
        slug="handbuch",
        intro="Schritt für Schritt zur Mitmach-Konferenz.",
        body=[
            ("heading", {"text": "Vorbereitung", "level": "h2"}),
            ("quote", {"text": "Nicht jede Region muss das Rad neu erfinden.", "attribution": "Team"}),
            (
                "accordion",
                {
                    "title": "Häufige Fragen",
                    "items": [{"question": "Was kostet es?", "answer": RichText("<p>Nichts.</p>")}],
                },
            ),
        ],
    )
    ContentPageFactory(parent=handbook, title="Kapitel 1: Entscheidung")
    ContentPageFactory(parent=handbook, title="Kapitel 2: Team finden")

    response = client.get("/handbuch/")

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Schritt für Schritt zur Mitmach-Konferenz.",
        "Vorbereitung",
        "Nicht jede Region muss das Rad neu erfinden.",
        "Was kostet es?",
        "Kapitel 1: Entscheidung",
        "Kapitel 2: Team finden",
    ):
        assert text in html


def test_chapter_links_to_its_neighbours(client, home_page):
    course = ContentPageFactory(parent=home_page, title="Online-Kurs", slug="kurs")
    ContentPageFactory(parent=course, title="Lektion A", slug="a")
    ContentPageFactory(parent=course, title="Lektion B", slug="b")
    ContentPageFactory(parent=course, title="Lektion C", slug="c")

    html = client.get("/kurs/b/").content.decode()

    assert "/kurs/a/" in html and "/kurs/c/" in html


def test_top_level_content_pages_have_no_chapter_links(client, home_page, news_index):
    ContentPageFactory(parent=home_page, title="Handbuch", slug="handbuch")
    ContentPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")

    html = client.get("/handbuch/").content.decode()

    assert "Nächstes Kapitel" not in html and "Vorheriges Kapitel" not in html
