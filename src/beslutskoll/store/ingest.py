"""Put one parsed document into the register, in one transaction.

Idempotent by content: a file whose SHA-256 is already stored changes nothing. A new
version of a file ingested before from the same path replaces that file's records;
the old SourceFile stays, with its extraction, as history.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.db import transaction

from beslutskoll.store import identity
from beslutskoll.store.models import (
    AgendaItem,
    Assignment,
    Attendance,
    Matter,
    Meeting,
    Motion,
    Reference,
    SourceFile,
)
from beslutskoll.store.search import index_meeting

Outcome = Literal["ny", "oförändrad", "ersatt"]


@dataclass
class Parsed:
    """What the parse stage hands over for one file."""

    path: Path
    sha256: str
    size: int
    media_type: str
    pages: list[list[str]]
    extraction: dict


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def already_stored(sha256: str) -> bool:
    return SourceFile.objects.filter(sha256=sha256).exists()


def _keep_original(path: Path, sha256: str) -> None:
    target = settings.FILES_DIR / sha256[:2] / sha256
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        shutil.copyfile(path, tmp)
        tmp.replace(target)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _time(value: str | None) -> time | None:
    try:
        return time.fromisoformat(value) if value else None
    except ValueError:
        return None


def _item_pages(pages: list[list[str]], items: list[dict]) -> list[int | None]:
    """Page (1-based) where each item's title first appears, searching forward in document order."""
    texts = [" ".join(" ".join(lines).split()).casefold() for lines in pages]
    found: list[int | None] = []
    current = 0
    for item in items:
        needle = " ".join((item.get("title") or "").split()).casefold()[:60]
        page = None
        if needle:
            for index in range(current, len(texts)):
                if needle in texts[index]:
                    page = current = index
                    break
        found.append(page + 1 if page is not None else None)
    return found


def store(parsed: Parsed) -> Outcome:
    """Store one parsed file; the caller has checked it is not stored yet."""
    _keep_original(parsed.path, parsed.sha256)
    with transaction.atomic():
        if already_stored(parsed.sha256):
            return "oförändrad"
        source_path = str(parsed.path.resolve())
        previous = (
            SourceFile.objects.filter(source_path=source_path, superseded_by__isnull=True)
            .order_by("-ingested_at")
            .first()
        )
        source = SourceFile.objects.create(
            sha256=parsed.sha256,
            name=parsed.path.name,
            source_path=source_path,
            media_type=parsed.media_type,
            size=parsed.size,
            pages=len(parsed.pages),
            extraction=parsed.extraction,
        )
        if previous is not None:
            Meeting.objects.filter(file=previous).delete()
            previous.superseded_by = source
            previous.save(update_fields=["superseded_by"])
        index_meeting(_store_meeting(source, parsed))
    return "ersatt" if previous is not None else "ny"


def _store_meeting(source: SourceFile, parsed: Parsed) -> Meeting:
    data = parsed.extraction
    head = data.get("meeting") or {}
    body = identity.find_body(head.get("body"), head.get("body_short"), head.get("organisation"))
    adjustment = data.get("adjustment") or {}
    people: dict[str, object] = {}

    def person(name: str | None, **hints: str | None):
        if not name:
            return None
        if name not in people:
            people[name] = identity.find_person(name, body=body, **hints)
        return people[name]

    participants = data.get("participants") or []
    for p in participants:
        person(p["name"], party=p.get("party"), affiliation=p.get("affiliation"))

    meeting = Meeting.objects.create(
        body=body,
        file=source,
        document_type=data.get("document_type") or "other",
        date=_date(head.get("date")),
        start=_time(head.get("start")),
        end=_time(head.get("end")),
        location=head.get("location") or "",
        case_number=head.get("case_number") or "",
        chair=person(data.get("chair")),
        secretary=person(data.get("secretary")),
        adjustment_date=_date(adjustment.get("date")),
        adjustment_place=adjustment.get("place") or "",
    )
    meeting.adjusters.set([person(name) for name in data.get("adjusters") or []])
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            person=person(p["name"]),
            group=p.get("group") or "",
            role=p.get("role") or "",
            party=p.get("party") or "",
            affiliation=p.get("affiliation") or "",
            replaces=person(p.get("replaces")),
            presence=p.get("presence") or "",
            position=index,
        )
        for index, p in enumerate(participants)
    )
    items = data.get("items") or []
    for position, (item, page) in enumerate(zip(items, _item_pages(parsed.pages, items), strict=True)):
        matter = None
        if item.get("case_number"):
            matter, _ = Matter.objects.get_or_create(
                case_number=item["case_number"], defaults={"title": item.get("title") or ""}
            )
        row = AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            number=item.get("number") or "",
            title=item.get("title") or "",
            matter=matter,
            case_number=item.get("case_number") or "",
            time=_time(item.get("time")),
            category=item.get("category") or "",
            summary=item.get("summary") or "",
            proposal=item.get("proposal") or "",
            decision=item.get("decision") or "",
            decision_kinds=item.get("decision_kinds") or [],
            documents=item.get("documents") or [],
            sent_to=item.get("sent_to") or [],
            page=page,
        )
        row.presenters.set([person(name) for name in item.get("presenters") or []])
        Motion.objects.bulk_create(
            Motion(item=row, by_name=m.get("by") or "", person=person(m.get("by")), text=m["text"])
            for m in item.get("motions") or []
        )
        Assignment.objects.bulk_create(
            Assignment(item=row, assignee=a.get("assignee") or "", task=a["task"], due=_date(a.get("due")))
            for a in item.get("assignments") or []
        )
        Reference.objects.bulk_create(
            Reference(
                item=row,
                body_name=r.get("body") or "",
                body=identity.find_body(r.get("body"), None, None) if r.get("body") else None,
                date=_date(r.get("date")),
                number=r.get("number") or "",
            )
            for r in item.get("references") or []
        )
    return meeting
