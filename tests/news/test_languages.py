"""News in two languages: the English site (/en/) lists the English tree; the feeds and dates follow."""

import datetime as dt
import xml.etree.ElementTree as ET

from wagtail.models import Page

import pytest

from tests.helpers import english_tree
from tests.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def english(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="en")


def retitle(page, title):
    Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)


@pytest.fixture
def news(news_index, region):
    network = NewsPageFactory(
        parent=news_index, title="Netzwerk wächst", date=dt.date(2026, 10, 1), image=None
    )
    regional = NewsPageFactory(
        parent=news_index, title="Neues aus Neumarkt", date=dt.date(2026, 9, 14), image=None
    )
    regional.regions.set([region])
    regional.save()
    english_tree()
    retitle(english(network), "Network grows")
    retitle(english(regional), "News from Neumarkt")
    return {"network": network, "regional": regional}


def test_the_german_index_lists_only_german_news(client, news):
    html = client.get("/neuigkeiten/").content.decode()

    assert "Netzwerk wächst" in html
    assert "Network grows" not in html
    assert "News from Neumarkt" not in html


def test_the_english_index_lists_the_english_tree_with_english_dates(client, news):
    html = client.get("/en/neuigkeiten/").content.decode()

    assert "Network grows" in html
    assert "News from Neumarkt" in html
    assert "Netzwerk wächst" not in html
    assert "1 October 2026" in html
    assert "Oktober" not in html
    assert 'href="/en/neuigkeiten/netzwerk-wachst/"' in html


def test_the_english_news_page_writes_its_date_in_english(client, news):
    english_html = client.get("/en/neuigkeiten/neues-aus-neumarkt/").content.decode()
    german = client.get("/neuigkeiten/neues-aus-neumarkt/").content.decode()

    assert "14 September 2026" in english_html
    assert "14. September 2026" in german
    assert (
        'href="/en/regionen/neumarkt/"' in english_html
    )  # the region in English, not the alias's German one
    assert 'href="/regionen/neumarkt/"' in german


def channel_of(response):
    assert response.status_code == 200
    return ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)


def titles(response):
    return [item.findtext("title") for item in channel_of(response).iter("item")]


def test_the_english_feed_is_english_and_lists_the_english_tree(client, news):
    english_feed = client.get("/en/neuigkeiten/feed/rss/")
    german_feed = client.get("/neuigkeiten/feed/rss/")

    assert channel_of(english_feed).findtext("language") == "en"
    assert titles(english_feed) == ["Network grows", "News from Neumarkt"]
    assert channel_of(german_feed).findtext("language") == "de"
    assert titles(german_feed) == ["Netzwerk wächst", "Neues aus Neumarkt"]


def test_the_english_region_feed_lists_the_regions_english_news(client, news):
    response = client.get("/en/neuigkeiten/region/neumarkt/rss/")

    assert response.status_code == 200
    assert titles(response) == ["News from Neumarkt"]
    assert "News from the Mitmach region" in response.content.decode()


def test_the_english_region_page_shows_the_regions_english_news(client, news):
    html = client.get("/en/regionen/neumarkt/").content.decode()

    assert "News from Neumarkt" in html
    assert "Neues aus Neumarkt" not in html
