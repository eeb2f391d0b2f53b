"""Index maintenance: an agenda item → one index document, written by the engine of the database.

`index_meeting()` is called by ingest after a meeting's items are stored; `rebuild_index()`
rebuilds everything (after bulk loads, or to pick up changes made outside ingest).
Entries of deleted items go with them: Entry.item cascades, and on SQLite a trigger removes
the FTS5 row of each deleted entry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from beslutskoll.store.search.text import name_words, terms, token, variant_terms

# days since this date are the high bits of Entry.key; the low bits hold the item id
EPOCH = date(1900, 1, 1)
ITEM_BITS = 43
CHUNK = 500  # meetings per batch in rebuild_index


def day_number(day: date | None) -> int:
    return max(0, (day - EPOCH).days) if day else 0


def entry_key(day: date | None, item_id: int) -> int:
    return (day_number(day) << ITEM_BITS) | item_id


@dataclass
class Document:
    """What the engines store for one item: term lists per field, filter tokens, people's names."""

    key: int
    item_id: int
    meeting_id: int
    facets: tuple[int | None, int | None, int | None, str, str]  # body, organisation, year, kinds, parties
    title: list[str]
    decision: list[str]
    summary: list[str]
    other: list[str]
    variants: list[str]
    meta: list[str]
    people: list[list[str]] = field(default_factory=list)
    facet_set_id: int = 0


def _party(label: str | None) -> str:
    return " ".join((label or "").split()).strip("()")


def build_documents(meeting_ids: Iterable[int]) -> list[Document]:
    """Index documents for all items of these meetings, read with a handful of queries."""
    from beslutskoll.store.models import AgendaItem, Attendance, Meeting, Motion

    ids = list(meeting_ids)
    meetings = {
        m["id"]: m
        for m in Meeting.objects.filter(id__in=ids).values(
            "id", "date", "body_id", "body__organisation_id", "chair__name", "chair__party",
            "secretary__name",
        )
    }
    # people of the meeting: everyone present, with their party at that meeting
    attending: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for a in Attendance.objects.filter(meeting_id__in=ids).values("meeting_id", "person__name", "party",
                                                                   "person__party"):
        attending[a["meeting_id"]].append((a["person__name"], _party(a["party"] or a["person__party"])))
    for m in meetings.values():
        for name, party in ((m["chair__name"], m["chair__party"]), (m["secretary__name"], None)):
            if name:
                attending[m["id"]].append((name, _party(party)))
    acting: dict[int, list[tuple[str, str]]] = defaultdict(list)  # presenters and movers of an item
    other_text: dict[int, list[str]] = defaultdict(list)
    through = AgendaItem.presenters.through
    for p in through.objects.filter(agendaitem__meeting_id__in=ids).values(
        "agendaitem_id", "person__name", "person__party"
    ):
        acting[p["agendaitem_id"]].append((p["person__name"], _party(p["person__party"])))
    for mo in Motion.objects.filter(item__meeting_id__in=ids).values("item_id", "text", "by_name", "person__party"):
        other_text[mo["item_id"]].append(mo["text"])
        if mo["by_name"]:
            acting[mo["item_id"]].append((mo["by_name"], _party(mo["person__party"])))

    docs = []
    items = AgendaItem.objects.filter(meeting_id__in=ids).values(
        "id", "meeting_id", "title", "summary", "proposal", "decision", "decision_kinds", "case_number"
    )
    for item in items.iterator(chunk_size=2000):
        meeting = meetings[item["meeting_id"]]
        people = acting[item["id"]] + attending[item["meeting_id"]]
        parties = sorted({party for _, party in people if party})
        kinds = sorted(set(item["decision_kinds"] or []))
        day: date | None = meeting["date"]
        body, organisation = meeting["body_id"], meeting["body__organisation_id"]
        meta = ["all", *(f"k{token(k)}" for k in kinds), *(f"p{token(p)}" for p in parties)]
        if body:
            meta.append(f"b{body}")
        if organisation:
            meta.append(f"o{organisation}")
        other = [item["proposal"], item["case_number"], *other_text[item["id"]],
                 *(name for name, _ in acting[item["id"]])]
        texts = [item["title"], item["decision"], item["summary"], *other]
        docs.append(
            Document(
                key=entry_key(day, item["id"]),
                item_id=item["id"],
                meeting_id=item["meeting_id"],
                facets=(body, organisation, day.year if day else None, " ".join(kinds), " ".join(parties)),
                title=terms(item["title"]),
                decision=terms(item["decision"]),
                summary=terms(item["summary"]),
                other=[t for text in other if text for t in terms(text)],
                variants=variant_terms(texts),
                meta=meta,
                people=[w for w in (name_words(name) for name, _ in dict.fromkeys(people)) if w],
            )
        )
    return docs


class FacetSets:
    """Ids of FacetSet rows by their values, created when missing; cached per body."""

    def __init__(self) -> None:
        self.known: dict[tuple, int] = {}
        self.loaded: set[int | None] = set()

    def id_for(self, values: tuple[int | None, int | None, int | None, str, str]) -> int:
        from beslutskoll.store.search.models import FacetSet

        body = values[0]
        if body not in self.loaded:
            for fs in FacetSet.objects.filter(body_id=body) if body is not None else FacetSet.objects.filter(
                body_id__isnull=True
            ):
                self.known.setdefault((fs.body_id, fs.organisation_id, fs.year, fs.kinds, fs.parties), fs.id)
            self.loaded.add(body)
        if values not in self.known:
            fs = FacetSet.objects.create(
                body_id=values[0], organisation_id=values[1], year=values[2], kinds=values[3], parties=values[4]
            )
            self.known[values] = fs.id
        return self.known[values]


def _write(docs: list[Document], facet_sets: FacetSets) -> None:
    from beslutskoll.store.search.engines import engine

    for doc in docs:
        doc.facet_set_id = facet_sets.id_for(doc.facets)
    engine().write(docs)


def unindex_meetings(meeting_ids: Iterable[int]) -> None:
    from beslutskoll.store.search.models import Entry

    Entry.objects.filter(meeting_id__in=list(meeting_ids)).delete()


def index_meeting(meeting: object) -> int:
    """(Re)index all items of one meeting (a Meeting or its id); returns the number of items."""
    meeting_id = getattr(meeting, "pk", meeting)
    with transaction.atomic():
        unindex_meetings([meeting_id])
        docs = build_documents([meeting_id])  # type: ignore[list-item]
        _write(docs, FacetSets())
    return len(docs)


def rebuild_index(progress: object = None) -> int:
    """Index every item again from scratch; returns the number of items indexed."""
    from beslutskoll.store.models import Meeting
    from beslutskoll.store.search.engines import engine
    from beslutskoll.store.search.models import Entry, FacetSet

    count = 0
    with transaction.atomic():
        engine().clear()
        Entry.objects.all().delete()
        FacetSet.objects.all().delete()
        facet_sets = FacetSets()
        ids = list(Meeting.objects.order_by("id").values_list("id", flat=True))
        for start in range(0, len(ids), CHUNK):
            docs = build_documents(ids[start : start + CHUNK])
            _write(docs, facet_sets)
            count += len(docs)
            if callable(progress):
                progress(count)
    engine().optimize()
    return count


