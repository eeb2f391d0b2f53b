"""SQLite FTS5: the terms are stored as prepared words; bm25 weighs title above decision above summary.

Every query walks the doclists in ascending rowid (= date) order. "The n most recent matches"
is a lower rowid bound read off the keys of all matches, not ORDER BY rowid DESC: SQLite
3.40's FTS5 drops rows of an AND query walked in descending order once the index has been
optimized (with 100 000 items, "förskola" in one body found 101 of its 215 matches).
"""

from __future__ import annotations

import numpy as np
from django.db import connection

from beslutskoll.store.search.engines import Found, Plan, Window, facet_counts_of, recency_sql
from beslutskoll.store.search.query import Clause

TEXT_COLUMNS = "{title decision summary other variants}"
# bm25 weight per column: title, decision, summary, other, variants, meta, people
WEIGHTS = "10.0, 4.0, 2.0, 1.0, 1.0, 0.0, 0.0"
# the people column separates two names with this token, so that a name phrase never spans two people
NAME_BREAK = "zznamebreakzz"


def _quote(words: tuple[str, ...] | list[str]) -> str:
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def _clause(clause: Clause) -> str:
    if not clause.prefix:
        return _quote(clause.terms)
    if not clause.is_phrase:
        # the folded start of a word, or an inflection of it ("avtalet*" also finds "avtal")
        return f"({_quote([clause.prefix])} * OR {_quote(clause.terms)})"
    return f"{_quote(clause.terms)} *"


def match_expression(plan: Plan) -> str:
    query = plan.query
    parts = []
    if query.groups:
        groups = " AND ".join("(" + " OR ".join(_clause(c) for c in group) + ")" for group in query.groups)
        parts.append(f"{TEXT_COLUMNS} : ({groups})")
    else:
        parts.append("meta : all")
    for tokens in plan.meta:
        parts.append("meta : (" + " OR ".join(_quote([t]) for t in tokens) + ")")
    if plan.person:
        parts.append(f"people : {_quote(plan.person)}")
    expression = " AND ".join(parts)
    if query.excluded:
        excluded = " OR ".join(_clause(c) for c in query.excluded)
        expression = f"({expression}) NOT {TEXT_COLUMNS} : ({excluded})"
    return expression


def _where(plan: Plan, since: int | None = None) -> tuple[str, list]:
    """The WHERE clause for the plan's matches, from key `since` on when given."""
    sql, params = "search_fts MATCH %s", [match_expression(plan)]
    low, high = plan.key_range or (None, None)
    if since is not None:
        low = since if low is None else max(low, since)
    if low is not None:
        sql += " AND search_fts.rowid >= %s"
        params.append(low)
    if high is not None:
        sql += " AND search_fts.rowid <= %s"
        params.append(high)
    if plan.key_masks or plan.places:
        sql += " AND " + plan.key_conditions("search_fts.rowid")
    return sql, params


class SqliteEngine:
    def write(self, docs: list) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_entry (key, item_id, meeting_id) VALUES (%s, %s, %s)",
                [(d.key, d.item_id, d.meeting_id) for d in docs],
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, decision, summary, other, variants, meta, people) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        d.key, " ".join(d.title), " ".join(d.decision), " ".join(d.summary), " ".join(d.other),
                        " ".join(d.variants), " ".join(d.meta),
                        f" {NAME_BREAK} ".join(" ".join(name) for name in d.people),
                    )
                    for d in docs
                ],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def optimize(self) -> None:
        # merges the index segments that many small inserts leave behind
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def find(self, plan: Plan, window: Window) -> Found:
        where, params = _where(plan)
        with connection.cursor() as cursor:
            # Every match's key in one walk, oldest first, as one string: FTS5 hands the keys out
            # without reading a row, and numpy counts their bits several times faster than
            # GROUP BYs in SQLite. The keys also give where the window of recent matches starts.
            cursor.execute(
                f"SELECT group_concat(k) FROM (SELECT rowid AS k FROM search_fts WHERE {where} ORDER BY rowid)",
                params,
            )
            (joined,) = cursor.fetchone()
            if not joined:
                return Found(0, 0, [], [])
            found = np.sort(np.array(joined.split(","), dtype=np.int64))  # (sorted already, as a rule)
            counted = found[-window.facet_limit :]
            since = int(found[-window.window]) if len(found) > window.window else None
            where, params = _where(plan, since)
            # bm25 is computed only for the rows of the window
            cursor.execute(
                f"SELECT key, rel * {recency_sql('key', window.today)} AS score FROM ("
                f"  SELECT rowid AS key, -bm25(search_fts, {WEIGHTS}) AS rel FROM search_fts WHERE {where}"
                ") ORDER BY score DESC, key DESC LIMIT %s OFFSET %s",
                [*params, window.limit, window.offset],
            )
            ranked = cursor.fetchall()
        return Found(len(found), len(counted), facet_counts_of(counted), ranked)
