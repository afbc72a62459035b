"""A three-node OpenSearch cluster loses a node while actions are published and searched: no search fails,
no update is lost.

The test starts the cluster itself with ``manage.py search_engine --nodes 3`` (a JDK 21+ and the runner's
jars, or Maven to fetch them; CI has both) on ``SEARCH_TEST_CLUSTER_PORT`` (default 9231–9233, never the
single node's 9201), stops the node that holds the action index's primary shard halfway through, and stops
the cluster again at the end if it started it.
"""

import io
import os
import threading

from django.core.management import CommandError, call_command

import pytest

from search.engines import EngineUnavailable, get_engine
from search.models import PendingIndexChange
from search.queries import ActionQuery
from search.service import search_actions
from search.verify import find_drift
from tests.actions.factories import ActionPageFactory
from tests.helpers import require
from tests.search.helpers import publish

PORT = int(os.environ.get("SEARCH_TEST_CLUSTER_PORT", "9231"))
NODES = 3
ACTIONS = 12
ROUNDS_BEFORE_STOP = 3
ROUNDS_AFTER_STOP = 10  # publishes and searches once the node is gone


def engine_command(*args):
    output = io.StringIO()
    call_command("search_engine", "--nodes", str(NODES), "--port", str(PORT), *args, stdout=output)
    return output.getvalue()


def cluster_running():
    try:
        engine_command("--status")
    except CommandError:
        return False
    return True


@pytest.fixture(scope="module")
def cluster_url():
    """The three-node cluster's SEARCH_URL; the cluster is left as it was found."""
    was_running = cluster_running()
    try:
        engine_command("--timeout", "300")  # three JVMs starting on two busy cores take a while
    except CommandError as error:
        require(False, f"no three-node OpenSearch cluster on {PORT}-{PORT + NODES - 1}: {error}")
    yield "opensearch://" + ",".join(f"127.0.0.1:{PORT + n}" for n in range(NODES))
    if was_running:
        engine_command()  # the stopped node comes back
    else:
        engine_command("--stop")


@pytest.fixture
def cluster_engine(settings, cluster_url, unique_alias):
    """The configured engine: the cluster, a fresh index with one replica per shard."""
    settings.SEARCH_URL = cluster_url
    settings.SEARCH_REPLICAS = "1"
    settings.SEARCH_INDEX_PREFIX = unique_alias.removesuffix("-actions")
    engine = get_engine()
    engine.rebuild([])
    yield engine
    engine.drop()


def primary_node(engine):
    """The node number (1, 2, 3) that holds the primary of the action index's one shard."""
    shards = engine.client.cat.shards(index=engine.alias, format="json")
    (primary,) = [shard for shard in shards if shard["prirep"] == "p"]
    return int(primary["node"].removeprefix("node-"))


@pytest.mark.django_db
def test_a_node_stops_while_actions_are_published_and_searched(action_index, cluster_engine):
    pages = [
        publish(ActionPageFactory(parent=action_index, title=f"Aktion {number}")) for number in range(ACTIONS)
    ]
    client = cluster_engine.client
    health = client.cluster.health(index=cluster_engine.alias, wait_for_status="green", request_timeout=60)
    index_settings = next(iter(client.indices.get_settings(index=cluster_engine.alias).values()))
    assert index_settings["settings"]["index"]["number_of_replicas"] == "1"
    assert (health["status"], health["number_of_nodes"], health["active_shards"]) == ("green", NODES, 2)
    victim = primary_node(cluster_engine)
    cluster_engine.refresh()  # every action searchable before the first search

    stopper = threading.Thread(target=engine_command, args=("--stop", "--node", str(victim)))
    engine_searches, done = [], threading.Event()

    def search_loop():
        """Searches straight on the engine, as fast as they come, all through the node's shutdown."""
        while not done.is_set():
            try:
                engine_searches.append(cluster_engine.search(ActionQuery()).total)
            except EngineUnavailable as error:
                engine_searches.append(error)

    searcher = threading.Thread(target=search_loop)
    searcher.start()
    searches, updates, queued = [], {}, 0
    rounds_after_stop = 0
    try:
        while rounds_after_stop < ROUNDS_AFTER_STOP:
            round_number = len(searches)
            if round_number == ROUNDS_BEFORE_STOP:
                stopper.start()
            page = pages[round_number % ACTIONS]
            page.title = f"Aktion Runde{round_number}"
            publish(page)
            updates[page.pk] = f"Runde{round_number}"
            queued += PendingIndexChange.objects.count()  # the publish could not reach the cluster
            result = search_actions(ActionQuery())
            searches.append((result.engine, result.degraded, result.total))
            if round_number >= ROUNDS_BEFORE_STOP and not stopper.is_alive():
                rounds_after_stop += 1
    finally:
        done.set()
        searcher.join()
        stopper.join()

    # Every search was answered by the cluster, in full; nothing waits in the queue.
    assert searches == [("opensearch", False, ACTIONS)] * len(searches)
    assert engine_searches == [ACTIONS] * len(engine_searches)
    assert PendingIndexChange.objects.count() == 0
    # The node is really gone, and its primary moved.
    nodes = {node["name"] for node in client.cat.nodes(format="json")}
    assert nodes == {f"node-{n}" for n in range(1, NODES + 1)} - {f"node-{victim}"}
    assert primary_node(cluster_engine) != victim
    # Every update can be found.
    cluster_engine.refresh()
    assert find_drift(cluster_engine).clean
    for pk, word in updates.items():
        found = search_actions(ActionQuery(text=word))
        assert (found.degraded, [page.pk for page in found.actions]) == (False, [pk])
    print(
        f"node-{victim} stopped: {len(searches)} publishes and searches, {len(engine_searches)} engine searches, "
        f"{queued} publishes queued"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--nodes", "3", "--port", "9200"], "Port 9201 gehört dem einzelnen Knoten"),
        (["--nodes", "3", "--node", "4", "--stop"], "--node muss zwischen 1 und 3 liegen"),
        (["--node", "2", "--stop"], "--node braucht --nodes"),
        (["--nodes", "3", "--foreground"], "--foreground gibt es nur für einen einzelnen Knoten"),
        (["--nodes", "3", "--port", "65500"], "Platz für 3 Knoten"),
    ],
)
def test_cluster_options_are_checked_before_anything_starts(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("search_engine", *args, stdout=io.StringIO())
