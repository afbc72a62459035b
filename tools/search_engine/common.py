"""What the launcher's parts share: ports, JVM options, node settings, its error and output, and probes of
processes and ports that need only the standard library."""

import contextlib
import json
import os
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path

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

ENGINE_DIR = Path(__file__).resolve().parent
POM = ENGINE_DIR / "pom.xml"
CLUSTER_NODE = ENGINE_DIR / "ClusterNode.java"
JAVA_HOMES_GLOBS = ["/usr/lib/jvm/*", "/Library/Java/JavaVirtualMachines/*/Contents/Home"]


class LauncherError(Exception):
    """What went wrong, for a person; ``returncode`` is the exit code (3: not running)."""

    def __init__(self, message, returncode=1):
        super().__init__(message)
        self.returncode = returncode


class Output:
    """Where the launcher reports: one line per ``write``; ``success`` styles a line (the command passes its
    own stdout and style)."""

    def __init__(self, stream=None, success=None):
        self.stream = stream or sys.stdout
        self.success = success or (lambda text: text)

    def write(self, line):
        self.stream.write(line if line.endswith("\n") else line + "\n")

    def flush(self):
        self.stream.flush()


# Talk to 127.0.0.1 directly, even when http_proxy is set in the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get_json(url, timeout=3.0):
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


def port_open(port, host=HOST):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        return probe.connect_ex((host, port)) == 0


def read_pid(pid_file):
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def is_runner(pid, main=RUNNER_MAIN):
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
