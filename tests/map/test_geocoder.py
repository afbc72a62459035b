"""The optional online geocoder (``regions.map.geocoder``) against a real HTTP server that answers like Nominatim.

It is asked only when the operator set ``GEOCODER_URL`` and the offline places do not know the text; what it
finds is the position; whatever goes wrong is the form's usual "we cannot find it", never a 500.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from django.core.cache import cache
from django.urls import reverse

import pytest

from common.points import parse_point
from regions.map import geocoder
from regions.models import Initiative
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

SUBMIT = reverse("regions:submit_initiative")
PROFILE_EDIT = reverse("members:profile_edit")
USER_AGENT = "Mitmach-Hub test.example (hallo@test.example)"
VILLAGE = "Kleinkleckersdorf an der Zwerge"  # not in the offline extract
NOT_FOUND = "nicht auf der Karte"


class FakeNominatim(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        server.requests.append(
            {"time": time.monotonic(), "path": self.path, "headers": dict(self.headers.items())}
        )
        mode = server.mode
        if mode == "slow":
            time.sleep(1.5)
            mode = "found"
        status, body, headers = 200, b"", {"Content-Type": "application/json"}
        if mode == "found":
            body = json.dumps([{"lat": "49.51234", "lon": "11.12345", "display_name": "Somewhere, Bayern"}])
        elif mode == "empty":
            body = "[]"
        elif mode == "error":
            status, body = 500, '{"error": "internal"}'
        elif mode == "garbage":
            body, headers = "<html>Wartung</html>", {"Content-Type": "text/html"}
        elif mode == "object":
            body = '{"error": "Parameter missing"}'
        elif mode == "out_of_range":
            body = '[{"lat": "123", "lon": "11"}]'
        elif mode == "no_lat":
            body = '[{"display_name": "Somewhere"}]'
        elif mode == "huge":
            body = json.dumps([{"lat": "49.5", "lon": "11.1", "pad": "x" * 100_000}])
        elif mode == "redirect":
            status, headers = 302, {"Location": "http://example.invalid/elsewhere"}
        body = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def nominatim():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    server.requests, server.mode = [], "found"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def enabled(settings, nominatim):
    settings.GEOCODER_URL = f"http://127.0.0.1:{nominatim.server_address[1]}/search"
    settings.GEOCODER_USER_AGENT = USER_AGENT
    settings.GEOCODER_COUNTRY_CODES = ["de", "at"]
    settings.GEOCODER_TIMEOUT = 0.5
    return nominatim


@pytest.fixture
def submitter(client):
    client.force_login(UserFactory(verified=True))
    return client


def form_data(region, **overrides):
    return {
        "name": "Dorfladen",
        "kind": "project",
        "region": region.pk,
        "description": "Ein Laden, der allen gehört.",
        "address": VILLAGE,
        **overrides,
    }


def test_off_by_default_nothing_is_asked(submitter, region, nominatim):
    response = submitter.post(SUBMIT, form_data(region))

    assert response.status_code == 200
    assert NOT_FOUND in response.content.decode()
    assert not Initiative.objects.exists()
    assert nominatim.requests == []
    assert "looked up" not in submitter.get(f"/en{SUBMIT}").content.decode()


def test_a_place_it_finds_is_the_position(submitter, region, enabled):
    response = submitter.post(SUBMIT, form_data(region))

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    # Rounded to about a kilometre: a geocoder may know a house, the map shows a place.
    assert (initiative.latitude, initiative.longitude) == (49.51, 11.12)
    assert initiative.address == VILLAGE


def test_only_the_typed_text_goes_out_with_an_identifying_user_agent(submitter, region, enabled):
    submitter.post(SUBMIT, form_data(region, address=f"  {VILLAGE}  "))

    [request] = enabled.requests
    url = urlsplit(request["path"])
    assert url.path == "/search"
    assert parse_qs(url.query) == {
        "q": [VILLAGE],
        "format": ["jsonv2"],
        "limit": ["1"],
        "countrycodes": ["de,at"],
    }
    headers = {name.lower(): value for name, value in request["headers"].items()}
    assert headers["user-agent"] == USER_AGENT
    assert not {"cookie", "referer", "authorization"} & set(headers)


def test_a_place_known_offline_is_not_sent(submitter, region, enabled):
    response = submitter.post(SUBMIT, form_data(region, address="Marktplatz 3, 92318 Neumarkt"))

    assert response.status_code == 302
    assert round(Initiative.objects.get().latitude, 2) == 49.28
    assert enabled.requests == []


def test_the_form_says_where_the_text_goes(submitter, enabled):
    html = submitter.get(f"/en{SUBMIT}").content.decode()
    assert "is looked up at 127.0.0.1: only the text you type is sent there." in html


@pytest.mark.parametrize(
    "mode", ["empty", "error", "garbage", "object", "out_of_range", "no_lat", "huge", "redirect", "slow"]
)
def test_no_usable_answer_is_the_usual_form_error(submitter, region, enabled, mode):
    enabled.mode = mode

    response = submitter.post(SUBMIT, form_data(region))

    assert response.status_code == 200
    assert f"finden „{VILLAGE}“ {NOT_FOUND}" in response.content.decode()
    assert not Initiative.objects.exists()
    assert len(enabled.requests) == 1


def test_an_unreachable_geocoder_is_not_found(settings, submitter, region, nominatim):
    port = nominatim.server_address[1]
    nominatim.shutdown()
    nominatim.server_close()
    settings.GEOCODER_URL = f"http://127.0.0.1:{port}/search"

    response = submitter.post(SUBMIT, form_data(region))

    assert response.status_code == 200
    assert NOT_FOUND in response.content.decode()


def test_answers_are_cached_found_and_not_found(enabled):
    assert geocoder.geocode(VILLAGE).lat == 49.51
    cache.delete(geocoder.LOCK_KEY)
    assert geocoder.geocode(f"  {VILLAGE.upper()} ").lat == 49.51
    enabled.mode = "empty"
    assert geocoder.geocode("Nirgendwo") is None
    cache.delete(geocoder.LOCK_KEY)
    assert geocoder.geocode("Nirgendwo") is None

    assert [parse_qs(urlsplit(r["path"]).query)["q"] for r in enabled.requests] == [[VILLAGE], ["Nirgendwo"]]


def test_errors_are_not_cached(enabled):
    enabled.mode = "error"
    assert geocoder.geocode(VILLAGE) is None
    enabled.mode = "found"

    assert geocoder.geocode(VILLAGE).lat == 49.51
    assert len(enabled.requests) == 2


def test_at_most_one_request_per_second(enabled):
    for name in ("Erstdorf", "Zweitdorf", "Drittdorf"):
        assert geocoder.geocode(name) is not None

    times = [request["time"] for request in enabled.requests]
    assert len(times) == 3
    assert all(later - earlier >= 0.95 for earlier, later in zip(times, times[1:], strict=False))


def test_without_a_turn_nothing_is_asked(enabled):
    cache.add(geocoder.LOCK_KEY, 1, timeout=60)  # another process keeps asking

    started = time.monotonic()
    assert geocoder.geocode(VILLAGE) is None
    assert time.monotonic() - started < geocoder.WAIT_SECONDS + 0.5
    assert enabled.requests == []


@pytest.mark.parametrize("text", ["", "   ", "x" * 121, "Dorf\x00"])
def test_empty_long_or_nul_text_is_not_sent(enabled, text):
    assert geocoder.geocode(text) is None
    assert enabled.requests == []


# --- The member's place for the map ---------------------------------------------------------------------


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def profile_data(**overrides):
    return {
        "display_name": "Ada",
        "organisation": "",
        "bio": "",
        "latitude": "",
        "longitude": "",
        **overrides,
    }


def test_a_card_is_placed_where_the_geocoder_finds_its_place(member_client, member, enabled):
    response = member_client.post(PROFILE_EDIT, profile_data(show_on_map="on", map_place=VILLAGE))

    assert response.status_code == 302
    member.refresh_from_db()
    assert parse_point(member.map_location) == (49.51, 11.12)
    assert member.map_place == VILLAGE


def test_a_card_place_nobody_knows_is_still_an_error(member_client, member, enabled):
    enabled.mode = "error"

    response = member_client.post(PROFILE_EDIT, profile_data(show_on_map="on", map_place=VILLAGE))

    assert response.status_code == 200
    assert "Diesen Ort finden wir nicht auf der Karte" in response.content.decode()
    member.refresh_from_db()
    assert not member.show_on_map


def test_a_card_off_the_map_asks_nobody(member_client, member, enabled):
    member_client.post(PROFILE_EDIT, profile_data(map_place=VILLAGE))

    assert enabled.requests == []
    html = member_client.get(f"/en{PROFILE_EDIT}").content.decode()
    assert "is looked up at 127.0.0.1: only the text you type is sent there." in html
