"""Model objects → plain dicts in the API's shapes (schemas.py); the callers prefetch what is read here."""

from __future__ import annotations

from datetime import time

from django.urls import reverse

from beslutskoll.store.models import (
    AgendaItem,
    Assignment,
    Attendance,
    Body,
    Meeting,
    Organisation,
    Person,
)
from beslutskoll.web import labels


def clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def label(code: str, text: str) -> dict:
    return {"code": code, "label": text}


def person_ref(person: Person | None) -> dict | None:
    return None if person is None else {"id": person.id, "name": person.name, "party": person.party}


def organisation(org: Organisation | None) -> dict | None:
    if org is None:
        return None
    return {
        "id": org.id,
        "name": org.name,
        "kind": label(org.kind, org.get_kind_display()),
        "scb_code": org.scb_code,
        "county_code": org.county_code,
        "url": reverse("organisation", args=[org.id]),
    }


def body(b: Body | None) -> dict | None:
    if b is None:
        return None
    return {
        "id": b.id,
        "name": b.name,
        "abbreviation": b.abbreviation,
        "kind": label(b.kind, b.get_kind_display()),
        "organisation": organisation(b.organisation),
        "parent_id": b.parent_id,
        "aliases": sorted({a.name for a in b.aliases.all()} - {b.name}),
        "url": reverse("body", args=[b.id]),
    }


def meeting(m: Meeting) -> dict:
    return {
        "id": m.id,
        "body": body(m.body),
        "document_type": label(m.document_type, labels.document_type(m.document_type)),
        "date": m.date,
        "start": clock(m.start),
        "end": clock(m.end),
        "location": m.location,
        "item_count": m.item_count if hasattr(m, "item_count") else m.items.count(),
        "url": reverse("meeting", args=[m.id]),
    }


def _group(code: str) -> dict | None:
    groups = dict(Attendance.Group.choices)
    return label(code, groups[code]) if code in groups else None


def attendance(a: Attendance) -> dict:
    return {
        "person": person_ref(a.person),
        "group": _group(a.group),
        "role": a.role,
        "party": a.party,
        "affiliation": a.affiliation,
        "replaces": person_ref(a.replaces),
        "presence": a.presence,
    }


def assignment(a: Assignment) -> dict:
    return {
        "id": a.id,
        "assignee": a.assignee,
        "task": a.task,
        "due": a.due,
        "status": label(a.status, a.get_status_display()),
        "reported_in_id": a.reported_in_id,
    }


def item(i: AgendaItem) -> dict:
    return {
        "id": i.id,
        "meeting_id": i.meeting_id,
        "number": i.number,
        "title": i.title,
        "case_number": i.case_number,
        "time": clock(i.time),
        "category": i.category,
        "presenters": [person_ref(p) for p in i.presenters.all()],
        "summary": i.summary,
        "proposal": i.proposal,
        "decision": i.decision,
        "decision_kinds": [label(k, labels.decision_kind(k)) for k in i.decision_kinds or []],
        "documents": list(i.documents or []),
        "sent_to": list(i.sent_to or []),
        "motions": [{"by": m.by_name, "person_id": m.person_id, "text": m.text} for m in i.motions.all()],
        "assignments": [assignment(a) for a in i.assignments.all()],
        "references": [
            {"body": r.body_name, "body_id": r.body_id, "date": r.date, "number": r.number, "target_id": r.target_id}
            for r in i.references.all()
        ],
        "page": i.page,
        "url": reverse("item", args=[i.id]),
    }


def person(p: Person) -> dict:
    return {
        "id": p.id,
        "name": p.name,
        "party": p.party,
        "affiliation": p.affiliation,
        "url": reverse("person", args=[p.id]),
    }
