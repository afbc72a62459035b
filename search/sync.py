"""Keep the engine's documents true to the database: publish, unpublish, delete, move, privacy and
taxonomy changes queue the affected pages durably, and the queue is replayed whenever the engine
answers."""

import logging

from django.db import transaction
from django.db.models import F

from search.engines import EngineUnavailable, get_engine
from search.engines.database import DatabaseEngine
from search.kinds import indexed_kind
from search.models import PendingIndexChange

logger = logging.getLogger(__name__)
REPLAY_BATCH = 500


def queue_changes(action_ids):
    """Record the pages durably, then try to apply them once the surrounding transaction commits."""
    action_ids = set(action_ids)
    if not action_ids or isinstance(get_engine(), DatabaseEngine):
        return  # the database engine reads the tables directly: nothing to sync
    for action_id in action_ids:
        PendingIndexChange.objects.update_or_create(action_id=action_id, defaults={"last_error": ""})
    transaction.on_commit(replay_pending)


def replay_pending(engine=None, limit=REPLAY_BATCH):
    """Apply queued changes to the engine; returns how many were applied, 0 when it is unreachable."""
    engine = engine or get_engine()
    if isinstance(engine, DatabaseEngine):
        return 0
    pending = list(PendingIndexChange.objects.values_list("pk", "action_id")[:limit])
    if not pending:
        return 0
    ids = {action_id for _, action_id in pending}
    try:
        apply(engine, ids)
    except EngineUnavailable as error:
        logger.warning("Search engine unavailable, %d changes stay queued: %s", len(ids), error)
        PendingIndexChange.objects.filter(pk__in=[pk for pk, _ in pending]).update(
            attempts=F("attempts") + 1, last_error=str(error)[:1000]
        )
        return 0
    PendingIndexChange.objects.filter(pk__in=[pk for pk, _ in pending]).delete()
    return len(ids)


def apply(engine, action_ids):
    """Index the given pages that may be found and delete the rest from the engine."""
    kind = indexed_kind()
    documents = list(kind.documents(kind.indexable().filter(pk__in=action_ids)))
    engine.index(documents)
    engine.delete(set(action_ids) - {doc["id"] for doc in documents})


def pending_count():
    return PendingIndexChange.objects.count()
