"""PostgreSQL full-text search: tsvectors built from the prepared terms, ranked with ts_rank.

Weights: title A, decision B, summary C, the rest D. The vectors are written as tsvector
literals, so PostgreSQL's own parser and dictionaries never touch the terms.
"""

from __future__ import annotations

from django.db import connection

from beslutskoll.store.search.engines import Found, Plan, Window, facet_counts_sql, recency_sql
from beslutskoll.store.search.query import Clause

MAX_POSITION = 16383  # PostgreSQL's limit for a position in a tsvector
MAX_POSITIONS = 255  # positions kept per lexeme


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(fields: list[tuple[list[str], str]]) -> str:
    """A tsvector literal of term lists with their weights; a gap between fields stops phrases spanning two."""
    positions: dict[str, list[str]] = {}
    position = 1
    for words, weight in fields:
        for word in words:
            found = positions.setdefault(word, [])
            if len(found) < MAX_POSITIONS:
                found.append(f"{min(position, MAX_POSITION)}{weight}")
            position += 1
        position += 2
    return " ".join(f"{_lexeme(w)}:{','.join(p)}" for w, p in positions.items())


def _people(names: list[list[str]]) -> str:
    return tsvector([(name, "") for name in names])


def _clause(clause: Clause) -> str:
    if not clause.prefix:
        return "(" + " <-> ".join(_lexeme(t) for t in clause.terms) + ")"
    if not clause.is_phrase:
        return f"({_lexeme(clause.prefix)}:* | {_lexeme(clause.terms[0])})"
    return "(" + " <-> ".join(_lexeme(t) for t in clause.terms[:-1]) + f" <-> {_lexeme(clause.terms[-1])}:*)"


def text_query(plan: Plan) -> str | None:
    query = plan.query
    parts = ["(" + " | ".join(_clause(c) for c in group) + ")" for group in query.groups]
    if query.excluded:
        parts.append("!(" + " | ".join(_clause(c) for c in query.excluded) + ")")
    return " & ".join(parts) or None


def _where(plan: Plan) -> tuple[str, list]:
    conditions, params = ["true"], []
    text = text_query(plan)
    if text:
        conditions.append("tsv @@ %s::tsquery")
        params.append(text)
    if plan.meta:
        conditions.append("meta @@ %s::tsquery")
        params.append(" & ".join("(" + " | ".join(_lexeme(t) for t in tokens) + ")" for tokens in plan.meta))
    if plan.person:
        conditions.append("people @@ %s::tsquery")
        params.append(" <-> ".join(_lexeme(w) for w in plan.person))
    if plan.key_range:
        conditions.append("key BETWEEN %s AND %s")
        params += list(plan.key_range)
    return " AND ".join(conditions), params


class PostgresEngine:
    def write(self, docs: list) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_entry (key, item_id, meeting_id, tsv, meta, people) "
                "VALUES (%s, %s, %s, %s::tsvector, %s::tsvector, %s::tsvector)",
                [
                    (
                        d.key, d.item_id, d.meeting_id,
                        tsvector([(d.title, "A"), (d.decision, "B"), (d.summary, "C"), (d.other, "D"),
                                  (d.variants, "D")]),
                        " ".join(_lexeme(t) for t in d.meta),
                        _people(d.people),
                    )
                    for d in docs
                ],
            )

    def clear(self) -> None:
        pass  # the vectors live in search_entry itself

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_entry")

    def find(self, plan: Plan, window: Window) -> Found:
        where, params = _where(plan)
        text = text_query(plan)
        rank = "ts_rank(e.tsv, %s::tsquery)" if text else "1.0"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM search_entry WHERE {where}", params)
            total = int(cursor.fetchone()[0])
            if not total:
                return Found(0, 0, [], [])
            matches = f"SELECT key AS k FROM search_entry WHERE {where} ORDER BY key DESC LIMIT {window.facet_limit}"
            cursor.execute(facet_counts_sql(matches), params)
            counts = [(facet, int(bits), int(n)) for facet, bits, n in cursor.fetchall()]
            # rank only the most recent matches: the inner query sorts keys, not vectors
            cursor.execute(
                f"SELECT e.key, {rank} * {recency_sql('e.key', window.today)} AS score FROM ("
                f"  SELECT key FROM search_entry WHERE {where} ORDER BY key DESC LIMIT %s"
                ") c JOIN search_entry e ON e.key = c.key ORDER BY score DESC, e.key DESC LIMIT %s OFFSET %s",
                [*([text] if text else []), *params, window.window, window.limit, window.offset],
            )
            ranked = [(key, float(score)) for key, score in cursor.fetchall()]
        return Found(total, min(total, window.facet_limit), counts, ranked)
