"""RSS 2.0 and Atom feeds of the news, for the network and per region, parsed with ElementTree."""

import datetime as dt
import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

import pytest

from home.models import FieldOfAction
from tests.news.factories import NewsPageFactory
from tests.regions.factories import RegionPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(index, name, **kwargs):
    return index.url + index.reverse_subpage(name, kwargs=kwargs or None)


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, the brief asks for ElementTree)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    (channel,) = root.findall("channel")
    return channel, channel.findall("item")


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, the brief asks for ElementTree)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


@pytest.fixture
def news(news_index, region, other_region):
    network = NewsPageFactory(
        parent=news_index, title="Neues aus dem Netzwerk", intro="Für alle.", date=dt.date(2026, 3, 1)
    )
    neumarkt = NewsPageFactory(
        parent=region, title="Konferenz in Neumarkt", intro="Über 100 Menschen.", date=dt.date(2026, 5, 1)
    )
    neumarkt.regions.set([region])
    neumarkt.fields_of_action.set(FieldOfAction.objects.filter(slug="sozialer-zusammenhalt"))
    neumarkt.tags.add("Konferenz")
    neumarkt.save()
    wendland = NewsPageFactory(
        parent=news_index, title="Wendland legt los", intro="Ein neues Team.", date=dt.date(2026, 4, 1)
    )
    wendland.regions.set([other_region])
    wendland.save()
    NewsPageFactory(parent=news_index, title="Entwurf", live=False)
    private = NewsPageFactory(parent=news_index, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"network": network, "neumarkt": neumarkt, "wendland": wendland}


@pytest.fixture
def other_region(region_index):
    return RegionPageFactory(parent=region_index, title="Wendland", slug="wendland")


def test_rss_lists_all_live_public_news_newest_first(client, news_index, news):
    channel, items = rss_items(client.get(feed_url(news_index, "feed_rss")))

    assert channel.findtext("title") == "Neuigkeiten · Mitmach-Hub"
    assert channel.findtext("link") == news_index.full_url
    assert channel.findtext("language") == "de"
    assert [item.findtext("title") for item in items] == [
        "Konferenz in Neumarkt",
        "Wendland legt los",
        "Neues aus dem Netzwerk",
    ]
    first = items[0]
    assert first.findtext("link") == news["neumarkt"].full_url
    assert "Über 100 Menschen." in first.findtext("description")
    assert first.findtext("pubDate").startswith("Fri, 01 May 2026 00:00:00 +0200")
    assert {category.text for category in first.findall("category")} == {"Sozialer Zusammenhalt", "Konferenz"}
    guid = first.find("guid")
    assert guid.text == f"tag:mitmach-hub,2024:news-{news['neumarkt'].pk}"
    assert guid.get("isPermaLink") == "false"


def test_atom_has_entries_with_unique_ids(client, news_index, news):
    root, entries = atom_entries(client.get(feed_url(news_index, "feed_atom")))

    assert root.findtext(f"{ATOM}title") == "Neuigkeiten · Mitmach-Hub"
    assert root.findtext(f"{ATOM}id") == "tag:mitmach-hub,2024:news-feed"
    assert root.findtext(f"{ATOM}updated")
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Mitmach-Hub"  # RFC 4287: feed or entries need one
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids)) == 3
    assert ids[0] == f"tag:mitmach-hub,2024:news-{news['neumarkt'].pk}"
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "Konferenz in Neumarkt"
    assert first.find(f"{ATOM}link").get("href") == news["neumarkt"].full_url
    assert first.findtext(f"{ATOM}published")
    assert first.findtext(f"{ATOM}updated")
    assert first.find(f"{ATOM}summary").get("type") == "html"
    assert {category.get("term") for category in first.findall(f"{ATOM}category")} == {
        "Sozialer Zusammenhalt",
        "Konferenz",
    }


def test_entry_ids_survive_a_renamed_title_and_slug(client, news_index, news):
    before = atom_entries(client.get(feed_url(news_index, "feed_atom")))[1][0].findtext(f"{ATOM}id")
    page = news["neumarkt"]
    page.title, page.slug = "Umbenannt", "umbenannt"
    page.save_revision().publish()

    entry = atom_entries(client.get(feed_url(news_index, "feed_atom")))[1][0]

    assert entry.findtext(f"{ATOM}title") == "Umbenannt"
    assert entry.findtext(f"{ATOM}id") == before


@pytest.mark.parametrize(
    ("name", "parse"), [("region_feed_rss", rss_items), ("region_feed_atom", atom_entries)]
)
def test_a_region_feed_has_only_that_regions_news(client, news_index, news, region, name, parse):
    head, items = parse(client.get(feed_url(news_index, name, slug="neumarkt")))
    title_tag = "title" if parse is rss_items else f"{ATOM}title"

    assert [item.findtext(title_tag) for item in items] == ["Konferenz in Neumarkt"]
    assert "Neumarkt in der Oberpfalz" in head.findtext(title_tag)
    if parse is atom_entries:
        assert head.findtext(f"{ATOM}id") == f"tag:mitmach-hub,2024:news-feed-region-{region.pk}"


@pytest.mark.parametrize("name", ["region_feed_rss", "region_feed_atom"])
def test_an_unknown_region_is_a_404(client, news_index, name):
    assert client.get(feed_url(news_index, name, slug="atlantis")).status_code == 404


def test_feeds_hold_the_latest_30(client, news_index):
    for day in range(1, 33):
        NewsPageFactory(
            parent=news_index, title=f"Tag {day}", date=dt.date(2026, 1, day % 28 + 1), image=None
        )

    assert len(rss_items(client.get(feed_url(news_index, "feed_rss")))[1]) == 30
    assert len(atom_entries(client.get(feed_url(news_index, "feed_atom")))[1]) == 30


def test_user_text_is_escaped(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="<script>alert(1)</script> & Co",
        intro='<img src=x onerror="alert(2)"> Einleitung',
    )

    rss = client.get(feed_url(news_index, "feed_rss")).content.decode()
    atom = client.get(feed_url(news_index, "feed_atom")).content.decode()

    for raw in (rss, atom):
        assert "<script>" not in raw
        assert "<img" not in raw
    (item,) = rss_items(client.get(feed_url(news_index, "feed_rss")))[1]
    # RSS readers render title and description as HTML: both arrive HTML-escaped.
    assert item.findtext("title") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"
    assert "&lt;img src=x" in item.findtext("description")
    (entry,) = atom_entries(client.get(feed_url(news_index, "feed_atom")))[1]
    # Atom titles are plain text (no type="html"): the XML escaping is all they need.
    assert entry.find(f"{ATOM}title").get("type") in (None, "text")
    assert entry.findtext(f"{ATOM}title") == "<script>alert(1)</script> & Co"
    assert "&lt;img src=x" in entry.findtext(f"{ATOM}summary")


def test_the_news_index_links_its_feeds(client, news_index, news):
    html = client.get(news_index.url).content.decode()

    rss, atom = feed_url(news_index, "feed_rss"), feed_url(news_index, "feed_atom")
    assert f'<link rel="alternate" type="application/rss+xml" title="Neuigkeiten (RSS)" href="{rss}">' in html
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Neuigkeiten (Atom)" href="{atom}">' in html
    )
    assert f'<a href="{rss}" type="application/rss+xml">' in html


def test_the_region_page_links_its_feeds(client, news_index, news, region):
    html = client.get(region.url).content.decode()

    rss = feed_url(news_index, "region_feed_rss", slug="neumarkt")
    atom = feed_url(news_index, "region_feed_atom", slug="neumarkt")
    assert (
        f'rel="alternate" type="application/rss+xml" title="Neuigkeiten aus Neumarkt in der Oberpfalz (RSS)" href="{rss}"'
        in html
    )
    assert (
        f'type="application/atom+xml" title="Neuigkeiten aus Neumarkt in der Oberpfalz (Atom)" href="{atom}"'
        in html
    )
    assert f'<a href="{rss}"' in html


def test_a_region_page_without_a_news_index_has_no_feed_links(client, region):
    response = client.get(region.url)

    assert response.status_code == 200
    assert "application/rss+xml" not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("feed_rss", {}), ("feed_atom", {}), ("region_feed_rss", {"slug": "neumarkt"})],
)
def test_feeds_run_a_fixed_number_of_queries(
    client, news_index, region, django_assert_max_num_queries, name, kwargs
):
    def add(count, start):
        for number in range(start, start + count):
            page = NewsPageFactory(parent=news_index, title=f"Nachricht {number}", image=None)
            page.regions.set([region])
            page.fields_of_action.set(FieldOfAction.objects.all()[:2])
            page.tags.add(f"Schlagwort {number}")
            page.save()

    url = feed_url(news_index, name, **kwargs)
    add(2, 0)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(20, 2)

    with django_assert_max_num_queries(len(few)):
        client.get(url)
