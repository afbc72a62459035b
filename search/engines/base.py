"""The one small interface every search engine implements."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field


class EngineUnavailable(Exception):
    """The engine could not be reached or answered with an error; callers fall back or queue."""


@dataclass
class EngineResult:
    ids: list  # action ids of the requested page, in order
    total: int  # all matches (with every filter applied)
    counts: dict = field(default_factory=dict)  # facet key -> {value: count}, each ignoring its own facet
    took_ms: float | None = None  # the engine's own time, where it reports one


class SearchEngine(ABC):
    name = ""

    @abstractmethod
    def search(self, query):
        """Run an ActionQuery: one page of ids, the total, and disjunctive facet counts."""

    @abstractmethod
    def ping(self):
        """True when the engine answers."""

    @abstractmethod
    def index(self, documents):
        """Add or replace documents."""

    @abstractmethod
    def delete(self, ids):
        """Remove documents by action id; unknown ids are fine."""

    @abstractmethod
    def rebuild(self, documents, progress=None):
        """Replace the whole index with ``documents``; returns how many were indexed."""

    @abstractmethod
    def documents(self):
        """Every stored document as {id: document} (for verify)."""

    @abstractmethod
    def count(self):
        """How many documents the engine holds."""
