"""PostgreSQL full-text search: tsvectors built from the prepared terms, ranked with ts_rank.

Weights: title A, decision B, summary C, the rest D. The vectors are written as tsvector
literals, so PostgreSQL's own parser and dictionaries never touch the terms.
"""

from __future__ import annotations

from django.db import connection

from beslutskoll.store.search import keys
from beslutskoll.store.search.engines import Found, Plan, Window, recency_sql
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
    if plan.key_masks or plan.places:
        conditions.append(plan.key_conditions("key"))
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
        """One statement, so that the matches are looked up in the GIN indexes once: their number,
        the facets of the facet_limit most recent and the ranked page of the window most recent."""
        where, params = _where(plan)
        text = text_query(plan)
        rank = "ts_rank(e.tsv, %s::tsquery)" if text else "1.0"
        place = f"(k >> {keys.PLACE_SHIFT}) & {keys.PLACE_LIMIT - 1}"
        mixed = f"(k >> {keys.PARTIES_SHIFT}) & {(1 << (keys.DAY_SHIFT - keys.PARTIES_SHIFT)) - 1}"
        sql = (
            f"WITH m AS MATERIALIZED (SELECT key AS k FROM search_entry WHERE {where}), "
            f"r AS MATERIALIZED (SELECT k FROM m ORDER BY k DESC LIMIT {int(window.facet_limit)}), "
            f"w AS (SELECT e.key, {rank} * {recency_sql('e.key', window.today)} AS score "
            f"  FROM (SELECT k FROM m ORDER BY k DESC LIMIT {int(window.window)}) c JOIN search_entry e ON e.key = c.k "
            "  ORDER BY score DESC, e.key DESC LIMIT %s OFFSET %s) "
            "SELECT 'n', count(*), 0::float8 FROM m "
            f"UNION ALL SELECT 'y', k >> {keys.YEAR_SHIFT}, count(*)::float8 FROM r GROUP BY 2 "
            f"UNION ALL SELECT 'p', {place}, count(*)::float8 FROM r GROUP BY 2 "
            f"UNION ALL SELECT 'x', {mixed}, count(*)::float8 FROM r GROUP BY 2 "
            "UNION ALL SELECT 'r', key, score FROM w"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *([text] if text else []), window.limit, window.offset])
            rows = cursor.fetchall()
        total = next(int(bits) for facet, bits, _ in rows if facet == "n")
        if not total:
            return Found(0, 0, [], [])
        counts = [(facet, int(bits), int(n)) for facet, bits, n in rows if facet in ("y", "p", "x")]
        ranked = sorted(((int(key), float(score)) for facet, key, score in rows if facet == "r"),
                        key=lambda r: (-r[1], -r[0]))
        return Found(total, min(total, window.facet_limit), counts, ranked)
