"""Renew the README's screenshots in docs/screenshots/ from the demo content.

Run it with ``make screenshots`` (or ``.venv/bin/python tools/screenshots.py`` once ``make install-dev`` has
run). It builds a throwaway hub in a temporary directory (SQLite database, media files), migrates it, loads
the demo content, starts ``manage.py runserver`` on a free port and drives Debian's Chromium with Playwright
over four pages: the home page, the action pool with one facet selected, the network map with its list and
one event. The server is stopped and the directory removed afterwards, also when something fails.

The browser is never downloaded (no ``playwright install``): ``E2E_CHROMIUM`` or /usr/bin/chromium is used,
as in the browser tests. Requests to any other host than the local server are refused, so the map tiles (which
need the visitor's consent anyway) never load and nothing waits for the internet.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

REPOSITORY = Path(__file__).resolve().parent.parent
OUTPUT = REPOSITORY / "docs" / "screenshots"
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
# The same flags as the browser tests (tests/e2e/conftest.py): no first-run, sync or update traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
# Full pages run long (footer, past events); the top keeps each PNG small enough for the README.
MAX_HEIGHT = 1600
SERVER_START_SECONDS = 60


def main():
    if not CHROMIUM.exists():
        sys.exit(f"No Chromium at {CHROMIUM} (apt install chromium, or set E2E_CHROMIUM).")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mitmach-screenshots-") as tmp:
        env = hub_environment(Path(tmp))
        print("Migrating a throwaway database…", flush=True)
        manage(env, "migrate", "--no-input")
        print("Loading demo content…", flush=True)
        manage(env, "load_demo_content")
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        print(f"Starting the hub on {base_url}…", flush=True)
        log_path = Path(tmp) / "runserver.log"
        with log_path.open("wb") as log:
            server = subprocess.Popen(  # noqa: S603 - fixed command line, no shell
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=REPOSITORY,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                wait_for_server(server, base_url, log_path)
                take_screenshots(base_url)
            except BaseException:
                sys.stderr.write(f"--- runserver output ---\n{log_path.read_text(errors='replace')}\n")
                raise
            finally:
                stop(server)
    print("Done.")


def hub_environment(tmp):
    """The environment for manage.py: development settings on a database and media folder of their own."""
    env = dict(os.environ)
    # The screenshots show the default setup, whatever engine or cache this shell points at.
    for name in ("SEARCH_URL", "CACHE_URL", "DJANGO_DEBUG"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp / 'hub.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        MACHINA_ATTACHMENT_CACHE_DIR=str(tmp / "attachments"),
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *args):
    result = subprocess.run(  # noqa: S603 - manage.py with our own arguments, no shell
        [sys.executable, "manage.py", *args],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_server(server, base_url, log_path):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"runserver exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/", timeout=5):  # noqa: S310 (our own http://127.0.0.1)
                return
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"the home page answered {error.code}") from error
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"runserver did not answer within {SERVER_START_SECONDS} s")


def stop(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def take_screenshots(base_url):
    own = urlsplit(base_url).netloc

    def block_foreign(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(base_url=base_url, viewport=VIEWPORT, locale="de-DE")
            context.set_default_timeout(20_000)
            context.route("**/*", block_foreign)
            page = context.new_page()

            visit(page, "/")
            save(page, "home")

            # One field of action with actions in it, taken from the page so it follows the demo content.
            visit(page, "/aktionen/")
            option = page.locator(".facet--field .facet__option:not(.facet__option--empty) input").first
            visit(page, f"/aktionen/?field={option.get_attribute('value')}")
            page.locator(".chips .chip").first.wait_for()
            save(page, "actions")

            visit(page, "/regionen/")
            page.locator("#network-map[data-loaded='true']").wait_for()
            page.locator(".leaflet-marker-icon").first.wait_for()
            page.locator("#map-list .network-entry__name").first.wait_for()
            save(page, "map")

            visit(page, "/veranstaltungen/")
            event_url = page.locator(".card--event .card__title a").first.get_attribute("href")
            visit(page, event_url)
            save(page, "event")
        finally:
            browser.close()


def visit(page, url):
    response = page.goto(url, wait_until="networkidle")
    if response is None or response.status != 200:
        status = response.status if response else "no response"
        raise RuntimeError(f"{url} answered {status}")


def save(page, name):
    path = OUTPUT / f"{name}.png"
    height = min(MAX_HEIGHT, page.evaluate("document.documentElement.scrollHeight"))
    page.screenshot(
        path=path,
        full_page=True,
        clip={"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height},
        animations="disabled",
        caret="hide",
    )
    print(f"{name} → {path.relative_to(REPOSITORY)}", flush=True)


if __name__ == "__main__":
    main()
