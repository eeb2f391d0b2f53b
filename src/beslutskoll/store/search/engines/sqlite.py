"""SQLite FTS5: the terms are stored as prepared words; bm25 weighs title above decision above summary."""

from __future__ import annotations

import numpy as np
from django.db import connection

from beslutskoll.store.search.engines import FacetCount, Plan, facet_counts_of, recency_sql
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


def _where(plan: Plan) -> tuple[str, list]:
    sql, params = "search_fts MATCH %s", [match_expression(plan)]
    if plan.key_range:
        sql += " AND search_fts.rowid BETWEEN %s AND %s"
        params += list(plan.key_range)
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

    def page(self, plan: Plan, window: int, offset: int, limit: int, today: float) -> list[tuple[int, float]]:
        where, params = _where(plan)
        with connection.cursor() as cursor:
            # FTS5 walks its doclists in descending rowid (= date) order and stops at the window,
            # so bm25 is only computed for those rows however frequent the words are
            cursor.execute(
                f"SELECT key, rel * {recency_sql('key', today)} AS score FROM ("
                f"  SELECT rowid AS key, -bm25(search_fts, {WEIGHTS}) AS rel FROM search_fts WHERE {where}"
                "   ORDER BY rowid DESC LIMIT %s"
                ") ORDER BY score DESC, key DESC LIMIT %s OFFSET %s",
                [*params, window, limit, offset],
            )
            return cursor.fetchall()

    def facet_counts(self, plan: Plan) -> list[FacetCount]:
        where, params = _where(plan)
        with connection.cursor() as cursor:
            # the matches' keys in one string: FTS5 hands them out without reading a row, and
            # counting their bits in numpy is several times faster than GROUP BYs in SQLite
            cursor.execute(f"SELECT group_concat(rowid) FROM search_fts WHERE {where}", params)
            (found,) = cursor.fetchone()
        return facet_counts_of(np.array(found.split(","), dtype=np.int64) if found else np.zeros(0, np.int64))
