"""Put one parsed document into the register, in one transaction.

Idempotent by content: a file whose SHA-256 is already stored changes nothing. A new
version of a file ingested before from the same path replaces that file's records;
the old SourceFile stays, with its extraction, as history (`superseded_by`). The same
document in another format is kept beside the first (`same_as`, see renditions.py).

Personal identity numbers are masked (privacy.mask_data) in the extraction before anything
is stored from it; the original file is kept unmasked, byte for byte, under
DATA/filer/<sha[:2]>/<sha> (privacy.original_path), written before the transaction so that
a committed record never points to a missing file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Literal

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from beslutskoll.store import identity
from beslutskoll.store.models import (
    AgendaItem,
    Assignment,
    Attendance,
    Matter,
    Meeting,
    Motion,
    Person,
    Reference,
    SourceFile,
)
from beslutskoll.store.privacy import mask, mask_data, original_path
from beslutskoll.store.renditions import same_document
from beslutskoll.store.search import index_meeting

Outcome = Literal["ny", "oförändrad", "ersatt", "annat format"]


@dataclass
class Parsed:
    """What the parse stage hands over for one file."""

    path: Path
    sha256: str
    size: int
    media_type: str
    pages: list[list[str]]
    extraction: dict

    @classmethod
    def of(cls, path: Path) -> Parsed:
        """One file through the parse stage. Hashed first: a change while parsing then shows up
        when the original is kept."""
        from beslutskoll.pipeline import parse_document

        sha256 = sha256_of(path)
        doc, extraction = parse_document(path)
        return cls(path, sha256, path.stat().st_size, doc.format, [p.lines for p in doc.pages],
                   extraction.to_dict())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def already_stored(sha256: str) -> bool:
    """Whether this content is in the register as a current document (not an old version)."""
    return SourceFile.objects.filter(sha256=sha256, superseded_by__isnull=True).exists()


_TMP_SUFFIX = ".tmp"


class ChangedWhileReading(Exception):
    """The file on disk is no longer the one that was parsed."""


def _keep_original(path: Path, sha256: str) -> None:
    """Copy the original into the store: to a temporary name, synced, then renamed, so that a kill
    at any moment leaves either the whole file or none under its final name. The copy is hashed
    as it is written, so a file changed since it was parsed is refused, not kept under a wrong name."""
    target = original_path(sha256)
    if target.exists() and target.stat().st_size == path.stat().st_size:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{sha256}.{os.getpid()}{_TMP_SUFFIX}")
    try:
        digest = hashlib.sha256()
        with path.open("rb") as src, tmp.open("wb") as dst:
            for block in iter(lambda: src.read(1 << 20), b""):
                digest.update(block)
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
        if digest.hexdigest() != sha256:
            raise ChangedWhileReading(f"{path}: filen ändrades under inläsningen; läs in den igen")
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def remove_stale_temporaries() -> int:
    """Delete temporary copies left by an ingest that was killed (their process is gone)."""
    removed = 0
    files_dir = Path(settings.FILES_DIR)
    if not files_dir.is_dir():
        return 0
    for tmp in files_dir.glob(f"*/.*{_TMP_SUFFIX}"):
        try:
            pid = int(tmp.name.rsplit(".", 2)[-2])
        except ValueError:
            pid = 0
        if pid and pid != os.getpid() and _alive(pid):
            continue
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
    # masked like the titles, so that a title with an identity number is still found
    texts = [mask(" ".join(" ".join(lines).split())).casefold() for lines in pages]
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
    """Store one parsed file in one transaction: all of it or, on any failure, nothing."""
    _keep_original(parsed.path, parsed.sha256)
    extraction = mask_data(parsed.extraction)
    try:
        with transaction.atomic():
            return _store(parsed, extraction)
    except IntegrityError:
        # another ingest running at the same time stored the same content first
        if already_stored(parsed.sha256):
            return "oförändrad"
        raise


def _store(parsed: Parsed, extraction: dict) -> Outcome:
    if already_stored(parsed.sha256):
        return "oförändrad"
    source_path = mask(str(parsed.path.resolve()))
    previous = (
        SourceFile.objects.filter(source_path=source_path, superseded_by__isnull=True)
        .order_by("-ingested_at", "-id")
        .first()
    )
    # a document changed back to an earlier version: that version becomes current again
    source = SourceFile.objects.filter(sha256=parsed.sha256).first()
    if source is not None:
        source.superseded_by = None
        source.extraction = extraction
        source.save(update_fields=["superseded_by", "extraction"])
    else:
        source = SourceFile.objects.create(
            sha256=parsed.sha256,
            name=mask(parsed.path.name),
            source_path=source_path,
            media_type=parsed.media_type,
            size=parsed.size,
            pages=len(parsed.pages),
            extraction=extraction,
        )
    if previous is not None:
        _retire(previous, source)
    twin = same_document(extraction, parsed.media_type)
    if twin is not None:
        source.same_as = twin
        source.save(update_fields=["same_as"])
        return "ersatt" if previous is not None else "annat format"
    meeting = _store_meeting(source, parsed.pages, extraction)
    # one place for whatever else follows a stored meeting: memberships, the search index
    _after_meeting(meeting)
    return "ersatt" if previous is not None else "ny"


def _retire(previous: SourceFile, source: SourceFile) -> None:
    """Replace an earlier version of the same document: its records go, its file and extraction stay."""
    old = Meeting.objects.filter(file=previous).select_related("body").first()
    if old is not None:
        supported = [
            (a.person_id, identity.membership_role(a.group, a.role)) for a in old.attendances.all()
        ]
        body = old.body
        old.delete()
        identity.refresh_memberships(body, [], drop=supported)
    previous.superseded_by = source
    previous.save(update_fields=["superseded_by"])


def _after_meeting(meeting: Meeting) -> None:
    identity.refresh_memberships(meeting.body, meeting.attendances.values_list("person_id", flat=True))
    index_meeting(meeting)


def _store_meeting(source: SourceFile, pages: list[list[str]], data: dict) -> Meeting:
    head = data.get("meeting") or {}
    body = identity.find_body(head.get("body"), head.get("body_short"), head.get("organisation"))
    context = body.organisation if body is not None else None
    adjustment = data.get("adjustment") or {}
    # one Person per name within a document, so the presence list's hints serve every later mention;
    # two people of the same name and different parties in one list stay two
    people: dict[str, list[Person]] = {}
    companions = {identity.name_key(p["name"]) for p in data.get("participants") or [] if p.get("name")}

    def person(name: str | None, **hints: str | None) -> Person | None:
        if not name:
            return None
        party = (hints.get("party") or "").casefold()
        known = people.setdefault(identity.name_key(name), [])
        for candidate in known:
            if not party or not candidate.party or candidate.party.casefold() == party:
                return candidate
        found = identity.find_person(name, body=body, companions=companions, **hints)
        known.append(found)
        return found

    participants = data.get("participants") or []
    for p in participants:
        person(p["name"], party=p.get("party"), affiliation=p.get("affiliation"))

    # Rows are written in bulk and their history ("+", one per record, with its people) after them:
    # a document is some hundred rows, and row-by-row history doubled the time of an ingest
    meeting = Meeting(
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
    _create(Meeting, [meeting])
    adjusters = _link(Meeting.adjusters.through, "meeting_id", [(meeting, [person(n) for n in data.get("adjusters") or []])])
    attendances = [
        Attendance(
            meeting=meeting,
            person=person(p["name"], party=p.get("party"), affiliation=p.get("affiliation")),
            group=p.get("group") or "",
            role=p.get("role") or "",
            party=p.get("party") or "",
            affiliation=p.get("affiliation") or "",
            replaces=person(p.get("replaces")),
            presence=p.get("presence") or "",
            position=index,
        )
        for index, p in enumerate(participants)
    ]
    _create(Attendance, attendances)

    items = data.get("items") or []
    rows: list[AgendaItem] = []
    for position, (item, page) in enumerate(zip(items, _item_pages(pages, items), strict=True)):
        matter = None
        if item.get("case_number"):
            matter, _ = Matter.objects.get_or_create(
                case_number=item["case_number"], defaults={"title": item.get("title") or ""}
            )
        rows.append(AgendaItem(
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
        ))
    _create(AgendaItem, rows)
    stored = list(zip(rows, items, strict=True))
    presenters = _link(AgendaItem.presenters.through, "agendaitem_id",
                       [(row, [person(n) for n in item.get("presenters") or []]) for row, item in stored])
    motions = [Motion(item=row, by_name=m.get("by") or "", person=person(m.get("by")), text=m["text"])
               for row, item in stored for m in item.get("motions") or []]
    assignments = [Assignment(item=row, assignee=a.get("assignee") or "", task=a["task"], due=_date(a.get("due")))
                   for row, item in stored for a in item.get("assignments") or []]
    references = [_reference(row, r, context) for row, item in stored for r in item.get("references") or []]
    for model, objs in ((Motion, motions), (Assignment, assignments), (Reference, references)):
        _create(model, objs)

    _record_history(Meeting, [meeting], "adjusters", adjusters)
    _record_history(AgendaItem, rows, "presenters", presenters)
    for model, objs in ((Attendance, attendances), (Motion, motions), (Assignment, assignments),
                        (Reference, references)):
        _record_history(model, objs)
    _link_earlier_references(meeting)
    return meeting


def _create(model, objs: list) -> None:
    """Insert rows in one statement where the database returns their ids (SQLite 3.35+, PostgreSQL),
    else one by one; without history rows, which _record_history() writes afterwards."""
    if not objs:
        return
    if connection.features.can_return_rows_from_bulk_insert:
        model.objects.bulk_create(objs)
        return
    for obj in objs:
        obj.skip_history_when_saving = True
        obj.save()
        del obj.skip_history_when_saving


def _link(through, owner_field: str, pairs: list[tuple[object, list[Person | None]]]) -> list:
    """Many-to-many rows (owner, person) for the given owners, each person once per owner."""
    links = [
        through(**{owner_field: owner.pk, "person_id": p.pk})
        for owner, persons in pairs
        for p in dict.fromkeys(x for x in persons if x is not None)
    ]
    _create(through, links)
    return links


def _record_history(model, objs: list, m2m_field: str | None = None, links: list = ()) -> None:
    """The "+" history rows of newly stored records (and of their many-to-many people), in bulk:
    the baseline against which every later correction is kept."""
    if not objs:
        return
    created = model.history.bulk_history_create(objs, default_date=timezone.now(),
                                                default_change_reason="inläst från originalfil")
    if not m2m_field or not links or created is None or created[0].pk is None:
        return
    historical = apps.get_model("store", f"Historical{model.__name__}_{m2m_field}")
    owner = f"{model._meta.model_name}_id"
    history_of = {h.id: h for h in created}
    historical.objects.bulk_create(
        historical(history=history_of[getattr(link, owner)],
                   **{f.attname: getattr(link, f.attname) for f in link._meta.concrete_fields})
        for link in links
    )


def _link_earlier_references(meeting: Meeting) -> None:
    """References stored before this meeting that cite one of its decisions now point to it."""
    if meeting.body_id is None or meeting.date is None:
        return
    waiting = Reference.objects.filter(target__isnull=True, body_id=meeting.body_id, date=meeting.date)
    if not waiting.exists():
        return
    by_number = {i.number: i for i in meeting.items.exclude(number="")}
    for reference in waiting:
        if (target := by_number.get(reference.number)) is not None:
            reference.target = target
            reference.save(update_fields=["target"])


def _reference(item: AgendaItem, ref: dict, context) -> Reference:
    body = identity.find_body(ref.get("body"), context=context, reference=True) if ref.get("body") else None
    when, number = _date(ref.get("date")), ref.get("number") or ""
    target = None
    if body is not None and when is not None and number:
        target = (AgendaItem.objects.filter(meeting__body=body, meeting__date=when, number=number)
                  .exclude(meeting__file__superseded_by__isnull=False).first())
    return Reference(item=item, body_name=ref.get("body") or "", body=body, date=when, number=number,
                     target=target)
