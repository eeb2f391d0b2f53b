"""One engine per database behind `search()`: the same plan, each in its own full-text syntax."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from beslutskoll.store.search.query import Query

FacetCount = tuple[str, int, int]  # facet ("y" year, "p" place, "x" kinds and parties), bits, matches


@dataclass
class Plan:
    """A parsed query with its filters resolved to index tokens and a key range."""

    query: Query
    meta: list[list[str]] = field(default_factory=list)  # each inner list: tokens of which one must match
    person: list[str] = field(default_factory=list)  # folded name words, matched as a phrase
    key_range: tuple[int, int] | None = None


@dataclass
class Found:
    """What an engine finds for a plan: the total, facet counts and one ranked page."""

    total: int
    counted: int  # the matches the facet counts cover: all, or the most recent `facet_limit`
    counts: list[FacetCount]
    ranked: list[tuple[int, float]]  # (key, score) of the page


@dataclass
class Window:
    """Which matches to rank and count: the `window` most recent are ranked (relevance × recency)
    and the page is [offset, offset + limit) of them; facets count the `facet_limit` most recent."""

    window: int
    offset: int
    limit: int
    today: float  # keys.day_number() of today
    facet_limit: int


class Engine(Protocol):
    def write(self, docs: list) -> None: ...
    def clear(self) -> None: ...
    def optimize(self) -> None: ...
    def find(self, plan: Plan, window: Window) -> Found: ...


# the recency factor 1 / (1 + age / RECENCY_YEARS), in SQL on an entry key
RECENCY_YEARS = 30.0  # an item this many years old counts half as much as one from today: a mild nudge
UNDATED_AGE_DAYS = 3650


def recency_sql(key: str, today: float) -> str:
    """SQL for the recency factor; `today` is keys.day_number() of today (a number of ours, safe to inline)."""
    from beslutskoll.store.search import keys

    today = float(today)
    day = keys.day_sql(key)
    age = (
        f"(CASE WHEN ({key}) < {1 << keys.YEAR_SHIFT} THEN {UNDATED_AGE_DAYS} "
        f"WHEN {day} > {today} THEN 0 ELSE {today} - {day} END)"
    )
    return f"(1.0 / (1.0 + {age} / {365.25 * RECENCY_YEARS}))"


def engine() -> Engine:
    from django.db import connection

    if connection.vendor == "postgresql":
        from beslutskoll.store.search.engines.postgres import PostgresEngine

        return PostgresEngine()
    from beslutskoll.store.search.engines.sqlite import SqliteEngine

    return SqliteEngine()
