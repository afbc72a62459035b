"""The production setup, driven over HTTP: gunicorn after collectstatic, PostgreSQL, Redis, OpenSearch, the worker.

.ci/run builds it as docs/deploy.md tells an operator to and starts two servers (A with two worker processes, B
with one) on the same database, cache and queue. Locally these tests skip unless PRODUCTION_URLS is set.
"""

import email
import json
import re
import time
import uuid
from urllib.parse import urlsplit

from wagtail.models import get_page_models

import pytest

pytestmark = pytest.mark.production

HASHED_CSS = re.compile(r'href="(/static/css/hub\.[0-9a-f]{12}\.css)"')


def all_pages(production):
    pages, offset = [], 0
    while True:
        answer = production.get(f"/api/v3/pages/?limit=20&offset={offset}").json()
        pages += answer["items"]
        offset += 20
        if offset >= answer["count"]:
            return pages


def test_every_page_type_of_the_demo_renders(production):
    pages = all_pages(production)
    page_types = {model._meta.label for model in get_page_models()} - {"wagtailcore.Page"}
    shown = {page["meta"]["type"] for page in pages}
    assert page_types <= shown, f"the demo has no live page of {page_types - shown}"

    failures = []
    for page in pages:
        path = urlsplit(page["meta"]["html_url"]).path
        response = production.get(path)
        if response.status_code != 200 or not HASHED_CSS.search(response.text):
            failures.append((path, response.status_code))
    assert not failures, failures


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/", "text/html"),
        ("/regionen/", "text/html"),
        ("/aktionen/?handlungsfeld=energie-und-verkehr", "text/html"),
        ("/suche/?q=Garten", "text/html"),
        ("/veranstaltungen/kalender/", "text/calendar"),
        ("/neuigkeiten/feed/rss/", "application/rss+xml"),
        ("/neuigkeiten/feed/atom/", "application/atom+xml"),
        ("/forum/", "text/html"),
        ("/konto/signup/", "text/html"),
        ("/konto/login/", "text/html"),
        ("/api/v3/openapi.json", "application/json"),
        ("/api/v3/docs/", "text/html"),
        ("/api/v3/pages/", "application/json"),
        ("/api/v3/actions/search?q=Energie", "application/json"),
        ("/api/v3/events/", "application/json"),
        ("/api/v3/map/features", "application/geo+json"),
        ("/admin/login/", "text/html"),
    ],
)
def test_feeds_calendars_api_forum_and_sign_up_answer(production, path, content_type):
    response = production.get(path, allow_redirects=True)

    assert response.status_code == 200, (path, response.status_code)
    assert response.headers["Content-Type"].startswith(content_type)


def test_static_files_have_hashed_names_and_are_cached_for_a_year(production):
    stylesheet = HASHED_CSS.search(production.get("/").text).group(1)

    response = production.get(stylesheet)

    assert response.status_code == 200
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    # The map's libraries were collected too (with their source maps, which the manifest insists on).
    map_page = production.get("/regionen/").text
    leaflet = re.search(r'src="(/static/vendor/leaflet/leaflet\.[0-9a-f]{12}\.js)"', map_page).group(1)
    assert production.get(leaflet).status_code == 200


def test_pages_carry_the_security_headers(production):
    headers = production.get("/").headers

    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "geolocation=(self)" in headers["Permissions-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_health_check_reports_every_dependency(production):
    for server in production.urls:
        answer = production.get("/healthz", server=server)

        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["database"] == body["cache"] == body["static"] == "ok"
        assert body["vendor"] == "postgresql"
        assert body["search"] == {"engine": "opensearch", "status": "ok"}
        assert body["tasks"]["oldest_ready_seconds"] is None or body["tasks"]["oldest_ready_seconds"] < 60


def csrf(production, path, server=None):
    """The form's CSRF cookie: production marks it Secure, so a plain-HTTP client sends it by hand."""
    response = production.get(path, server=server)
    token = response.cookies["csrftoken"]
    return {"Cookie": f"csrftoken={token}", "Referer": (server or production.a) + path}, token


def test_sign_up_mails_the_confirmation_through_the_worker_and_a_real_smtp_server(production):
    address = f"smoke-{uuid.uuid4().hex[:10]}@example.org"
    headers, token = csrf(production, "/konto/signup/")

    response = production.post(
        "/konto/signup/",
        headers=headers,
        data={
            "csrfmiddlewaretoken": token,
            "email": address,
            "password1": "ein-sicheres-Passwort-42",
            "password2": "ein-sicheres-Passwort-42",
            "display_name": "Smoke Test",
        },
    )
    assert response.status_code == 302, response.text[:2000]

    message = wait_for_mail(production, address)
    text = "".join(
        part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        for part in message.walk()
        if part.get_content_type() == "text/plain"
    )
    assert "/konto/confirm-email/" in text


def wait_for_mail(production, address, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in (production.maildir / "new").glob("*"):
            message = email.message_from_bytes(path.read_bytes())
            if address in message.get("To", ""):
                return message
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} within {seconds} s; the worker's log is var/ci/worker.log")


def failed_login(production, server, address, forwarded_for):
    headers, token = csrf(production, "/konto/login/", server=server)
    # Both servers answer for one public host name, as behind a load balancer (allauth's key includes it).
    headers |= {"X-Forwarded-For": forwarded_for, "Host": "localhost"}
    response = production.post(
        "/konto/login/",
        server=server,
        headers=headers,
        data={"csrfmiddlewaretoken": token, "login": address, "password": "falsch"},
    )
    return response.status_code == 429 or "Zu viele gescheiterte Anmeldeversuche" in response.text


def test_failed_logins_per_account_are_counted_once_across_servers(production):
    # allauth allows 5 failed logins per account in 5 minutes. With a cache per process each server (and each
    # of A's worker processes) would count on its own and let more through.
    address = f"victim-{uuid.uuid4().hex[:10]}@example.org"
    refused = [
        failed_login(production, production.urls[attempt % 2], address, "198.51.100.7")
        for attempt in range(7)
    ]

    assert refused == [False] * 5 + [True] * 2


def test_a_spoofed_forwarded_address_does_not_escape_the_per_client_limit(production):
    # 10 failed logins a minute per client address, whatever the account. Without a proxy in front
    # (TRUSTED_PROXY_COUNT unset: 0), X-Forwarded-For is the client's own invention and must not count.
    time.sleep(61)  # the previous test's attempts leave the per-address window
    refused = [
        failed_login(
            production,
            production.urls[attempt % 2],
            f"{uuid.uuid4().hex[:10]}@example.org",
            f"203.0.113.{attempt}",
        )
        for attempt in range(12)
    ]

    assert refused == [False] * 10 + [True] * 2


@pytest.fixture(scope="module")
def editor_token(production):
    """An editor's API token, made the way an operator would: with manage.py in the production environment."""
    script = (
        "from django.contrib.auth.models import Group; from wagtail.models import APIToken;"
        "from members.models import User;"
        "user, _ = User.objects.get_or_create(username='smoke-editor', defaults={'email': 'redaktion@example.org'});"
        "user.groups.add(Group.objects.get(name='Redaktion'));"
        "print(APIToken.create_token(user=user, name='smoke')[1])"
    )
    return production.manage("shell", "-c", script).strip().splitlines()[-1]


def test_a_publish_on_one_server_reaches_the_cached_answers_of_the_other(production, editor_token):
    region = production.get("/api/v3/pages/?type=regions.RegionPage&limit=1").json()["items"][0]
    detail = f"/api/v3/pages/{region['id']}/"
    # B caches the anonymous answer in the shared cache.
    before = production.get(detail, server=production.b).json()["title"]
    assert production.get(detail, server=production.b).json()["title"] == before

    new_title = f"{before.split(' (')[0]} ({uuid.uuid4().hex[:6]})"
    changed = production.patch(
        detail,
        server=production.a,
        headers={"Authorization": f"Bearer {editor_token}", "Content-Type": "application/json"},
        data=json.dumps({"meta": {"type": "regions.RegionPage", "action": "publish"}, "title": new_title}),
    )
    assert changed.status_code == 200, changed.text

    assert production.get(detail, server=production.b).json()["title"] == new_title
    assert new_title in production.get(urlsplit(region["meta"]["html_url"]).path, server=production.b).text
