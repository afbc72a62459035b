"""The health check load balancers and uptime monitors poll.

It answers 503 when something every page needs is missing: the database, the shared cache, or (with the
production static files storage) the manifest of the collected static files, without which every HTML page fails.
The search engine and the task queue are reported but do not fail the check: the action search falls back to
the database and tasks wait until a worker is back.
"""

import secrets

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from background.worker import queue_state
from search.engines import get_engine

# One asset of the base layout: if the manifest does not know it, no page renders.
LAYOUT_ASSET = "css/hub.css"
SEARCH_STATUS_KEY = "healthz-search-status"
SEARCH_STATUS_SECONDS = 30


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache():
    # A key per request: with one shared key, concurrent probes overwrite each other's token and fail.
    token = secrets.token_hex(8)
    key = f"healthz-{token}"
    cache.set(key, token, 30)
    written = cache.get(key) == token
    cache.delete(key)
    return "ok" if written else "not shared or not writable"


def _static():
    try:
        staticfiles_storage.url(LAYOUT_ASSET)
    except ValueError:  # the manifest storage has no entry: collectstatic was not run
        return f"{LAYOUT_ASSET} is missing from the static files manifest (run collectstatic)"
    return "ok"


def _search():
    """The engine's answer to a ping, remembered for a while: a slow engine must not make every probe slow."""
    engine = get_engine()
    try:
        status = cache.get(SEARCH_STATUS_KEY)
    except Exception:  # the cache's own failure is reported above; ask the engine itself then
        return {"engine": engine.name, "status": "ok" if engine.ping() else "unreachable"}
    if status is None:
        status = "ok" if engine.ping() else "unreachable"
        cache.set(SEARCH_STATUS_KEY, status, SEARCH_STATUS_SECONDS)
    return {"engine": engine.name, "status": status}


def _tasks():
    try:
        return queue_state()
    except DatabaseError:
        return {"status": "unknown"}


@require_GET
@never_cache
def healthz(request):
    checks = {}
    for name, check in (("database", _database), ("cache", _cache), ("static", _static)):
        try:
            checks[name] = check()
        except Exception as error:  # every failure of a dependency is a finding here, not a 500
            checks[name] = f"unavailable: {error.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    body = {"status": "ok" if healthy else "error", **checks, "vendor": connection.vendor}
    if checks["database"] == "ok":
        body["tasks"] = _tasks()
    body["search"] = _search()
    return JsonResponse(body, status=200 if healthy else 503)
