"""What an operator relies on: health check, complete migrations, a clean deploy check, error pages."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

import pytest

from tests.helpers import require

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "TRUSTED_PROXY_COUNT"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x7Qp9zL2" * 6,
        DJANGO_ALLOWED_HOSTS="hub.example.org",
        DATABASE_URL="sqlite:////tmp/mitmach-hub-deploy-check.sqlite3",
        CACHE_URL="rediscache://127.0.0.1:6379/1",
    )
    env.update(extra)
    return env


def test_check_deploy_is_clean_with_the_documented_variables():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_its_secret():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]

    result = run_check(env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def run_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_shared_cache():
    env = production_env()
    del env["CACHE_URL"]

    result = run_check(env)

    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr


@pytest.mark.parametrize("url", ["locmemcache://", "dummycache://"])
def test_production_refuses_a_cache_each_worker_keeps_for_itself(url):
    result = run_check(production_env(CACHE_URL=url))

    assert result.returncode != 0
    assert "every worker process shares" in result.stderr


def production_setting(name, **env):
    """A setting's value as hub.settings.production computes it from the documented variables."""
    code = f"from django.conf import settings; import django; django.setup(); print(repr(settings.{name}))"
    result = subprocess.run(  # noqa: S603 (our own code, a fixed setting name)
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=production_env(**env),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_production_trusts_no_forwarded_address_unless_told_how_many_proxies_there_are():
    # Without a proxy in front, X-Forwarded-For is whatever the client writes: trusting it lets one client rotate
    # its way past every rate limit.
    assert production_setting("ALLAUTH_TRUSTED_PROXY_COUNT") == "0"
    assert production_setting("ALLAUTH_TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="1") == "1"


def test_production_keeps_database_connections_between_requests():
    # A new PostgreSQL connection per request halved the throughput of uncached pages (benchmarks/load_bench.py).
    assert production_setting("DATABASES['default']['CONN_MAX_AGE']") == "60"
    assert production_setting("DATABASES['default']['CONN_HEALTH_CHECKS']") == "True"
    assert production_setting("DATABASES['default']['CONN_MAX_AGE']", DJANGO_CONN_MAX_AGE="0") == "0"


def test_production_queues_tasks_for_the_worker_and_mails_through_the_queue():
    assert "django_tasks_db.DatabaseBackend" in production_setting("TASKS")
    assert production_setting("EMAIL_BACKEND") == "'background.mail.QueuedEmailBackend'"


@pytest.mark.django_db
def test_unknown_address_gets_the_friendly_404_page(client, home_page):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert "nicht gefunden" in response.content.decode()


@override_settings(DEBUG=False)
def test_500_page_renders_without_a_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "Mitmach-Hub" in html


@pytest.mark.django_db
def test_the_suite_runs_on_postgresql_in_ci():
    from django.db import connection

    require(connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL (SQLite run)")
    assert connection.vendor == "postgresql"


@pytest.mark.django_db
def test_healthz_is_unhealthy_without_the_static_files_manifest(client, settings, tmp_path):
    # collectstatic never ran: every HTML page would fail on its first {% static %}.
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert "collectstatic" in response.json()["static"]


@pytest.mark.django_db
def test_healthz_is_unhealthy_when_the_shared_cache_is_unreachable(client, settings):
    settings.CACHES = settings.CACHES | {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"].startswith("unavailable")
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_healthz_reports_the_search_engine_and_the_task_queue(client):
    body = client.get("/healthz").json()

    assert body["search"] == {"engine": "database", "status": "ok"}
    assert body["tasks"] == {
        "ready": 0,
        "running": 0,
        "failed": 0,
        "oldest_ready_seconds": None,
        "longest_running_seconds": None,
    }


def test_production_asks_no_geocoder_unless_told_and_then_only_with_a_user_agent():
    assert production_setting("GEOCODER_URL") == "''"
    url = "https://nominatim.openstreetmap.org/search"

    result = run_check(production_env(GEOCODER_URL=url))

    assert result.returncode != 0
    assert "GEOCODER_USER_AGENT" in result.stderr
    agent = "Mitmach-Hub hub.example.org (hallo@hub.example.org)"
    assert production_setting("GEOCODER_USER_AGENT", GEOCODER_URL=url, GEOCODER_USER_AGENT=agent) == repr(
        agent
    )
    assert production_setting("GEOCODER_COUNTRY_CODES", GEOCODER_COUNTRY_CODES="de,at") == "['de', 'at']"
