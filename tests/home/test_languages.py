"""The home page, the menu and the footer in two languages: the English site (/en/) shows the English tree."""

import datetime as dt

from django.utils import timezone

from wagtail.models import Page, Site

import pytest

from home.models import SiteSettings
from tests.events.factories import EventPageFactory
from tests.helpers import english_tree
from tests.home.factories import ContentPageFactory
from tests.news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def english(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="en")


def retitle(page, title):
    Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)


@pytest.fixture
def site(home_page, event_index, news_index):
    Page.objects.filter(pk__in=[event_index.pk, news_index.pk]).update(show_in_menus=True)
    about = ContentPageFactory(parent=home_page, title="Über uns", slug="ueber-uns", show_in_menus=True)
    imprint = ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")
    SiteSettings.objects.create(site=Site.objects.get(), imprint_page=imprint)
    home_page.hero_cta_page = about
    home_page.hero_cta_label = "Mitmachen"
    home_page.save_revision().publish()
    event = EventPageFactory(
        parent=event_index, title="Netzwerktreffen", start=timezone.now() + dt.timedelta(days=3)
    )
    news = NewsPageFactory(parent=news_index, title="Netzwerk wächst", image=None)
    english_tree()
    retitle(english(about), "About us")
    retitle(english(event), "Network meeting")
    retitle(english(news), "Network grows")
    return {"about": about, "imprint": imprint}


def nav(html):
    return html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]


def footer(html):
    return html.split("<footer", 1)[1]


def test_the_english_menu_lists_the_english_pages(client, site):
    english_nav = nav(client.get("/en/").content.decode())
    german_nav = nav(client.get("/").content.decode())

    assert 'href="/en/ueber-uns/"' in english_nav
    assert "About us" in english_nav
    assert 'href="/en/veranstaltungen/"' in english_nav
    assert "Über uns" not in english_nav
    assert 'href="/ueber-uns/"' in german_nav
    assert "Über uns" in german_nav
    assert "/en/" not in german_nav


def test_the_menu_is_cached_per_language(client, site):
    client.get("/")
    english_nav = nav(client.get("/en/").content.decode())
    german_nav = nav(client.get("/").content.decode())

    assert "About us" in english_nav
    assert "About us" not in german_nav


def test_the_footer_links_the_legal_notice_in_the_visitors_language(client, site):
    assert 'href="/en/impressum/"' in footer(client.get("/en/").content.decode())
    german_footer = footer(client.get("/").content.decode())
    assert 'href="/impressum/"' in german_footer
    assert "/en/impressum/" not in german_footer


def test_the_english_home_page_shows_english_events_news_and_button(client, site):
    html = client.get("/en/").content.decode()

    assert "Network meeting" in html
    assert "Network grows" in html
    assert "Netzwerktreffen" not in html
    assert "Netzwerk wächst" not in html
    assert 'href="/en/ueber-uns/">Mitmachen</a>' in html


def test_the_german_home_page_shows_only_german_events_and_news(client, site):
    html = client.get("/").content.decode()

    assert "Netzwerktreffen" in html
    assert "Netzwerk wächst" in html
    assert "Network meeting" not in html
    assert "Network grows" not in html
    assert 'href="/ueber-uns/">Mitmachen</a>' in html
