"""Swedish full-text search over agenda items: one interface, for the CLI, the web UI and the API.

`search()` is the whole interface; the engine behind it (SQLite FTS5 or PostgreSQL
full-text search, see engines/) is chosen by the database in use. Both index the same
prepared terms (text.py: folded, stemmed), so they find the same items.

Query language (query.py): words (any inflection, with or without å, ä, ö), "phrases",
prefix*, OR, -excluded. Small words (och, att …) are dropped unless nothing else is asked.

Ranking: the engine's relevance (bm25 on SQLite, ts_rank on PostgreSQL; title weighs most,
then decision, then summary) times a recency factor 1 / (1 + age in years / 30), so that of
two equally relevant items the newer comes first. Only the RANK_WINDOW most recent matches
are ranked (a frequent word matches tens of thousands of items; ranking them all would cost
more than it tells); the total counts every match.

Facets: organisation, body, year, kind (decision kind) and party, counted from bits of the
entry key (keys.py) without reading the matching rows. They count every match up to
FACET_LIMIT matches; beyond that they count the FACET_LIMIT most recent ones, and
SearchResult.facets_counted says so (the pages show it in words), since counting a prefix
query's 60 000 matches would cost more than any other part of a search. An item's parties are those of the
people who acted on it (presenters, movers of motions) and of everyone attending its
meeting: the parties that took part in the decision. The party facet lists the eight
Riksdag parties and "Övriga partier" (local parties); the party filter takes any party label.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from beslutskoll.store.search import keys
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

RANK_WINDOW = 1000
FACET_LIMIT = 20_000

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
    facets_counted: int | None = None  # the matches the facets count: the total, or the FACET_LIMIT most recent

    def __post_init__(self) -> None:
        if self.facets_counted is None:
            self.facets_counted = self.total

    @property
    def facets_limited(self) -> bool:
        return (self.facets_counted or 0) < self.total

    @property
    def facets_note(self) -> str:
        """In words, when the facets count only the most recent matches; else empty."""
        if not self.facets_limited:
            return ""
        counted = f"{self.facets_counted:,}".replace(",", "\u00a0")
        total = f"{self.total:,}".replace(",", "\u00a0")
        return f"Antalen i filtren gäller de {counted} senaste av {total} träffar."


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
    from beslutskoll.store.search.engines import Window, engine
    from beslutskoll.store.search.query import parse_query

    page, per_page = max(1, page), max(1, per_page)
    _ensure_index()
    parsed = parse_query(query)
    plan = _plan(parsed, filters or Filters())
    if plan is None:
        return SearchResult(query=query, total=0, hits=[], facets=_facets([]))
    start = (page - 1) * per_page
    window = Window(
        window=max(RANK_WINDOW, page * per_page), offset=start, limit=per_page,
        today=keys.day_number(date.today()), facet_limit=FACET_LIMIT,
    )
    found = engine().find(plan, window)
    if found.total == 0:
        return SearchResult(query=query, total=0, hits=[], facets=_facets([]))
    return SearchResult(
        query=query, total=found.total, hits=_hits(found.ranked, parsed), facets=_facets(found.counts),
        facets_counted=found.counted,
    )


_index_checked = False


def _ensure_index() -> None:
    """Once per process: a register filled before the search app existed gets its index built."""
    global _index_checked
    if _index_checked:
        return
    from beslutskoll.store.models import AgendaItem
    from beslutskoll.store.search.models import Entry

    if not Entry.objects.exists() and AgendaItem.objects.exists():
        rebuild_index()
    _index_checked = True


def _plan(parsed, filters: Filters):  # type: ignore[no-untyped-def]
    """The engines' plan, or None when a filter names nothing in the register."""
    from beslutskoll.store.search.engines import Plan
    from beslutskoll.store.search.text import fold, name_words, token

    plan = Plan(query=parsed)
    # With words to match, a filter on what the key carries is a test of its bits, row by row
    # over the words' matches; without, the index's own tokens (meta) find the rows.
    by_key = bool(parsed.groups)
    for ids, places_of, prefix in (
        (_body_ids(filters.body) if filters.body else None, "body_id__in", "b"),
        (_organisation_ids(filters.organisation) if filters.organisation else None, "organisation_id__in", "o"),
    ):
        if ids is None:
            continue
        if not ids:
            return None
        if by_key:
            places = _place_ids(**{places_of: ids})
            if not places:
                return None
            plan.places.append(places)
        else:
            plan.meta.append([f"{prefix}{i}" for i in ids])
    if filters.kind:
        wanted = fold(filters.kind.strip())
        kind = next((k for k, label in KIND_LABELS.items() if fold(label) == wanted), wanted)
        if by_key and kind in keys.KINDS:
            plan.key_masks.append(keys.kinds_mask([kind]) << keys.KINDS_SHIFT)
        else:
            plan.meta.append([f"k{token(kind)}"])
    if filters.party:
        party = filters.party.strip("() ")
        if by_key and party.upper() in keys.PARTIES:  # a local party shares its bit with the others
            plan.key_masks.append(keys.parties_mask([party]) << keys.PARTIES_SHIFT)
        else:
            plan.meta.append([f"p{token(party)}"])
    if filters.person:
        plan.person = name_words(filters.person)
    low, high = filters.date_from, filters.date_to
    if filters.year:
        if not 1 <= filters.year <= 9999:
            return None
        first, last = date(filters.year, 1, 1), date(filters.year, 12, 31)
        low = max(low, first) if low else first
        high = min(high, last) if high else last
    if low or high:
        if low and high and low > high:
            return None
        plan.key_range = keys.date_range(low, high)
    return plan


def _place_ids(**bodies_or_organisations: list[int]) -> list[int]:
    from beslutskoll.store.search.models import Place

    return sorted(Place.objects.filter(**bodies_or_organisations).values_list("id", flat=True))


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


def _table(model) -> str:  # type: ignore[no-untyped-def]
    return model._meta.db_table


def _hits(ranked: list[tuple[int, float]], parsed) -> list[Hit]:  # type: ignore[no-untyped-def]
    """The page's items, read with one query (plain SQL: the ORM's overhead is most of the time here)."""
    from django.db import connection

    from beslutskoll.store.models import AgendaItem, Body, Meeting, Organisation
    from beslutskoll.store.search.models import Entry
    from beslutskoll.store.search.snippet import snippet

    if not ranked:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.key, i.id, i.number, i.title, i.decision, i.summary, i.proposal, i.decision_kinds, "
            "i.meeting_id, m.date, b.name, b.abbreviation, o.name "
            f"FROM {_table(Entry)} e JOIN {_table(AgendaItem)} i ON i.id = e.item_id "
            f"JOIN {_table(Meeting)} m ON m.id = i.meeting_id "
            f"LEFT JOIN {_table(Body)} b ON b.id = m.body_id "
            f"LEFT JOIN {_table(Organisation)} o ON o.id = b.organisation_id "
            f"WHERE e.key IN ({', '.join(['%s'] * len(ranked))})",
            [key for key, _ in ranked],
        )
        rows = {row[0]: row for row in cursor.fetchall()}
    hits = []
    for key, score in ranked:
        if key not in rows:  # deleted since the index was read
            continue
        _, item_id, number, title, decision, summary, proposal, kinds, meeting_id, day, name, abbr, org = rows[key]
        if isinstance(kinds, str):  # JSON as text on SQLite
            kinds = json.loads(kinds or "[]")
        hits.append(
            Hit(
                item_id=item_id,
                body=f"{name} ({abbr})" if name and abbr else name or "",  # as str(Body)
                meeting_date=str(day)[:10] if day else None,
                item_number=number,
                title=title,
                snippet=snippet([decision, summary, title, proposal], parsed),
                url=f"/arende/{item_id}/",
                score=float(score),
                meeting_id=meeting_id,
                organisation=org or "",
                decision_kinds=list(kinds or []),
            )
        )
    return hits


def _facets(counts: list[tuple[str, int, int]]) -> dict[str, list[FacetValue]]:
    """Facet values with counts from the engines' counts per bits of the key (keys.py)."""
    from beslutskoll.store.search.places import place_labels

    found: dict[str, Counter] = {name: Counter() for name in ("organisation", "body", "year", "kind", "party")}
    places: dict[int, int] = {}
    kind_masks: Counter = Counter()
    party_masks: Counter = Counter()
    party_bits = keys.KINDS_SHIFT - keys.PARTIES_SHIFT
    for facet, bits, n in counts:
        if facet == "y" and bits:
            found["year"][str(1900 + bits)] += n
        elif facet == "p" and bits:
            places[bits] = n
        elif facet == "x":  # kinds and parties, as bits: few distinct masks of each once split
            kind_masks[bits >> party_bits] += n
            party_masks[bits & ((1 << party_bits) - 1)] += n
    for masks, names, facet_name in (
        (kind_masks, keys.KINDS, "kind"),
        (party_masks, (*keys.PARTIES, keys.OTHER_PARTY), "party"),
    ):
        for mask, n in masks.items():
            for i, name in enumerate(names):
                if mask >> i & 1:
                    found[facet_name][name] += n
    bodies: dict[str, str] = {}
    organisations: dict[str, str] = {}
    if places:  # (no lookup when nothing matched)
        known = place_labels(places)
        for place, n in places.items():
            if place not in known:
                continue
            body, body_label, organisation, org_name = known[place]
            if body:
                found["body"][str(body)] += n
                bodies[str(body)] = body_label
            if organisation:
                found["organisation"][str(organisation)] += n
                organisations[str(organisation)] = org_name
    labels = {
        "organisation": lambda v: organisations.get(v, v),
        "body": lambda v: bodies.get(v, v),
        "year": str,
        "kind": lambda v: KIND_LABELS.get(v, v),
        "party": lambda v: "Övriga partier" if v == keys.OTHER_PARTY else v,
    }
    facets = {}
    for name, counter in found.items():
        values = [FacetValue(v, labels[name](v), n) for v, n in counter.items()]
        if name == "year":
            values.sort(key=lambda f: f.value, reverse=True)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        facets[name] = values
    return facets
