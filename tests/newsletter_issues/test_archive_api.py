"""The archive on the site and in the API: sent issues only, bad input a 4xx."""

from datetime import timedelta

from django.utils import timezone

import pytest

from newsletter_issues.models import IssueStatus
from tests.newsletter_issues.helpers import body_of, make_issue

ARCHIVE = "/newsletter/archiv/"
API = "/api/v3/newsletters/"


@pytest.fixture
def issues(network, home_page):
    sent = make_issue([network], subject="Ausgabe Mai", status=IssueStatus.SENT, sent_at=timezone.now())
    sent.body = body_of(
        sent,
        [
            ("paragraph", "<p>Hallo <b>Netzwerk</b></p>"),
            ("heading", {"text": "<script>alert(1)</script>", "level": "h2"}),
        ],
    )
    sent.save()
    draft = make_issue([network], subject="Geheimer Entwurf")
    scheduled = make_issue(
        [network], subject="Geplant", status=IssueStatus.SCHEDULED, scheduled_for=timezone.now()
    )
    sending = make_issue([network], subject="Läuft gerade", status=IssueStatus.SENDING)
    return sent, draft, scheduled, sending


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_archive_shows_sent_issues_only(client, issues, prefix):
    sent, draft, scheduled, sending = issues

    listing = client.get(prefix + ARCHIVE)
    page = client.get(f"{prefix}{ARCHIVE}{sent.pk}/")

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Ausgabe Mai" in html
    assert all(subject not in html for subject in ("Geheimer Entwurf", "Geplant", "Läuft gerade"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Hallo <b>Netzwerk</b>" in body
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
    for unsent in (draft, scheduled, sending):
        assert client.get(f"{prefix}{ARCHIVE}{unsent.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_archive_pages_newest_first(client, network):
    for number in range(25):
        make_issue(
            [network],
            subject=f"Ausgabe {number:02}",
            status=IssueStatus.SENT,
            sent_at=timezone.now() - timedelta(days=number),
        )

    first, second = client.get(ARCHIVE).content.decode(), client.get(ARCHIVE + "?page=2").content.decode()

    assert first.index("Ausgabe 00") < first.index("Ausgabe 19") and "Ausgabe 20" not in first
    assert "Ausgabe 24" in second and "Ausgabe 00" not in second


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?page=0", "?page=99", "?page=abc", "?page=" + "9" * 400, "?page=1%00"])
def test_bad_archive_pages_are_a_4xx(client, issues, query):
    assert 400 <= client.get(ARCHIVE + query).status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["999999/", f"{2**70}/", "abc/", "1%00/"])
def test_unknown_archive_issues_are_a_4xx(client, issues, path):
    assert 400 <= client.get(ARCHIVE + path).status_code < 500


@pytest.mark.django_db
def test_the_api_lists_and_shows_sent_issues_only(client, issues):
    sent, draft, *_ = issues

    listing = client.get(API)
    detail = client.get(f"{API}{sent.pk}/")

    assert listing.status_code == 200
    data = listing.json()
    assert data["count"] == 1 and [item["subject"] for item in data["results"]] == ["Ausgabe Mai"]
    assert data["results"][0]["url"] == f"http://testserver{ARCHIVE}{sent.pk}/"
    assert detail.status_code == 200
    body = detail.json()
    assert "Hallo <b>Netzwerk</b>" in body["html"] and "&lt;script&gt;" in body["html"]
    assert "Hallo Netzwerk" in body["text"]
    assert client.get(f"{API}{draft.pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["?limit=0", "?limit=101", "?limit=x", "?offset=-1", "?offset=" + "9" * 50, "?colour=red", "?limit=1%00"],
)
def test_bad_api_parameters_are_a_400(client, issues, query):
    response = client.get(API + query)

    assert response.status_code == 400
    assert response.json()["parameter"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["0/", "abc/", f"{2**70}/", "-1/"])
def test_bad_api_ids_are_a_4xx(client, issues, path):
    assert 400 <= client.get(API + path).status_code < 500
