"""Bad input from anonymous visitors gets a 4xx (or an ordinary answer), never a 500.

Found by an outside attack and fixed as classes: NUL bytes anywhere in a request and integers beyond what a
database column holds are refused in front of every view (``hub.request_guards``); search words reach SQLite's
FTS5 properly quoted (``search.fts5``); a member profile takes numeric pks only; event titles with line breaks
still make a valid iCalendar file. Run on SQLite and on PostgreSQL (``DATABASE_URL``): the two fail differently.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from icalendar import Calendar

from forum import structure
from home.models import FieldOfAction
from tests.actions.factories import ActionPageFactory
from tests.events.factories import EventPageFactory
from tests.forum.factories import make_topic
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 22  # beyond 2**63 - 1, the largest integer PostgreSQL and SQLite store
NUL = "x\x00y"
MAX_INTEGER = str(2**63 - 1)
# Characters and words FTS5 (and other engines) read as query syntax.
SEARCH_SYNTAX = ["'\"<>", 'garten"', '"garten', "(garten OR", "NOT garten*", "a:b ^garten", "garten -x +y"]

API_PATHS = [
    "/api/v3/actions/search",
    "/api/v3/pages/",
    "/api/v3/pages/find/",
    "/api/v3/images/",
    "/api/v3/documents/",
    "/api/v3/initiatives/",
]
HTML_PATHS = ["/aktionen/", "/suche/", "/forum/search/"]
NUL_PARAMETERS = ["q", "search", "locale", "site", "html_path"]
PAGED_API_PATHS = ["/api/v3/pages/", "/api/v3/images/", "/api/v3/documents/", "/api/v3/initiatives/"]


@pytest.fixture
def client():
    """A client that answers like the server does: a crash is a 500 response, not an exception in the test."""
    return Client(raise_request_exception=False)


@pytest.fixture
def content(action_index):
    """A little of everything the URLs above list or search: actions, a forum topic, an image, a document."""
    for title in ("Offener Garten", "Repair-Café gründen"):
        ActionPageFactory(parent=action_index, title=title)
    structure.ensure_structure()
    forum = structure.field_forum(FieldOfAction.objects.order_by("order", "name").first())
    make_topic(forum, UserFactory(verified=True), subject="Garten", content="Gemüse im Garten")
    get_image_model().objects.create(title="Garten", file=get_test_image_file())
    get_document_model().objects.create(title="Satzung", file=ContentFile(b"Satzung", name="satzung.txt"))
    return action_index


def assert_api_problem(response, parameter):
    assert response.status_code == 400, f"{response.status_code}: {response.content[:200]!r}"
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert body["parameter"] == parameter
    assert body["detail"]


# --- NUL bytes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("parameter", NUL_PARAMETERS)
@pytest.mark.parametrize("path", API_PATHS)
def test_nul_byte_in_an_api_parameter_is_a_400_problem(client, content, path, parameter):
    assert_api_problem(client.get(path, {parameter: NUL}), parameter)


@pytest.mark.parametrize("parameter", NUL_PARAMETERS)
@pytest.mark.parametrize("path", HTML_PATHS)
def test_nul_byte_in_a_page_parameter_is_a_400_page(client, content, path, parameter):
    response = client.get(path, {parameter: NUL})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Diese Anfrage können wir nicht verarbeiten" in response.content.decode()


@pytest.mark.parametrize("path", ["/suche/", "/api/v3/pages/"])
def test_nul_byte_in_a_parameter_name_a_posted_field_or_a_cookie_is_a_400(client, content, path):
    assert client.get(path + "?a%00b=1").status_code == 400
    assert client.post(path, {"q": NUL}).status_code == 400
    client.cookies["sessionid"] = "\x00" * 32  # sent octal-escaped, read back as NUL bytes by Django
    assert client.get(path).status_code == 400


@pytest.mark.parametrize("path", ["/aktionen/%00/", "/forum/%00/", "/api/v3/pages/%00/"])
def test_nul_byte_in_the_path_is_a_400(client, content, path):
    response = client.get(path)

    assert response.status_code == 400
    if path.startswith("/api/"):
        assert_api_problem(response, "path")


# --- Integers beyond the database's range ------------------------------------------------------------


@pytest.mark.parametrize("parameter", ["offset", "limit"])
@pytest.mark.parametrize("path", PAGED_API_PATHS)
def test_huge_offset_or_limit_is_a_400_problem(client, content, path, parameter):
    assert_api_problem(client.get(path, {parameter: HUGE}), parameter)
    assert_api_problem(client.get(path, {parameter: "-" + HUGE}), parameter)


@pytest.mark.parametrize("path", [*PAGED_API_PATHS, "/api/v3/actions/search"])
@pytest.mark.parametrize("parameter", ["offset", "limit", "page"])
def test_number_too_long_for_int_is_a_400_problem(client, content, path, parameter):
    """Python's int() refuses strings of more than 4,300 digits with a ValueError."""
    response = client.get(path, {parameter: "9" * 10_000})

    assert_api_problem(response, parameter)


def test_page_number_too_long_for_int_is_a_400_on_the_action_pool(client, content):
    assert client.get("/aktionen/", {"page": "9" * 10_000}).status_code == 400


@pytest.mark.parametrize("path", PAGED_API_PATHS)
def test_largest_offset_a_database_takes_is_no_server_error(client, content, path):
    assert client.get(path, {"offset": MAX_INTEGER}).status_code < 500


@pytest.mark.parametrize("parameter", ["child_of", "descendant_of", "ancestor_of", "translation_of"])
def test_huge_page_id_filter_is_a_400_problem(client, content, parameter):
    assert_api_problem(client.get("/api/v3/pages/", {parameter: HUGE}), parameter)


def test_huge_id_on_find_is_a_400_problem(client, content):
    assert_api_problem(client.get("/api/v3/pages/find/", {"id": HUGE}), "id")


@pytest.mark.parametrize("path", PAGED_API_PATHS)
def test_huge_id_in_an_api_path_is_a_404_problem(client, content, path):
    response = client.get(f"{path}{HUGE}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_huge_action_id_in_the_forum_is_a_404(client, content):
    assert client.get(f"/forum/aktion/{HUGE}/").status_code == 404
    assert client.post(f"/forum/aktion/{HUGE}/").status_code == 404


@pytest.mark.parametrize("logged_in", [False, True])
@pytest.mark.parametrize("action", ["beitreten", "verlassen"])
def test_huge_region_id_is_a_404(client, content, action, logged_in):
    if logged_in:
        client.force_login(UserFactory(verified=True))

    assert client.post(f"/mitmachen/region/{HUGE}/{action}/").status_code == 404


@pytest.mark.parametrize(
    "path", [f"/forum/forum/garten-{HUGE}/", f"/forum/abo/{HUGE}/", f"/forum/member/topic/{HUGE}/subscribe/"]
)
def test_huge_ids_in_other_forum_urls_are_a_404(client, content, path):
    client.force_login(UserFactory(verified=True))

    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def test_ordinary_numbers_still_pass_the_guard(client, content):
    assert client.get("/api/v3/pages/", {"limit": "2", "offset": "1"}).status_code == 200
    assert client.get("/api/v3/actions/search", {"q": "2030"}).status_code == 200
    assert client.get("/suche/", {"q": HUGE}).status_code == 200  # pages search text, not ids


def test_site_filter_with_a_port_that_is_no_number_is_a_400_problem(client, content):
    response = client.get("/api/v3/pages/find/", {"html_path": "/", "site": "example.org:abc"})

    assert_api_problem(response, "site")


# --- Member profiles with a pk that is not a number ----------------------------------------------------


@pytest.mark.parametrize("pk", ["abc", "1.5", "-1", "1e3", HUGE])
@pytest.mark.parametrize("suffix", ["", "posts/"])
def test_member_profile_with_a_pk_that_is_no_id_is_a_404(client, content, pk, suffix):
    assert client.get(f"/forum/member/profile/{pk}/{suffix}").status_code == 404


def test_member_profiles_with_a_real_pk_and_the_edit_page_still_answer(client, content):
    member = UserFactory(verified=True)

    assert client.get(f"/forum/member/profile/{member.pk}/").status_code == 200
    assert client.get(f"/forum/member/profile/{member.pk}/posts/").status_code == 200
    client.force_login(member)
    assert client.get("/forum/member/profile/edit/").status_code == 200


# --- Query syntax in search words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/suche/", "q"),
        ("/aktionen/", "q"),
        ("/forum/search/", "q"),
        ("/api/v3/actions/search", "q"),
        ("/api/v3/pages/", "search"),
        ("/api/v3/images/", "search"),
        ("/api/v3/documents/", "search"),
    ],
)
def test_query_syntax_in_search_words_answers_200(client, content, path, parameter):
    statuses = {words: client.get(path, {parameter: words}).status_code for words in SEARCH_SYNTAX}

    assert statuses == dict.fromkeys(SEARCH_SYNTAX, 200)


@pytest.mark.parametrize("path", ["/suche/", "/aktionen/", "/api/v3/actions/search"])
def test_search_still_finds_the_words_next_to_the_syntax(client, content, path):
    response = client.get(path, {"q": 'garten"'})

    assert "Offener Garten" in response.content.decode()


# --- Line breaks in an event's iCalendar file ---------------------------------------------------------


@pytest.mark.parametrize("title", ["Webinar\nTeil 2", "Webinar\r\nTeil 2", "Webinar\rTeil 2"])
def test_event_title_with_a_line_break_still_makes_a_calendar(client, event_index, title):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=7)
    event = EventPageFactory(parent=event_index, title=title, start=start, end=start + dt.timedelta(hours=2))
    event_index.title = "Veranstaltungen\nim Hub"
    event_index.save_revision().publish()

    single = client.get(event.url + event.reverse_subpage("ical"))
    feed = client.get(event_index.url + event_index.reverse_subpage("calendar"))

    assert (single.status_code, feed.status_code) == (200, 200)
    for response, name in ((single, "Webinar Teil 2"), (feed, "Veranstaltungen im Hub")):
        calendar = Calendar.from_ical(response.content)
        assert str(calendar["X-WR-CALNAME"]).startswith(name)  # on one line
        [vevent] = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]).split() == ["Webinar", "Teil", "2"]  # the line break escaped, as TEXT
