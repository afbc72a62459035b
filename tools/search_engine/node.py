"""One OpenSearch node (the default on 127.0.0.1:9201): start, in the background or the foreground, stop and
status."""

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time

from tools.search_engine.common import (
    CLUSTER_NAME,
    DEFAULT_PORT,
    HOST,
    JVM_OPTIONS,
    MAX_PORT,
    NODE_SETTINGS,
    RUNNER_MAIN,
    LauncherError,
    get_json,
    is_runner,
    port_open,
    read_pid,
)
from tools.search_engine.jars import fetch_runner
from tools.search_engine.java import find_java


class Node:
    """The single node; ``home`` is its directory (``var/opensearch``: jars, data, pid file and log)."""

    def __init__(self, home, out, port=None):
        port = port or DEFAULT_PORT
        if not 1024 < port <= MAX_PORT:
            raise LauncherError(
                f"--port muss zwischen 1025 und {MAX_PORT} liegen (der OpenSearch Runner nimmt keine höheren)."
            )
        self.out = out
        self.port = port
        self.base_url = f"http://{HOST}:{port}"
        self.home = home
        self.lib = self.home / "lib"
        self.pid_file = self.home / "runner.pid"
        self.log_file = self.home / "runner.log"

    def handle(self, stop, status, timeout, foreground):
        if stop:
            self.stop(timeout)
        elif status:
            self.status()
        else:
            self.start(timeout, foreground)

    # --- what runs where ------------------------------------------------------------------------------

    def running_pid(self):
        pid = read_pid(self.pid_file)
        return pid if is_runner(pid) else None

    def opensearch_info(self):
        """GET / when it is an OpenSearch, else None."""
        info = get_json(f"{self.base_url}/")
        if isinstance(info, dict) and info.get("version", {}).get("distribution") == "opensearch":
            return info
        return None

    def health(self):
        body = get_json(f"{self.base_url}/_cluster/health")
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
                self.out.write(
                    self.out.success(f"OpenSearch läuft bereits auf {self.base_url}{owner}, Health {status}.")
                )
                self.print_usage()
                return
            raise LauncherError(
                f"Auf {self.base_url} läuft OpenSearch, aber die Cluster-Health ist {status or 'unbekannt'}.\n"
                f"Log: {self.log_file}\n{self.log_tail()}"
            )
        if port_open(self.port):
            raise LauncherError(
                f"Port {self.port} ist belegt, aber dort antwortet kein OpenSearch. "
                "Den Dienst beenden oder --port wählen."
            )

        java, version = find_java()
        fetch_runner(self.home, self.out)
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
        self.out.write(f"Starte OpenSearch (Java {version}: {java}) …")
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
            raise LauncherError(
                f"Abgebrochen; der Knoten (PID {process.pid}) startet im Hintergrund weiter. "
                "Beenden: python manage.py search_engine --stop"
            ) from None
        if status not in ("yellow", "green"):
            self.fail_start(process, timeout)
        self.check_port_in_log()
        self.report_started(time.monotonic() - started, status, process.pid)
        self.out.write("Stoppen: python manage.py search_engine --stop  (oder make search-engine-stop)")

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
            self.out.write("Beenden: Strg+C")
            process.wait()
        except KeyboardInterrupt:
            self.out.write("\nBeende OpenSearch …")
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        finally:
            tee.join(timeout=5)
            if read_pid(self.pid_file) == process.pid:
                self.pid_file.unlink(missing_ok=True)
        if process.returncode not in (0, 1, 130, 143, -signal.SIGTERM, -signal.SIGINT):
            raise LauncherError(f"OpenSearch endete mit Code {process.returncode}. Log: {self.log_file}")

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
            if pid is not None and not is_runner(pid):
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
        raise LauncherError(
            f"OpenSearch {reason}.\nLog: {self.log_file} — die letzten Zeilen:\n{self.log_tail()}"
        )

    def check_port_in_log(self):
        """The runner silently moves to the next free port; make sure it took ours."""
        match = re.search(r"^HTTP Port:\s+(\d+)", self.log_tail(400), re.MULTILINE)
        if match and int(match.group(1)) != self.port:
            raise LauncherError(
                f"Der OpenSearch Runner lauscht auf Port {match.group(1)} statt {self.port}. "
                "Beenden: python manage.py search_engine --stop"
            )

    def report_started(self, seconds, status, pid):
        info = self.opensearch_info() or {}
        version = info.get("version", {}).get("number", "?")
        self.out.write(
            self.out.success(
                f"OpenSearch {version} läuft auf {self.base_url} (PID {pid}, Health {status}, "
                f"bereit nach {seconds:.0f} s)."
            )
        )
        self.out.write(f"Daten: {self.home / 'node_1' / 'data'}   Log: {self.log_file}")
        self.print_usage()

    def print_usage(self):
        self.out.write(
            f"Nutzen: SEARCH_URL=opensearch://{HOST}:{self.port}   "
            f"Tests: SEARCH_TEST_OPENSEARCH_URL=opensearch://{HOST}:{self.port}"
        )

    # --- stop and status ------------------------------------------------------------------------------

    def stop(self, timeout):
        pid = self.running_pid()
        if not pid:
            self.pid_file.unlink(missing_ok=True)
            if self.opensearch_info():
                raise LauncherError(
                    f"Auf {self.base_url} läuft ein OpenSearch, das nicht von diesem Befehl gestartet wurde "
                    f"(keine gültige PID-Datei {self.pid_file}); bitte dort beenden."
                )
            self.out.write(f"OpenSearch läuft nicht (Port {self.port}).")
            return
        self.out.write(f"Beende OpenSearch (PID {pid}) …")
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and (is_runner(pid) or port_open(self.port)):
            time.sleep(0.5)
        if is_runner(pid):
            self.out.write(f"Nach {timeout:.0f} s noch nicht beendet: SIGKILL.")
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            for _ in range(20):
                if not is_runner(pid):
                    break
                time.sleep(0.5)
        if is_runner(pid) or port_open(self.port):
            raise LauncherError(f"OpenSearch (PID {pid}) oder Port {self.port} ist noch aktiv.")
        self.pid_file.unlink(missing_ok=True)
        self.out.write(self.out.success("OpenSearch ist beendet; die Daten bleiben in var/opensearch/."))

    def status(self):
        pid = self.running_pid()
        info = self.opensearch_info()
        if not info:
            detail = f" (Prozess {pid} läuft, antwortet aber noch nicht)" if pid else ""
            raise LauncherError(f"OpenSearch läuft nicht auf {self.base_url}{detail}.", returncode=3)
        health = get_json(f"{self.base_url}/_cluster/health") or {}
        self.out.write(f"OpenSearch {info['version'].get('number', '?')} läuft auf {self.base_url}")
        self.out.write(f"  PID:      {pid or 'unbekannt (nicht von diesem Befehl gestartet)'}")
        self.out.write(f"  Cluster:  {info.get('cluster_name')}, Knoten {info.get('name')}")
        self.out.write(
            f"  Health:   {health.get('status', '?')} ({health.get('active_shards', '?')} aktive Shards, "
            f"{health.get('unassigned_shards', '?')} nicht zugewiesen)"
        )
        if pid:
            self.out.write(f"  Daten:    {self.home / 'node_1' / 'data'}")
            self.out.write(f"  Log:      {self.log_file}")
