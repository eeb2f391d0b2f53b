"""One engine per database behind `search()`: the same plan, each in its own full-text syntax."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from beslutskoll.store.search.query import Query

FacetCount = tuple[str, int, int]  # facet ("y" year, "p" place, "x" kinds and parties), bits, matches


def facet_counts_of(keys_found: np.ndarray) -> list[FacetCount]:
    """Facet counts of matching keys (their bits, keys.py): years, places, and kinds and parties
    per bit (a mask with one bit set; _facets() sums masks bit by bit, so that is the same)."""
    from beslutskoll.store.search import keys

    counts: list[FacetCount] = []
    for facet, bits in (
        ("y", keys_found >> keys.YEAR_SHIFT),
        ("p", (keys_found >> keys.PLACE_SHIFT) & (keys.PLACE_LIMIT - 1)),
    ):
        values, n = np.unique(bits, return_counts=True)
        counts.extend(zip([facet] * len(values), values.tolist(), n.tolist(), strict=True))
    mixed = keys_found >> keys.PARTIES_SHIFT
    for bit in range(keys.DAY_SHIFT - keys.PARTIES_SHIFT):
        n = int(np.count_nonzero(mixed & (1 << bit)))
        if n:
            counts.append(("x", 1 << bit, n))
    return counts


@dataclass
class Plan:
    """A parsed query with its filters resolved to index tokens and a key range."""

    query: Query
    meta: list[list[str]] = field(default_factory=list)  # each inner list: tokens of which one must match
    person: list[str] = field(default_factory=list)  # folded name words, matched as a phrase
    key_range: tuple[int, int] | None = None
    key_masks: list[int] = field(default_factory=list)  # each: the key has one of these bits set
    places: list[list[int]] = field(default_factory=list)  # each: the key's place is one of these

    def key_conditions(self, key: str) -> str:
        """SQL on the key column for key_masks and places (integers of ours, safe to inline)."""
        from beslutskoll.store.search import keys

        conditions = [f"({key} & {int(mask)}) <> 0" for mask in self.key_masks]
        conditions += [
            f"(({key} >> {keys.PLACE_SHIFT}) & {keys.PLACE_LIMIT - 1}) IN ({', '.join(str(int(p)) for p in places)})"
            for places in self.places
        ]
        return " AND ".join(conditions)


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
