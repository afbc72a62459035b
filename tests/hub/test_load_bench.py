"""benchmarks/load_bench.py without a production setup: its options, its statistics and its client."""

import importlib.util
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load_bench.py"
_spec = importlib.util.spec_from_file_location("load_bench", SCRIPT)
load_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load_bench)


def test_defaults_measure_both_phases_on_two_workers():
    args = load_bench.parse_args([])

    assert (args.duration, args.concurrency, args.workers, args.cache) == (20, 8, 2, "both")
    assert args.url is None
    assert args.database_url == "postgres://hub:hub@127.0.0.1:5432/hub_loadbench"


def test_url_drives_a_running_server():
    args = load_bench.parse_args(["--url", "http://127.0.0.1:8001/", "--duration", "5", "--concurrency", "4"])

    assert args.url == "http://127.0.0.1:8001"
    assert (args.duration, args.concurrency) == (5, 4)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--duration", "0"], "must be at least 1"),
        (["--concurrency", "many"], "is not a number"),
        (["--workers", "0"], "must be at least 1"),
        (["--cache", "maybe"], "invalid choice"),
        (["--port", "70000"], "at most 65535"),
        (["--url", "ftp://127.0.0.1:8001"], "is not a server's address"),
        (["--url", "http://127.0.0.1:8001/aktionen/"], "is not a server's address"),
        (["--url", "http://127.0.0.1:8001", "--cache", "off"], "--cache cannot apply"),
        (["--url", "http://127.0.0.1:8001", "--workers", "4", "--keep"], "--workers, --keep cannot apply"),
        (["--database-url", "sqlite:///bench.sqlite3"], "must be a PostgreSQL URL"),
        (["--database-url", "postgres://hub:hub@127.0.0.1:5432/hub"], "with 'bench' in its name"),
    ],
)
def test_bad_arguments_exit_with_2_and_say_why(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        load_bench.parse_args(argv)

    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_the_script_exits_with_2_on_bad_arguments_before_starting_anything():
    done = subprocess.run(  # noqa: S603 -- the benchmark script with a fixed bad option
        [sys.executable, str(SCRIPT), "--cache", "sometimes"], capture_output=True, text=True, check=False
    )

    assert done.returncode == 2
    assert "--cache: invalid choice: 'sometimes'" in done.stderr
    assert done.stdout == ""


def test_percentile_is_the_nearest_rank():
    values = [0.010 * n for n in range(20, 0, -1)]  # 10 … 200 ms, in no order that helps

    assert load_bench.percentile(values, 50) == pytest.approx(0.100)
    assert load_bench.percentile(values, 95) == pytest.approx(0.190)
    assert load_bench.percentile(values, 100) == pytest.approx(0.200)
    assert load_bench.percentile([0.5], 95) == 0.5
    assert load_bench.percentile([], 50) is None


def test_summary_counts_failed_answers_and_connections_as_errors_but_not_redirects():
    samples = [(0.010, 200)] * 6 + [(0.020, 302), (0.030, 404), (0.040, 500), (5.0, 0)]

    summary = load_bench.summarise(samples, elapsed=2.0)

    assert summary.requests == 10
    assert summary.errors == 3
    assert summary.rps == 5.0
    assert summary.p50 == 0.010
    assert summary.p95 == 5.0


def test_summary_of_nothing():
    assert load_bench.summarise([], elapsed=0.0) == load_bench.Summary(0, 0, 0.0, None, None)


class Answers(BaseHTTPRequestHandler):
    statuses = {"/ok": 200, "/moved": 302, "/broken": 500, "/cookie": 200}
    cookies_received = []

    def do_GET(self):
        self.cookies_received.append(self.headers.get("Cookie"))
        self.send_response(self.statuses[self.path])
        self.send_header("Location", "/ok")
        if self.path == "/cookie":
            self.send_header("Set-Cookie", "sessionid=abc; Path=/")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Answers.cookies_received.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_client_requests_every_path_in_turn_and_keeps_each_status(server):
    samples, elapsed = load_bench.drive(server, ["/ok", "/moved", "/broken"], concurrency=3, duration=0.3)

    assert elapsed >= 0.3
    assert {path: {status for _, status in found} for path, found in samples.items()} == {
        "/ok": {200},
        "/moved": {302},  # not followed
        "/broken": {500},
    }
    # Three threads, each starting at another path: every path is asked about as often, give or take one turn.
    counts = [len(found) for found in samples.values()]
    assert max(counts) - min(counts) <= 3
    assert load_bench.summarise(samples["/broken"], elapsed).errors == len(samples["/broken"])


def test_every_request_comes_from_a_visitor_without_cookies(server):
    load_bench.drive(server, ["/cookie", "/ok"], concurrency=2, duration=0.2)

    assert len(Answers.cookies_received) > 2
    assert set(Answers.cookies_received) == {None}


def test_the_first_answers_name_the_cookies_a_url_sets(server):
    answers = list(load_bench.first_answers(server, ["/ok", "/cookie", "/broken"]))

    assert answers == [("/ok", 200, []), ("/cookie", 200, ["sessionid"]), ("/broken", 500, [])]
    assert set(Answers.cookies_received) == {None}
