"""``--nodes N``: a local OpenSearch cluster, one JVM per node, for trying what a dead node does."""

import contextlib
import os
import signal
import subprocess
import time

from tools.search_engine.common import (
    CLUSTER_JVM_OPTIONS,
    CLUSTER_MAIN,
    CLUSTER_NAME,
    CLUSTER_NODE,
    CLUSTER_NODE_SETTINGS,
    CLUSTER_PORT,
    DEFAULT_PORT,
    HOST,
    MAX_NODES,
    TRANSPORT_OFFSET,
    LauncherError,
    get_json,
    is_runner,
    port_open,
    read_pid,
)
from tools.search_engine.jars import fetch_runner
from tools.search_engine.java import find_java


class LocalCluster:
    """``--nodes N``: N OpenSearch nodes on this machine, one JVM each, that form one cluster."""

    def __init__(self, home, out, nodes, port=None):
        """``home`` is the single node's directory (``var/opensearch``): the jars are its, the data, logs
        and pid files the cluster's own (``cluster-<port>`` in it)."""
        port = port or CLUSTER_PORT
        if not 2 <= nodes <= MAX_NODES:
            raise LauncherError(f"--nodes muss zwischen 2 und {MAX_NODES} liegen (--node braucht --nodes).")
        last = port + nodes - 1
        if port <= 1024 or last + TRANSPORT_OFFSET > 65535:
            raise LauncherError(f"--port muss über 1024 liegen und Platz für {nodes} Knoten lassen.")
        if port <= DEFAULT_PORT <= last:
            raise LauncherError(
                f"Port {DEFAULT_PORT} gehört dem einzelnen Knoten; --port {CLUSTER_PORT} wählen."
            )
        self.out = out
        self.numbers = range(1, nodes + 1)
        self.port = port
        self.name = f"{CLUSTER_NAME}-{port}"
        self.jars_home = home
        self.home = home / f"cluster-{port}"

    def http_port(self, number):
        return self.port + number - 1

    def pid_file(self, number):
        return self.home / f"node_{number}.pid"

    def log_file(self, number):
        return self.home / f"node_{number}.log"

    def running_pid(self, number):
        pid = read_pid(self.pid_file(number))
        return pid if is_runner(pid, CLUSTER_MAIN) else None

    def health(self, number):
        body = get_json(f"http://{HOST}:{self.http_port(number)}/_cluster/health")
        return body if isinstance(body, dict) and "status" in body else None

    def urls(self):
        return ",".join(f"{HOST}:{self.http_port(number)}" for number in self.numbers)

    def handle(self, stop, status, node, timeout):
        if node is not None and node not in self.numbers:
            raise LauncherError(f"--node muss zwischen 1 und {len(self.numbers)} liegen.")
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
        fetch_runner(self.jars_home, self.out)
        started = time.monotonic()
        processes = {}
        for number in selected:
            if not self.running_pid(number):
                processes[number] = self.start_node(number, java)
        if processes:
            numbers = ", ".join(map(str, processes))
            self.out.write(f"Starte OpenSearch-Knoten {numbers} von {self.name} (Java {version}: {java}) …")
        status = self.wait_for_cluster(timeout, processes)
        if status is None:
            self.fail_start(processes, timeout)
        self.out.write(
            self.out.success(
                f"OpenSearch-Cluster {self.name} läuft: {len(self.numbers)} Knoten auf {HOST}, Ports "
                f"{self.http_port(1)}–{self.http_port(len(self.numbers))}, Health {status}, "
                f"bereit nach {time.monotonic() - started:.0f} s."
            )
        )
        self.out.write(f"Daten und Logs: {self.home}")
        self.out.write(f"Nutzen: SEARCH_URL=opensearch://{self.urls()} SEARCH_REPLICAS=1")
        self.out.write(
            f"Einen Knoten beenden: python manage.py search_engine --nodes {len(self.numbers)} "
            f"--port {self.port} --stop --node 2 (ohne --node: alle)"
        )

    def start_node(self, number, java):
        http_port = self.http_port(number)
        for port in (http_port, http_port + TRANSPORT_OFFSET):
            if port_open(port):
                raise LauncherError(f"Port {port} für Knoten {number} ist belegt; --port wählen.")
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
            str(self.jars_home / "lib" / "*"),
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
        raise LauncherError(
            f"Der Cluster {self.name} war nach {timeout:.0f} s nicht bereit (oder ein Knoten endete); "
            "die eben gestarteten Knoten wurden beendet.\n" + "\n".join(tails)
        )

    # --- stop and status ------------------------------------------------------------------------------

    def stop(self, selected, timeout):
        pids = {number: self.running_pid(number) for number in selected}
        pids = {number: pid for number, pid in pids.items() if pid}
        if not pids:
            self.out.write(f"Kein Knoten von {self.name} läuft ({', '.join(map(str, selected))}).")
            return
        self.out.write(f"Beende Knoten {', '.join(map(str, pids))} von {self.name} …")
        for pid in pids.values():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

        def busy():
            return [
                number
                for number, pid in pids.items()
                if is_runner(pid, CLUSTER_MAIN) or port_open(self.http_port(number))
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
            raise LauncherError(f"Knoten {', '.join(map(str, busy()))} laufen noch.")
        for number in pids:
            self.pid_file(number).unlink(missing_ok=True)
        self.out.write(self.out.success(f"Beendet; die Daten bleiben in {self.home}."))

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
            self.out.write(f"  node-{number}  {HOST}:{self.http_port(number)}  PID {pid or '–'}  {state}")
        if not running:
            raise LauncherError(f"Kein Knoten von {self.name} läuft.", returncode=3)
