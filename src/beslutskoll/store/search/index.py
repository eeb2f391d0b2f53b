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

from beslutskoll.store.search import keys
from beslutskoll.store.search.text import name_words, terms, token, variant_terms

CHUNK = 500  # meetings per batch in rebuild_index


@dataclass
class Document:
    """What the engines store for one item: term lists per field, filter tokens, people's names."""

    item_id: int
    meeting_id: int
    day: date | None
    kinds: list[str]
    parties: list[str]
    place: tuple[int | None, int | None]  # body, organisation
    title: list[str]
    decision: list[str]
    summary: list[str]
    other: list[str]
    variants: list[str]
    meta: list[str]
    people: list[list[str]] = field(default_factory=list)
    key: int = 0


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
        if any(p.upper() not in keys.PARTIES for p in parties):
            meta.append(f"p{token(keys.OTHER_PARTY)}")  # the facet's "other parties"
        if body:
            meta.append(f"b{body}")
        if organisation:
            meta.append(f"o{organisation}")
        other = [item["proposal"], item["case_number"], *other_text[item["id"]],
                 *(name for name, _ in acting[item["id"]])]
        texts = [item["title"], item["decision"], item["summary"], *other]
        docs.append(
            Document(
                item_id=item["id"],
                meeting_id=item["meeting_id"],
                day=day,
                kinds=kinds,
                parties=parties,
                place=(body, organisation),
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


class KeyMaker:
    """Entry keys for documents: the prefix from their date and facets, then the next free sequence
    number under that prefix (looked up once per prefix, unless the index is known to be empty)."""

    def __init__(self, empty: bool = False) -> None:
        self.empty = empty
        self.places: dict[tuple[int | None, int | None], int] = {}
        self.next_seq: dict[int, int] = {}

    def place(self, body: int | None, organisation: int | None) -> int:
        from beslutskoll.store.search.models import Place

        if (body, organisation) not in self.places:
            place, _ = Place.objects.get_or_create(body_id=body, organisation_id=organisation)
            self.places[(body, organisation)] = place.id
        return self.places[(body, organisation)]

    def key(self, doc: Document) -> int:
        from django.db.models import Max

        from beslutskoll.store.search.models import Entry

        start = keys.prefix(doc.day, doc.kinds, doc.parties, self.place(*doc.place))
        if start not in self.next_seq:
            last = None
            if not self.empty:
                last = Entry.objects.filter(key__gte=start, key__lt=start + keys.SEQ_LIMIT).aggregate(Max("key"))[
                    "key__max"
                ]
            self.next_seq[start] = 0 if last is None else last - start + 1
        seq = self.next_seq[start]
        if seq >= keys.SEQ_LIMIT:
            raise RuntimeError(f"för många ärendepunkter med samma datum, organ och beslutstyp ({seq})")
        self.next_seq[start] = seq + 1
        return start + seq


def _write(docs: list[Document], maker: KeyMaker) -> None:
    from beslutskoll.store.search.engines import engine

    for doc in docs:
        doc.key = maker.key(doc)
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
        _write(docs, KeyMaker())
    return len(docs)


def rebuild_index(progress: object = None) -> int:
    """Index every item again from scratch; returns the number of items indexed."""
    from beslutskoll.store.models import Meeting
    from beslutskoll.store.search.engines import engine
    from beslutskoll.store.search.models import Entry

    count = 0
    with transaction.atomic():
        engine().clear()
        Entry.objects.all().delete()
        maker = KeyMaker(empty=True)
        ids = list(Meeting.objects.order_by("id").values_list("id", flat=True))
        for start in range(0, len(ids), CHUNK):
            docs = build_documents(ids[start : start + CHUNK])
            _write(docs, maker)
            count += len(docs)
            if callable(progress):
                progress(count)
    engine().optimize()
    return count


