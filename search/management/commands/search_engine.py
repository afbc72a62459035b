"""``python manage.py search_engine``: start, stop (``--stop``) and inspect (``--status``) the local OpenSearch
node, or a local cluster with ``--nodes 3``, for development and CI.

A thin command: the launcher (JVM processes, the runner's jars, ``ClusterNode.java``) lives in
``tools/search_engine/``, which knows nothing of Django; this command passes it ``var/opensearch`` and its
own output, and turns the launcher's errors into command errors.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tools.search_engine import CLUSTER_PORT, DEFAULT_PORT, LauncherError, LocalCluster, Node, Output


class Command(BaseCommand):
    @property
    def help(self):
        # A property, so the text is translated when the parser is built (argparse needs a plain string).
        return _(
            "Start the local OpenSearch search engine (OpenSearch Runner from Maven Central) on 127.0.0.1:9201, "
            "stop it (--stop) or check it (--status)."
        )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--foreground", action="store_true", help=_("run in the foreground (Ctrl+C stops it)")
        )
        action.add_argument("--stop", action="store_true", help=_("stop the running node"))
        action.add_argument(
            "--status", action="store_true", help=_("show whether it is running, and the cluster health")
        )
        parser.add_argument(
            "--port",
            type=int,
            help=_(
                "HTTP port (default %(port)s; with --nodes that of the first node, default %(cluster_port)s)"
            )
            % {"port": DEFAULT_PORT, "cluster_port": CLUSTER_PORT},
        )
        parser.add_argument(
            "--nodes",
            type=int,
            default=1,
            help=_("number of nodes; from 2 a local cluster with one JVM per node (default 1)"),
        )
        parser.add_argument(
            "--node",
            type=int,
            help=_("with --nodes: start only this node (1, 2, …) or stop it with --stop"),
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=180.0,
            help=_("seconds to wait for the start (health yellow/green) or the stop (default 180)"),
        )

    def handle(self, *args, foreground, stop, status, port, nodes, node, timeout, **options):
        home = Path(settings.BASE_DIR) / "var" / "opensearch"
        out = Output(self.stdout, self.style.SUCCESS)
        try:
            if nodes > 1 or node:
                if foreground:
                    raise LauncherError(_("--foreground works only for a single node."))
                LocalCluster(home, out, nodes, port).handle(stop, status, node, timeout)
            else:
                Node(home, out, port).handle(stop, status, timeout, foreground)
        except LauncherError as error:
            raise CommandError(str(error), returncode=error.returncode) from error
