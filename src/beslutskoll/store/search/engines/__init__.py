"""One engine per database behind `search()`: the same plan, each in its own full-text syntax."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from beslutskoll.store.search.query import Query

FacetGroup = tuple[int | None, int | None, int | None, str, str, int]  # FacetSet values and a count


@dataclass
class Plan:
    """A parsed query with its filters resolved to index tokens and a key range."""

    query: Query
    meta: list[list[str]] = field(default_factory=list)  # each inner list: tokens of which one must match
    person: list[str] = field(default_factory=list)  # folded name words, matched as a phrase
    key_range: tuple[int, int] | None = None


class Engine(Protocol):
    def write(self, docs: list) -> None: ...
    def clear(self) -> None: ...
    def optimize(self) -> None: ...
    def candidates(self, plan: Plan, limit: int) -> list[tuple[int, float]]:
        """(key, relevance) of the `limit` most recent matches; higher relevance is better."""
        ...
    def facet_groups(self, plan: Plan) -> list[FacetGroup]:
        """All matches counted per FacetSet."""
        ...


def engine() -> Engine:
    from django.db import connection

    if connection.vendor == "postgresql":
        from beslutskoll.store.search.engines.postgres import PostgresEngine

        return PostgresEngine()
    from beslutskoll.store.search.engines.sqlite import SqliteEngine

    return SqliteEngine()
