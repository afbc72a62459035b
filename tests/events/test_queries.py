"""Listings, feeds and the API run a fixed number of queries, however many events (single and recurring) there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.events.helpers import ENERGY, FOOD

pytestmark = pytest.mark.django_db


def make_events(make_event, region, count, start=0):
    for number in range(start, start + count):
        make_event(
            days=number + 1,
            title=f"Kommend {number}",
            regions=[region],
            fields=[ENERGY, FOOD],
            recording_url="https://vimeo.com/1",
        )
        make_event(
            days=-(number + 1) * 7,
            title=f"Sprechstunde {number}",
            regions=[region],
            fields=[ENERGY],
            repeat="weekly",
            repeat_count=number + 2 * 7,
            repeat_exceptions=[],
        )
        make_event(
            days=-(number + 1),
            title=f"Vorbei {number}",
            regions=[region],
            fields=[ENERGY],
            recording_url="https://vimeo.com/2",
        )


def urls(event_index, region):
    return {
        "index": event_index.url,
        "index_filtered": f"{event_index.url}?kind=webinar&field={ENERGY}&region=neumarkt&format=online",
        "videothek": event_index.url + "videothek/",
        "videothek_filtered": f"{event_index.url}videothek/?field={ENERGY}&region=neumarkt",
        "calendar": event_index.url + "kalender/",
        "calendar_region": event_index.url + "kalender/region/neumarkt/",
        "calendar_field": event_index.url + f"kalender/handlungsfeld/{ENERGY}/",
        "api": "/api/v3/events/",
        "api_past": f"/api/v3/events/?when=past&field={ENERGY}&region=neumarkt&limit=100",
        "region": region.url,
        "region_history": event_index.url + "rueckblick/neumarkt/",
    }


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "name",
    [
        "index",
        "index_filtered",
        "videothek",
        "videothek_filtered",
        "calendar",
        "calendar_region",
        "calendar_field",
        "api",
        "api_past",
        "region",
        "region_history",
    ],
)
def test_query_count_does_not_grow_with_the_number_of_events(
    client, event_index, region, make_event, django_assert_max_num_queries, name
):
    make_events(make_event, region, 2)
    url = urls(event_index, region)[name]
    few = count_queries(client, url)

    make_events(make_event, region, 25, start=2)

    with django_assert_max_num_queries(few):
        client.get(url)
