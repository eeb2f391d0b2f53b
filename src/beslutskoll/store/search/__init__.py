"""Swedish full-text search over agenda items: one interface, for the CLI, the web UI and the API.

`search()` is the whole interface; the engine behind it (SQLite FTS5 or PostgreSQL
full-text search, see engines/) is chosen by the database in use. Both index the same
prepared terms (text.py: folded, stemmed), so they find the same items.

Ranking: the engine's relevance (bm25 on SQLite, ts_rank on PostgreSQL; title weighs most,
then decision, then summary) times a recency factor 1 / (1 + age in years / 30), so that of
two equally relevant items the newer comes first. Only the RANK_WINDOW most recent matches
are ranked (a frequent word matches tens of thousands of items; ranking them all would cost
more than it tells); the total and the facets count every match.

Facets: organisation, body, year, kind (decision kind) and party. An item's parties are those
of the people who acted on it (presenters, movers of motions) and of everyone attending its
meeting: the parties that took part in the decision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from beslutskoll.store.search.index import index_meeting, rebuild_index, unindex_meetings

__all__ = [
    "KIND_LABELS",
    "FacetValue",
    "Filters",
    "Hit",
    "SearchResult",
    "index_meeting",
    "rebuild_index",
    "search",
    "unindex_meetings",
]

RANK_WINDOW = 2000
RECENCY_YEARS = 30.0  # an item this many years old counts half as much as one from today: a mild nudge
UNDATED_AGE_DAYS = 3650

KIND_LABELS = {
    "approval": "Godkännande",
    "rejection": "Avslag",
    "information": "Information",
    "recommendation": "Förslag till annat organ",
    "assignment": "Uppdrag",
    "referral": "Remiss",
    "deferral": "Bordläggning",
    "election": "Val",
}


@dataclass
class Hit:
    item_id: int
    body: str
    meeting_date: str | None
    item_number: str
    title: str
    snippet: str  # HTML-escaped text with <mark>…</mark> around matched words
    url: str
    score: float = 0.0
    meeting_id: int | None = None
    organisation: str = ""
    decision_kinds: list[str] = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    # facet name ("organisation", "body", "year", "kind", "party") → values with counts
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


@dataclass
class Filters:
    body: str | None = None  # body id, name or abbreviation
    organisation: str | None = None  # organisation id or name
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None
    kind: str | None = None  # a decision kind, e.g. "approval" (or its Swedish label)
    person: str | None = None  # name (or part of it) of a presenter, mover or participant
    party: str | None = None  # e.g. "S"


def search(query: str, filters: Filters | None = None, *, page: int = 1, per_page: int = 20) -> SearchResult:
    """Items matching the query and filters, best first, with facet counts over all matches.

    An empty query lists the items matching the filters, newest first.
    """
    from beslutskoll.store.search.engines import engine
    from beslutskoll.store.search.query import parse_query

    page, per_page = max(1, page), max(1, per_page)
    parsed = parse_query(query)
    plan = _plan(parsed, filters or Filters())
    if plan is None:
        return SearchResult(query=query, total=0, hits=[], facets={})
    backend = engine()
    groups = backend.facet_groups(plan)
    total = sum(g[-1] for g in groups)
    if total == 0:
        return SearchResult(query=query, total=0, hits=[], facets={})
    candidates = backend.candidates(plan, max(RANK_WINDOW, page * per_page))
    today = _days(date.today())
    ranked = sorted(
        ((relevance * _recency(today, key), key) for key, relevance in candidates),
        key=lambda pair: (-pair[0], -pair[1]),
    )
    start = (page - 1) * per_page
    hits = _hits(ranked[start : start + per_page], parsed)
    return SearchResult(query=query, total=total, hits=hits, facets=_facets(groups))


def _days(day: date) -> int:
    from beslutskoll.store.search.index import day_number

    return day_number(day)


def _recency(today: int, key: int) -> float:
    from beslutskoll.store.search.index import ITEM_BITS

    day = key >> ITEM_BITS
    age = today - day if day else UNDATED_AGE_DAYS
    return 1.0 / (1.0 + max(0, age) / (365.25 * RECENCY_YEARS))


def _plan(parsed, filters: Filters):  # type: ignore[no-untyped-def]
    """The engines' plan, or None when a filter names nothing in the register."""
    from beslutskoll.store.search.engines import Plan
    from beslutskoll.store.search.index import ITEM_BITS, day_number
    from beslutskoll.store.search.text import fold, name_words, token

    plan = Plan(query=parsed)
    if filters.body:
        ids = _body_ids(filters.body)
        if not ids:
            return None
        plan.meta.append([f"b{i}" for i in ids])
    if filters.organisation:
        ids = _organisation_ids(filters.organisation)
        if not ids:
            return None
        plan.meta.append([f"o{i}" for i in ids])
    if filters.kind:
        wanted = fold(filters.kind.strip())
        kind = next((k for k, label in KIND_LABELS.items() if fold(label) == wanted), wanted)
        plan.meta.append([f"k{token(kind)}"])
    if filters.party:
        plan.meta.append([f"p{token(filters.party.strip('() '))}"])
    if filters.person:
        plan.person = name_words(filters.person)
    low, high = filters.date_from, filters.date_to
    if filters.year:
        first, last = date(filters.year, 1, 1), date(filters.year, 12, 31)
        low = max(low, first) if low else first
        high = min(high, last) if high else last
    if low or high:
        if low and high and low > high:
            return None
        # dated items only: undated ones have day number 0
        lo = (day_number(low) if low else 1) << ITEM_BITS
        hi = ((day_number(high) + 1) << ITEM_BITS) - 1 if high else (1 << 62)
        plan.key_range = (lo, hi)
    return plan


def _body_ids(value: str) -> list[int]:
    from django.db.models import Q

    from beslutskoll.store.identity import name_key
    from beslutskoll.store.models import Body, BodyAlias

    value = value.strip()
    if value.isdigit():
        return [int(value)]
    ids = set(Body.objects.filter(Q(name__iexact=value) | Q(abbreviation__iexact=value)).values_list("id", flat=True))
    ids |= set(BodyAlias.objects.filter(key=name_key(value)).values_list("body_id", flat=True))
    return sorted(ids)


def _organisation_ids(value: str) -> list[int]:
    from beslutskoll.store.models import Organisation

    value = value.strip()
    if value.isdigit():
        return [int(value)]
    return list(Organisation.objects.filter(name__iexact=value).values_list("id", flat=True))


def _hits(ranked: list[tuple[float, int]], parsed) -> list[Hit]:  # type: ignore[no-untyped-def]
    from beslutskoll.store.models import AgendaItem
    from beslutskoll.store.search.index import ITEM_BITS
    from beslutskoll.store.search.snippet import snippet

    ids = [key & ((1 << ITEM_BITS) - 1) for _, key in ranked]
    items = AgendaItem.objects.select_related("meeting__body__organisation").in_bulk(ids)
    hits = []
    for (score, _), item_id in zip(ranked, ids, strict=True):
        item = items.get(item_id)
        if item is None:  # deleted since the index was read
            continue
        meeting = item.meeting
        body = meeting.body
        hits.append(
            Hit(
                item_id=item.id,
                body=str(body or ""),
                meeting_date=meeting.date.isoformat() if meeting.date else None,
                item_number=item.number,
                title=item.title,
                snippet=snippet([item.decision, item.summary, item.title, item.proposal], parsed),
                url=f"/arende/{item.id}/",
                score=score,
                meeting_id=meeting.id,
                organisation=str(body.organisation) if body and body.organisation else "",
                decision_kinds=list(item.decision_kinds or []),
            )
        )
    return hits


def _facets(groups: list) -> dict[str, list[FacetValue]]:
    from beslutskoll.store.models import Body, Organisation

    counts: dict[str, Counter] = {name: Counter() for name in ("organisation", "body", "year", "kind", "party")}
    for body, organisation, year, kinds, parties, n in groups:
        if organisation:
            counts["organisation"][organisation] += n
        if body:
            counts["body"][body] += n
        if year:
            counts["year"][year] += n
        for kind in kinds.split():
            counts["kind"][kind] += n
        for party in parties.split():
            counts["party"][party] += n
    bodies = {b.id: str(b) for b in Body.objects.filter(id__in=list(counts["body"]))}
    organisations = dict(Organisation.objects.filter(id__in=list(counts["organisation"])).values_list("id", "name"))
    labels = {
        "organisation": lambda v: organisations.get(v, str(v)),
        "body": lambda v: bodies.get(v, str(v)),
        "year": str,
        "kind": lambda v: KIND_LABELS.get(v, v),
        "party": str,
    }
    facets = {}
    for name, counter in counts.items():
        values = [FacetValue(str(v), labels[name](v), n) for v, n in counter.items()]
        if name == "year":
            values.sort(key=lambda f: f.value, reverse=True)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        facets[name] = values
    return facets


