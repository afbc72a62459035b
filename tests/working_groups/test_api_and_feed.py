"""Groups and their reports in the API (with the OpenAPI schema) and in the region's news feeds."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from tests.members.factories import UserFactory
from tests.news.factories import NewsPageFactory
from tests.working_groups.factories import ProgressReportFactory, WorkingGroupFactory, add_member

API = "/api/v3/groups/"


@pytest.fixture
def reported(group, contact):
    ProgressReportFactory(group=group, author=contact, title="Solardach fertig", date=dt.date(2026, 6, 2))
    ProgressReportFactory(group=group, author=contact, title="Erstes Treffen", date=dt.date(2026, 5, 2))
    return group


def test_the_list_shows_active_groups_with_counts_and_no_personal_data(client, reported, contact):
    WorkingGroupFactory(name="Eingeschlafen", active=False)
    body = client.get(API).json()
    assert body["count"] == 2  # the group and the closed group of the fixtures' contact
    names = [item["name"] for item in body["results"]]
    assert "Initiativkreis Energie" in names and "Eingeschlafen" not in names
    item = next(item for item in body["results"] if item["slug"] == "ik-energie")
    assert item["member_count"] == 1 and item["region"] == "neumarkt"
    assert contact.email not in str(body)


def test_filters_by_region_and_network(client, reported, other_region):
    WorkingGroupFactory(name="Netzwerk-AG")
    assert client.get(API, {"region": "neumarkt"}).json()["count"] == 2
    assert [i["name"] for i in client.get(API, {"region": "netzwerk"}).json()["results"]] == ["Netzwerk-AG"]
    assert client.get(API, {"region": "bergisches-land"}).json()["count"] == 0


def test_detail_and_reports(client, reported, contact):
    detail = client.get(f"{API}{reported.pk}/").json()
    assert detail["contacts"] == ["Clara Kontakt"]
    assert [r["title"] for r in detail["latest_reports"]] == ["Solardach fertig", "Erstes Treffen"]
    reports = client.get(f"{API}{reported.pk}/reports/", {"limit": 1, "offset": 1}).json()
    assert reports["count"] == 2 and [r["title"] for r in reports["results"]] == ["Erstes Treffen"]


def test_the_english_name_in_english(client, reported):
    reported.name_en = "Energy circle"
    reported.save()
    response = client.get(f"{API}{reported.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["name"] in ("Energy circle", "Initiativkreis Energie")


@pytest.mark.parametrize(
    "query",
    [
        "?limit=0",
        "?limit=101",
        "?limit=x",
        "?offset=-1",
        "?offset=" + "9" * 50,
        "?colour=red",
        "?limit=1%00",
        "?region=nirgendwo",
        "?field=" + "x" * 300,
    ],
)
def test_bad_parameters_are_a_400(client, reported, query):
    response = client.get(API + query)
    assert response.status_code == 400
    assert response.json()["parameter"]


@pytest.mark.parametrize(
    "path", ["0/", "abc/", f"{2**70}/", "-1/", "999999/", "999999/reports/", "0/reports/"]
)
def test_bad_or_unknown_ids_are_a_4xx(client, reported, path):
    assert 400 <= client.get(API + path).status_code < 500


def test_inactive_group_is_not_in_the_api(client, reported):
    reported.active = False
    reported.save()
    assert client.get(f"{API}{reported.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_openapi_schema_describes_the_endpoints(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert {"/api/v3/groups/", "/api/v3/groups/{group_id}/", "/api/v3/groups/{group_id}/reports/"} <= set(
        paths
    )


def test_api_query_count_does_not_grow(client, region, django_assert_max_num_queries):
    for _ in range(15):
        group = WorkingGroupFactory(region=region)
        ProgressReportFactory(group=group)
        add_member(group, UserFactory())
    with django_assert_max_num_queries(8):
        assert client.get(API, {"limit": 100}).status_code == 200


def test_region_feed_carries_the_groups_reports(client, news_index, region, other_region, reported):
    news = NewsPageFactory(parent=region, title="Konferenz", intro="Viele kamen.", date=dt.date(2026, 5, 20))
    news.regions.set([region])
    news.save()
    foreign = WorkingGroupFactory(region=other_region)
    ProgressReportFactory(group=foreign, title="Anderswo")
    url = news_index.url + news_index.reverse_subpage("region_feed_rss", kwargs={"slug": region.slug})
    root = ET.fromstring(client.get(url).content)  # noqa: S314 (our own feed)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == [
        "Initiativkreis Energie: Solardach fertig",
        "Konferenz",
        "Initiativkreis Energie: Erstes Treffen",
    ]
    guids = [item.findtext("guid") for item in root.iter("item")]
    assert len(set(guids)) == 3 and any("group-report-" in guid for guid in guids)

    atom = news_index.url + news_index.reverse_subpage("region_feed_atom", kwargs={"slug": region.slug})
    assert "Solardach fertig" in client.get(atom).content.decode()
    network_feed = news_index.url + news_index.reverse_subpage("feed_rss")
    assert "Solardach" not in client.get(network_feed).content.decode()
