"""Compare what the engine holds with what the database says it should hold, and repair the difference."""

from dataclasses import dataclass, field

from search.kinds import indexed_kind
from search.sync import apply


@dataclass
class Drift:
    missing: list = field(default_factory=list)  # in the database, not in the engine
    extra: list = field(default_factory=list)  # in the engine, but not (or no longer) findable
    stale: list = field(default_factory=list)  # in both, but the document differs

    @property
    def clean(self):
        return not (self.missing or self.extra or self.stale)


def expected_documents():
    return {doc["id"]: doc for doc in indexed_kind().documents()}


def find_drift(engine):
    expected = expected_documents()
    stored = engine.documents()
    return Drift(
        missing=sorted(set(expected) - set(stored)),
        extra=sorted(set(stored) - set(expected)),
        stale=sorted(pk for pk in set(expected) & set(stored) if expected[pk] != stored[pk]),
    )


def repair(engine, drift):
    apply(engine, set(drift.missing) | set(drift.extra) | set(drift.stale))
