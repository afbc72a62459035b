"""Load benchmark of the production setup: ``.venv/bin/python benchmarks/load_bench.py [options]``.

Options: ``--duration 20`` (seconds of each measured run), ``--concurrency 8`` (requests in flight),
``--workers 2`` (gunicorn), ``--cache on|off|both`` (the anonymous page cache, ``PAGE_CACHE_SECONDS``),
``--solo 5`` (seconds per URL alone, 0 skips), ``--warmup 3``, ``--port 8090``, ``--keep`` (keep the
database for the next run), ``--database-url``, ``--search-url`` (default: the database engine), and
``--url http://host:port`` to drive a server that already runs instead of starting one.

The server. As ``docs/deploy.md`` and ``.ci/run`` set it up: ``hub.settings.production`` on its own PostgreSQL
database (``hub_loadbench``, dropped and created again unless ``--keep`` finds it), its own Redis database
(``CACHE_URL=rediscache://127.0.0.1:6379/7``, flushed before each phase), its own static files under
``var/bench/load/``; ``check --deploy``, ``migrate``, ``collectstatic``, ``load_demo_content``, ``search_index
rebuild``, then gunicorn with ``deploy/gunicorn.conf.py``. No task worker: the load only reads. Each phase
starts gunicorn afresh with the page cache on (``PAGE_CACHE_SECONDS`` unset: its default) or off (``0``).
Every process this script starts is stopped however it ends (exception, Ctrl-C, SIGTERM).

The load. The client is a separate process (its GIL must not cap the server) with ``--concurrency`` threads,
each with its own ``requests`` session, each sending its next request as soon as the last one answered (a
closed loop: the load is bounded by the concurrency). Per phase: a warm-up over every URL, then alone, for
``--duration`` seconds each, ``/healthz`` (the issue's near-bare view) and ``/admin/login/`` (a bare Django view),
then each URL alone for ``--solo`` seconds (its throughput, as a ratio against both), then all URLs in turn for
``--duration`` seconds (the mix: requests, errors, p50 and p95 per URL under mixed load). An error is a status outside 2xx/3xx or a failed
connection; redirects are not followed. Client and server share the machine's cores: the figures are a
lower bound for a server of its own.
"""

import argparse
import http.cookiejar
import math
import multiprocessing
import os
import platform
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis
import requests

ROOT = Path(__file__).resolve().parent.parent
RUN_DIR = ROOT / "var" / "bench" / "load"
DATABASE_URL = "postgres://hub:hub@127.0.0.1:5432/hub_loadbench"
REDIS_URL = "redis://127.0.0.1:6379/7"
BASELINE = "/healthz"
# The other reference: Django's RedirectView through every middleware, no SQL, no template. /healthz is less
# bare than its name suggests (it reads the task queue: six SQL queries), so both ratios are printed.
BARE = "/admin/login/"
# From the demo content (demo/, the taxonomy migration): real slugs, so every URL answers 200.
MIX = [
    "/",
    "/aktionen/",
    "/aktionen/?field=energie-und-verkehr&effort=low",
    "/aktionen/repair-cafe/",
    "/regionen/",
    "/api/v3/map/features?bbox=11.2,49.1,11.8,49.4",
    "/veranstaltungen/",
    "/forum/",
    "/api/v3/pages/?type=actions.ActionPage",
    "/api/v3/actions/search?field=ernaehrungssystem&sdg=2",
]
REQUEST_TIMEOUT = 30  # gunicorn's own timeout
# The aims of issue 11: throughput of every URL against /healthz's.
AIMS = {"on": 0.50, "off": 0.10}


class SetupError(RuntimeError):
    """The production setup could not be prepared or started; the message says which step and where its log is."""


# Statistics ----------------------------------------------------------------------------------------------------


def percentile(values, q):
    """The nearest-rank ``q``-th percentile (0 < q <= 100) of ``values``; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(q / 100 * len(ordered)), 1) - 1]


def is_error(status):
    """A failed connection (status 0) or an answer outside 2xx/3xx."""
    return not 200 <= status < 400


@dataclass(frozen=True)
class Summary:
    requests: int
    errors: int
    rps: float
    p50: float | None  # seconds
    p95: float | None


def summarise(samples, elapsed):
    """Requests, errors, requests per second and latency percentiles of ``(latency, status)`` samples.

    The percentiles are over every request, failed ones included: a slow error is still a slow answer.
    """
    latencies = [latency for latency, _ in samples]
    errors = sum(1 for _, status in samples if is_error(status))
    rps = len(samples) / elapsed if elapsed > 0 else 0.0
    return Summary(len(samples), errors, rps, percentile(latencies, 50), percentile(latencies, 95))


# The client (runs in its own process) ----------------------------------------------------------------------------


def drive(base_url, paths, concurrency, duration):
    """Request ``paths`` in turn from ``concurrency`` threads for ``duration`` seconds.

    Returns ``({path: [(latency, status), …]}, elapsed)``; status 0 is a failed connection. Each thread starts
    at another place in the list, so the URLs are spread over the threads. Requests started before the end are
    all counted; ``elapsed`` runs until the last one answered.
    """
    samples = {path: [] for path in paths}
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + duration

    def loop(offset):
        own = []
        with anonymous_session() as session:
            turn = offset
            while time.perf_counter() < deadline:
                path = paths[turn % len(paths)]
                turn += 1
                sent = time.perf_counter()
                try:
                    response = session.get(base_url + path, timeout=REQUEST_TIMEOUT, allow_redirects=False)
                    response.content  # noqa: B018 -- the whole body is part of the answer's time
                    status = response.status_code
                except requests.RequestException:
                    status = 0
                own.append((path, time.perf_counter() - sent, status))
        with lock:
            for path, latency, status in own:
                samples[path].append((latency, status))

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(loop, offset) for offset in range(concurrency)]:
            future.result()
    return samples, time.perf_counter() - start


def anonymous_session():
    """A session that keeps no cookies: every request comes from a first-time anonymous visitor."""
    session = requests.Session()
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return session


def first_answers(base_url, paths):
    """Each path's status and the cookies it sets, one request after the other.

    A URL that fails here would skew the whole run; one that sets a cookie for an anonymous visitor cannot come
    from a page cache that stores no cookies.
    """
    with anonymous_session() as session:
        for path in paths:
            try:
                response = session.get(base_url + path, timeout=REQUEST_TIMEOUT, allow_redirects=False)
            except requests.RequestException:
                yield path, 0, []
            else:
                yield path, response.status_code, sorted({cookie.name for cookie in response.cookies})


# The production setup ------------------------------------------------------------------------------------------


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def port_is_free(port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class Production:
    """The production setup on its own database, Redis database, port and static root; gunicorn per phase."""

    def __init__(self, args):
        self.args = args
        self.base_url = f"http://127.0.0.1:{args.port}"
        self.database_url = args.database_url
        self.database = urlsplit(args.database_url).path.lstrip("/")
        self.redis = redis.Redis.from_url(REDIS_URL)
        self.gunicorn = None
        self.prepared = False
        self.settings = {
            "DJANGO_SETTINGS_MODULE": "hub.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": self.base_url,
            "DATABASE_URL": self.database_url,
            "CACHE_URL": "rediscache" + REDIS_URL.removeprefix("redis"),
            "SEARCH_URL": args.search_url,
            "SEARCH_INDEX_PREFIX": "loadbench",
            "EMAIL_URL": "consolemail://",
            "DEFAULT_FROM_EMAIL": "Mitmach-Hub <hallo@hub.example.org>",
            "DJANGO_STATIC_ROOT": str(RUN_DIR / "staticfiles"),
            "DJANGO_MEDIA_ROOT": str(RUN_DIR / "media"),
            "MACHINA_ATTACHMENT_CACHE_DIR": str(RUN_DIR / "attachments"),
            # No TLS-terminating proxy on the loopback (as in .ci/run).
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            # The demo content is what the load reads (as in .ci/run).
            "DJANGO_DEMO_CONTENT": "true",
            "GUNICORN_BIND": f"127.0.0.1:{args.port}",
            "GUNICORN_WORKERS": str(args.workers),
        }
        inherited = {key: value for key, value in os.environ.items() if key != "PAGE_CACHE_SECONDS"}
        self.env = inherited | self.settings

    def _admin(self):
        return psycopg.connect(with_database(self.database_url, "postgres"), autocommit=True)

    def _database_exists(self):
        with self._admin() as admin:
            return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.database]).fetchone()

    def _manage(self, *command):
        log = RUN_DIR / "setup.log"
        with log.open("a") as output:
            output.write(f"\n$ manage.py {' '.join(command)}\n")
            output.flush()
            done = subprocess.run(  # noqa: S603 -- our own manage.py with fixed arguments
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if done.returncode:
            raise SetupError(f"manage.py {' '.join(command)} failed (exit {done.returncode}); see {log}")

    def prepare(self):
        """docs/deploy.md step 3 on the benchmark's database: a new one, or the kept one with --keep."""
        if not port_is_free(self.args.port):
            raise SetupError(f"port {self.args.port} is in use; choose another with --port")
        try:
            self.redis.ping()
        except redis.RedisError as error:
            raise SetupError(f"Redis at {REDIS_URL} does not answer ({error})") from None
        RUN_DIR.mkdir(parents=True, exist_ok=True)
        (RUN_DIR / "setup.log").write_text("")
        # The same environment for a look by hand: set -a; . var/bench/load/production.env; set +a
        env_file = RUN_DIR / "production.env"
        env_file.touch(mode=0o600)
        env_file.write_text("".join(f"{key}={shlex.quote(value)}\n" for key, value in self.settings.items()))
        try:
            fresh = not (self.args.keep and self._database_exists())
            if fresh:
                with self._admin() as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{self.database}"')
                    admin.execute(f'CREATE DATABASE "{self.database}"')
        except psycopg.Error as error:
            raise SetupError(f"PostgreSQL ({self.database_url}): {error}") from None
        self.prepared = True
        steps = [
            ("check", "--deploy", "--fail-level", "ERROR"),  # W008: no TLS redirect on the loopback
            ("migrate", "--no-input", "-v", "0"),
            ("collectstatic", "--no-input", "-v", "0"),
        ]
        if fresh:
            steps += [("load_demo_content",), ("search_index", "rebuild"), ("update_index",)]
        for step in steps:
            print(f"  manage.py {' '.join(step)}", flush=True)
            self._manage(*step)

    def start(self, cache):
        """gunicorn with the page cache on (its default) or off, on a flushed Redis database."""
        self.stop()
        self.redis.flushdb()
        env = dict(self.env)
        if cache == "off":
            env["PAGE_CACHE_SECONDS"] = "0"
        log = RUN_DIR / f"gunicorn-cache-{cache}.log"
        with log.open("w") as output:
            self.gunicorn = subprocess.Popen(  # noqa: S603 -- gunicorn beside this interpreter, fixed arguments
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "hub.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: the workers are stopped with it
            )
        for _ in range(120):
            if self.gunicorn.poll() is not None:
                raise SetupError(f"gunicorn exited with {self.gunicorn.returncode}; see {log}")
            try:
                if requests.get(self.base_url + BASELINE, timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise SetupError(f"{self.base_url}{BASELINE} did not answer 200 within a minute; see {log}")

    def stop(self):
        if self.gunicorn is None or self.gunicorn.poll() is not None:
            self.gunicorn = None
            return
        os.killpg(self.gunicorn.pid, signal.SIGTERM)
        try:
            self.gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.gunicorn.pid, signal.SIGKILL)
            self.gunicorn.wait()
        self.gunicorn = None

    def close(self):
        self.stop()
        if not self.prepared:
            return
        self.redis.flushdb()
        self.redis.close()
        if not self.args.keep:
            with self._admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.database}"')

    def versions(self):
        with psycopg.connect(self.database_url) as connection:
            postgresql = connection.execute("SHOW server_version").fetchone()[0]
        return postgresql, self.redis.info("server")["redis_version"]


# Measuring and printing ----------------------------------------------------------------------------------------


def machine(versions):
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    postgresql, redis_version = versions
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"machine: {os.cpu_count()} cores, {model}; load average {load} (1/5/15 min) before the run",
        f"Python {platform.python_version()}, PostgreSQL {postgresql}, Redis {redis_version}",
        "client and server share these cores: the client process takes CPU the server would otherwise have",
    ]


def milliseconds(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.1f}"


def ratio(value, baseline):
    return f"{value / baseline:.1%}" if baseline else "-"


def table(title, rows, references, ratio_for=None):
    """Lines of a table of ``(label, Summary)`` rows, throughput also as a ratio against each reference's.

    ``references`` are ``(name, rps)`` pairs. ``ratio_for`` limits the ratios to those labels: a URL's share
    of a mix is no measure of its own speed.
    """
    width = max(len(label) for label, _ in rows) + 2
    header = "".join(f"{'vs ' + name:>12}" for name, _ in references)
    lines = [
        title,
        f"{'URL':{width}}{'requests':>9}{'errors':>8}{'rps':>9}{header}{'p50 ms':>9}{'p95 ms':>9}",
    ]
    for label, row in rows:
        shown = ratio_for is None or label in ratio_for
        ratios = "".join(f"{ratio(row.rps, rps) if shown else '-':>12}" for _, rps in references)
        lines.append(
            f"{label:{width}}{row.requests:>9}{row.errors:>8}{row.rps:>9.1f}{ratios}"
            f"{milliseconds(row.p50):>9}{milliseconds(row.p95):>9}"
        )
    return lines


def error_counts(samples_by_path):
    """Per path with errors: how often each failing status came, e.g. ``2× 500, 1× no connection``."""
    found = {}
    for path, samples in samples_by_path.items():
        counts = Counter(status for _, status in samples if is_error(status))
        if counts:
            found[path] = ", ".join(
                f"{count}× {'no connection' if status == 0 else status}" for status, count in counts.items()
            )
    return found


def run_phase(client, base_url, args, cache):
    """Warm-up, /healthz alone, each URL alone, the mix; prints the table, the errors and the aims."""
    for path, status, cookies in first_answers(base_url, [BASELINE, BARE, *MIX]):
        if is_error(status):
            print(f"warning: {path} answers {status or 'nothing'}; its requests will count as errors")
        if cookies:
            print(f"note: {path} sets a cookie for an anonymous visitor: {', '.join(cookies)}")
    client.apply(drive, (base_url, [BASELINE, BARE, *MIX], args.concurrency, args.warmup))
    alone = {}
    references = {}
    for path in (BASELINE, BARE):
        samples, elapsed = client.apply(drive, (base_url, [path], args.concurrency, args.duration))
        alone.update(samples)
        references[path] = summarise(samples[path], elapsed)
    baseline = references[BASELINE]
    solo = {}
    if args.solo:
        for path in MIX:
            samples, elapsed = client.apply(drive, (base_url, [path], args.concurrency, args.solo))
            alone.update(samples)
            solo[path] = summarise(samples[path], elapsed)
    mix = client.apply(drive, (base_url, MIX, args.concurrency, args.duration))

    mix_samples, mix_elapsed = mix
    mixed = [(path, summarise(samples, mix_elapsed)) for path, samples in mix_samples.items()]
    whole = summarise([sample for samples in mix_samples.values() for sample in samples], mix_elapsed)
    ratios = [("/healthz", baseline.rps), ("bare", references[BARE].rps)]
    alone_title = (
        f"alone: {args.concurrency} in flight, {BASELINE} and {BARE} (bare) {args.duration:g} s each, "
        f"every other URL {args.solo:g} s"
    )
    print("\n".join(table(alone_title, [*references.items(), *solo.items()], ratios)))
    print()
    mix_title = f"the mix: every URL in turn, {args.concurrency} in flight, {args.duration:g} s"
    print("\n".join(table(mix_title, [*mixed, ("whole mix", whole)], ratios, {"whole mix"})))
    print()
    for label, samples_by_path in (("alone", alone), ("in the mix", mix[0])):
        for path, count in error_counts(samples_by_path).items():
            print(f"errors at {path} {label}: {count}")

    errors = sum(row.errors for row in [*references.values(), *solo.values(), whole])
    print(f"aim 0 errors: {errors} -> {'met' if errors == 0 else 'NOT met'}")
    if cache in AIMS and solo:
        for name, rps in ratios:
            below = [path for path, row in solo.items() if row.rps < AIMS[cache] * rps]
            verdict = "met" if not below else f"NOT met by {', '.join(below)}"
            print(f"aim every URL alone >= {AIMS[cache]:.0%} of {name} (page cache {cache}): {verdict}")


def positive_number(kind, minimum):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {text}")
        return value

    return parse


def base_url(text):
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a server's address such as http://127.0.0.1:8000")
    return f"{parts.scheme}://{parts.netloc}"


def parse_args(argv=None):
    """The options; bad ones end the program with exit code 2 and a message (argparse's own behaviour)."""
    parser = argparse.ArgumentParser(
        description="Drive the production setup (gunicorn, PostgreSQL, Redis) with a mix of public URLs.",
    )
    parser.add_argument("--duration", type=positive_number(float, 1), default=20, help="seconds per run (20)")
    parser.add_argument(
        "--concurrency", type=positive_number(int, 1), default=8, help="requests in flight (8)"
    )
    parser.add_argument("--workers", type=positive_number(int, 1), help="gunicorn worker processes (2)")
    parser.add_argument("--cache", choices=["on", "off", "both"], help="the page cache per phase (both)")
    parser.add_argument("--solo", type=positive_number(float, 0), default=5, help="seconds per URL alone (5)")
    parser.add_argument("--warmup", type=positive_number(float, 1), default=3, help="seconds of warm-up (3)")
    parser.add_argument(
        "--port", type=positive_number(int, 1024), default=8090, help="gunicorn's port (8090)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database, and reuse a kept one")
    parser.add_argument("--database-url", default=DATABASE_URL, help=f"PostgreSQL database ({DATABASE_URL})")
    parser.add_argument("--search-url", default="", help="SEARCH_URL of the server (the database engine)")
    parser.add_argument("--url", type=base_url, help="drive this running server instead of starting one")
    args = parser.parse_args(argv)
    if args.url:
        given = [name for name in ("workers", "cache") if getattr(args, name) is not None]
        given += [name for name in ("keep",) if args.keep]
        if given:
            parser.error(f"--url drives a server as it runs: --{', --'.join(given)} cannot apply to it")
    elif not urlsplit(args.database_url).scheme.startswith("postgres"):
        parser.error(f"--database-url must be a PostgreSQL URL (postgres://…), not {args.database_url!r}")
    elif "bench" not in urlsplit(args.database_url).path:
        # The benchmark drops and creates this database: never one that holds anything else.
        parser.error(
            f"--database-url must name a benchmark's database (with 'bench' in its name), not {args.database_url!r}"
        )
    if args.port > 65535:
        parser.error(f"--port must be at most 65535, not {args.port}")
    args.workers = args.workers or 2
    args.cache = args.cache or "both"
    return args


def terminate(signum, frame):
    """SIGTERM and SIGHUP end the run like Ctrl-C does: through every ``finally`` that stops a process."""
    print(f"load_bench: stopped by signal {signum}; stopping what it started", file=sys.stderr)
    raise SystemExit(128 + signum)


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)
    phases = ["on", "off"] if args.cache == "both" else [args.cache]
    production = None if args.url else Production(args)
    # The client's own process; leaving the block terminates it, even in the middle of a run.
    with multiprocessing.get_context("spawn").Pool(1) as client:
        try:
            if production:
                print(f"Preparing the production setup (database {production.database}, logs in {RUN_DIR}) …")
                production.prepare()
                versions = production.versions()
            else:
                versions = ("unknown (--url)", "unknown (--url)")
            print()
            print("\n".join(machine(versions)))
            print(
                f"load: {args.concurrency} requests in flight from one client process; {args.warmup:g} s warm-up, "
                f"/healthz alone {args.duration:g} s, each URL alone {args.solo:g} s, the mix {args.duration:g} s"
            )
            for cache in phases if production else [None]:
                print()
                if production:
                    production.start(cache)
                    setting = (
                        "PAGE_CACHE_SECONDS unset: its default" if cache == "on" else "PAGE_CACHE_SECONDS=0"
                    )
                    print(f"== page cache {cache} ({setting}), gunicorn with {args.workers} workers")
                    run_phase(client, production.base_url, args, cache)
                else:
                    print(f"== {args.url} as it runs")
                    run_phase(client, args.url, args, None)
        except SetupError as error:
            print(f"load_bench: {error}", file=sys.stderr)
            return 1
        finally:
            if production:
                production.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
