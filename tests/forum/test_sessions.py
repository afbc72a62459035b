"""Anonymous visitors get a session (machina's forum key) only in the forums, not on every page or API call."""

from django.contrib.sessions.models import Session

import pytest

pytestmark = pytest.mark.django_db


def test_pages_and_the_api_start_no_session_for_anonymous_visitors(client, region):
    for url in (region.url, "/api/v3/pages/", "/api/v3/map/features"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "sessionid" not in response.cookies, url

    assert not Session.objects.exists()


def test_the_forums_still_give_anonymous_visitors_their_key(client, region):
    response = client.get("/forum/")

    assert response.status_code == 200
    assert "sessionid" in response.cookies
