"""``python manage.py search_engine``: start, stop (``--stop``) and inspect (``--status``) the local OpenSearch
node, or a local cluster with ``--nodes 3``, for development and CI.

A thin command: the launcher (JVM processes, the runner's jars, ``ClusterNode.java``) lives in
``tools/search_engine/``, which knows nothing of Django; this command passes it ``var/opensearch`` and its
own output, and turns the launcher's errors into command errors.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tools.search_engine import CLUSTER_PORT, DEFAULT_PORT, LauncherError, LocalCluster, Node, Output


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
        home = Path(settings.BASE_DIR) / "var" / "opensearch"
        out = Output(self.stdout, self.style.SUCCESS)
        try:
            if nodes > 1 or node:
                if foreground:
                    raise LauncherError("--foreground gibt es nur für einen einzelnen Knoten.")
                LocalCluster(home, out, nodes, port).handle(stop, status, node, timeout)
            else:
                Node(home, out, port).handle(stop, status, timeout, foreground)
        except LauncherError as error:
            raise CommandError(str(error), returncode=error.returncode) from error
