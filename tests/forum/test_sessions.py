"""Anonymous visitors get no session: not on pages, not in the API, not in the forums (they only read there)."""

from django.contrib.sessions.models import Session

import pytest

pytestmark = pytest.mark.django_db


def test_pages_and_the_api_start_no_session_for_anonymous_visitors(client, region):
    for url in (region.url, "/api/v3/pages/", "/api/v3/map/features"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "sessionid" not in response.cookies, url

    assert not Session.objects.exists()


def test_the_forums_are_read_without_a_session(client, region):
    response = client.get("/forum/")

    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()
