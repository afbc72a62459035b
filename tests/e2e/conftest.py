"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

The browser is never downloaded (no ``playwright install``): E2E_CHROMIUM or /usr/bin/chromium is used, and
the tests skip locally (fail in CI) when it is missing.
"""

import os
from pathlib import Path

from django.db import connections

import pytest

from tests.helpers import require

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))

# Flags for a sandboxed machine with a closed network: no first-run, sync or update traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make around it are
# ordinary synchronous code (Django refuses them by default when a loop is running).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def chromium(transactional_db):
    """A browser per test, started after the test database is set up and closed before it is flushed.

    Playwright's sync API keeps an event loop running while it is open, and with a running loop Django
    hands out a different connection object: one kept open across tests would lose the serialized rollback
    data that restores the migrations' content after each browser test.
    """
    require(CHROMIUM.exists(), f"no Chromium at {CHROMIUM} (apt install chromium, or set E2E_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # The connections the test body opened while the loop ran; left open, they block dropping the
        # PostgreSQL test database at the end of the run.
        connections.close_all()


@pytest.fixture
def new_page(chromium, live_server):
    """Open a fresh browser context (its own cookies) per call; all are closed after the test."""
    contexts = []

    def open_page():
        context = chromium.new_context(base_url=live_server.url, locale="de-DE")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
