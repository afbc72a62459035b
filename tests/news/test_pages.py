import datetime as dt

from wagtail.rich_text import RichText

import pytest

from home.models import FieldOfAction
from tests.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_news_page_shows_date_intro_body_image_regions_fields_and_tags(client, news_index, region):
    news = NewsPageFactory(
        parent=news_index,
        title="Erste Mitmach-Konferenz in Neumarkt",
        intro="Über hundert Menschen kamen zusammen.",
        date=dt.date(2026, 9, 14),
        body=[("paragraph", RichText("<p>An zwölf Thementischen entstanden Projekte.</p>"))],
    )
    news.regions.set([region])
    news.fields_of_action.set(FieldOfAction.objects.filter(slug="sozialer-zusammenhalt"))
    news.tags.add("Konferenz")
    news.save()

    response = client.get(news.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Über hundert Menschen kamen zusammen.",
        "14. September 2026",
        "An zwölf Thementischen entstanden Projekte.",
        "Neumarkt in der Oberpfalz",
        "Sozialer Zusammenhalt",
        "Konferenz",
        "<img",
    ):
        assert text in html, text


def test_news_index_lists_newest_first_including_regional_news(client, news_index, region):
    NewsPageFactory(parent=news_index, title="Ältere Nachricht", date=dt.date(2026, 1, 1))
    NewsPageFactory(parent=region, title="Nachricht aus der Region", date=dt.date(2026, 6, 1))

    html = client.get(news_index.url).content.decode()

    assert html.index("Nachricht aus der Region") < html.index("Ältere Nachricht")
