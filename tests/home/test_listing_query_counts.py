"""Every index page renders with the same number of SQL queries for 5 and for 50 children."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from home.models import SDG, FieldOfAction, Resource
from regions.models import ApprovalStatus
from tests.actions.factories import ActionPageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import ContentPageFactory
from tests.news.factories import NewsPageFactory
from tests.regions.factories import InitiativeFactory, RegionPageFactory

pytestmark = pytest.mark.django_db


def add_regions(index, count):
    for _ in range(count):
        region = RegionPageFactory(parent=index)
        region.fields_of_action.set(FieldOfAction.objects.all()[:2])
        region.save()


def add_actions(index, count):
    for _ in range(count):
        ActionPageFactory(
            parent=index,
            taxonomy__fields=list(FieldOfAction.objects.all()[:2]),
            taxonomy__sdgs=list(SDG.objects.all()[:3]),
            taxonomy__resources=list(Resource.objects.all()[:2]),
        )


def add_events(index, count, region=None):
    now = timezone.now()
    for number in range(count):
        event = EventPageFactory(
            parent=index,
            start=now + dt.timedelta(days=number - count // 2),
            regions=[region] if region else [],
            module_number=number,
        )
        event.fields_of_action.set(FieldOfAction.objects.all()[:2])
        event.save()


def add_news(index, count):
    for _ in range(count):
        news = NewsPageFactory(parent=index)
        news.fields_of_action.set(FieldOfAction.objects.all()[:1])
        news.tags.add("Netzwerk", "Konferenz")
        news.save()


def add_chapters(page, count):
    for _ in range(count):
        ContentPageFactory(parent=page)


def queries_for(client, url):
    client.get(url)  # warm up: renditions and caches are created on the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def region_index_case(region_index):
    return region_index, add_regions


@pytest.fixture
def action_index_case(action_index):
    return action_index, add_actions


@pytest.fixture
def event_index_case(event_index, region):
    return event_index, lambda index, count: add_events(index, count, region=region)


@pytest.fixture
def series_case(event_index):
    series = EventIndexPageFactory(parent=event_index, title="Regionallabor", is_series=True)
    return series, add_events


@pytest.fixture
def news_index_case(news_index):
    return news_index, add_news


@pytest.fixture
def handbook_case(home_page):
    return ContentPageFactory(parent=home_page, title="Handbuch"), add_chapters


@pytest.mark.parametrize(
    "case",
    [
        "region_index_case",
        "action_index_case",
        "event_index_case",
        "series_case",
        "news_index_case",
        "handbook_case",
    ],
)
def test_index_query_count_does_not_grow_with_children(client, request, case):
    index, add_children = request.getfixturevalue(case)
    add_children(index, 5)
    with_5 = queries_for(client, index.url)

    add_children(index, 45)
    with_50 = queries_for(client, index.url)

    assert with_5 == with_50, f"{case}: {with_5} queries for 5 children, {with_50} for 50"


def test_home_page_query_count_does_not_grow_with_content(
    client, home_page, region_index, action_index, event_index, news_index
):
    from home.models import HomePageFeaturedAction

    def fill(count):
        add_regions(region_index, count)
        add_actions(action_index, count)
        add_events(event_index, count)
        add_news(news_index, count)
        for action in action_index.get_children().specific()[:count]:
            HomePageFeaturedAction.objects.get_or_create(page=home_page, action=action)

    fill(2)
    few = queries_for(client, "/")
    fill(20)
    many = queries_for(client, "/")

    assert few == many


def test_region_page_query_count_does_not_grow_with_initiatives_events_and_news(
    client, region, event_index, news_index
):
    def fill(count):
        for _ in range(count):
            initiative = InitiativeFactory(region=region, approval_status=ApprovalStatus.APPROVED)
            initiative.fields_of_action.set(FieldOfAction.objects.all()[:2])
        add_events(region, count, region=region)
        for _ in range(count):
            news = NewsPageFactory(parent=region)
            news.regions.set([region])
            news.save()

    fill(2)
    few = queries_for(client, region.url)
    fill(10)
    many = queries_for(client, region.url)

    assert few == many
