"""Swedish full-text search over agenda items: one interface, for the CLI, the web UI and the API.

`search()` is the whole interface; the engine behind it (SQLite FTS5 or PostgreSQL
full-text search) is chosen by the database in use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from beslutskoll.store.models import AgendaItem


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
    organisation: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None
    kind: str | None = None  # a decision kind, e.g. "approval"
    person: str | None = None  # name of a presenter or participant
    party: str | None = None


def search(query: str, filters: Filters | None = None, *, page: int = 1, per_page: int = 20) -> SearchResult:
    """Items matching the query, best first. (First version: a plain scan; the FTS engines replace it.)"""
    filters = filters or Filters()
    items = AgendaItem.objects.select_related("meeting__body")
    for word in query.split():
        items = items.filter(Q(title__icontains=word) | Q(decision__icontains=word) | Q(summary__icontains=word))
    if filters.date_from:
        items = items.filter(meeting__date__gte=filters.date_from)
    if filters.date_to:
        items = items.filter(meeting__date__lte=filters.date_to)
    total = items.count()
    start = (page - 1) * per_page
    hits = [
        Hit(
            item_id=item.id,
            body=str(item.meeting.body or ""),
            meeting_date=item.meeting.date.isoformat() if item.meeting.date else None,
            item_number=item.number,
            title=item.title,
            snippet=(item.decision or item.summary or item.title)[:200],
            url=f"/arende/{item.id}/",
        )
        for item in items.order_by("-meeting__date", "position")[start : start + per_page]
    ]
    return SearchResult(query=query, total=total, hits=hits)
