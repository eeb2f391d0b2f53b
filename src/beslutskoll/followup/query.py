"""The follow-up data as plain dictionaries: one shape for the CLI's JSON, the API and the reports."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Q

from beslutskoll.errors import BeslutskollError
from beslutskoll.followup.link import effective_status, resolve_body
from beslutskoll.followup.models import Adoption, AuditEntry, Recommendation
from beslutskoll.store.models import AgendaItem, Assignment, Body, Meeting

STATUSES = [s.value for s in Adoption.Status]
ASSIGNMENT_LABELS = dict(Assignment.Status.choices)


def find_body(name: str) -> Body:
    """The body a user names (name, abbreviation or any known spelling)."""
    body = resolve_body(name) or Body.objects.filter(name__iexact=name).first()
    if body is None:
        raise BeslutskollError(f"organet {name!r} finns inte i registret")
    return body


def body_name(body: Body | None, fallback: str = "") -> str:
    if body is None:
        return fallback
    return body.abbreviation or body.name


def item_ref(item: AgendaItem | None) -> dict | None:
    if item is None:
        return None
    meeting = item.meeting
    return {
        "id": item.id,
        "organ": body_name(meeting.body),
        "organisation": meeting.body.organisation.name if meeting.body and meeting.body.organisation else None,
        "datum": meeting.date.isoformat() if meeting.date else None,
        "paragraf": item.number or None,
        "rubrik": item.title,
        "url": f"/uppfoljning/punkt/{item.id}/",
    }


def meeting_ref(meeting: Meeting | None) -> dict | None:
    if meeting is None:
        return None
    return {"id": meeting.id, "organ": body_name(meeting.body),
            "datum": meeting.date.isoformat() if meeting.date else None}


def label(rec: Recommendation) -> str:
    who = body_name(rec.body, rec.body_name)
    number = f" § {rec.number}" if rec.number else ""
    return f"{who} {rec.date.isoformat() if rec.date else 'okänt datum'}{number}"


def is_open(rec: Recommendation) -> bool:
    statuses = [a.status for a in rec.adoptions.all()]
    return not rec.closed and (not statuses or any(s in ("ej beslutad", "okänd") for s in statuses))


def timeline(rec: Recommendation) -> list[dict]:
    """Number of parties that have adopted, after each date on which one did."""
    dates = sorted(a.decided for a in rec.adoptions.all() if a.status == "antagen" and a.decided)
    counts = Counter(dates)
    total, points = 0, []
    for day in sorted(counts):
        total += counts[day]
        points.append({"datum": day.isoformat(), "antagna": total})
    return points


def adoption_dict(a: Adoption) -> dict:
    return {
        "id": a.id,
        "part": a.organisation.name,
        "typ": a.organisation.get_kind_display(),
        "status": a.status,
        "beslut": item_ref(a.item),
        "rapporterad_i": meeting_ref(a.reported_in),
        "rapporterad_under": item_ref(a.report_item),
        "kopplad_genom": a.get_via_display() if a.via else None,
        "anteckning": a.note or None,
        "datum": a.decided.isoformat() if a.decided else None,
        "bekraftad_av_samordnare": a.locked,
    }


def recommendation_dict(rec: Recommendation) -> dict:
    rows = list(rec.adoptions.select_related("organisation", "item__meeting__body__organisation",
                                             "reported_in__body", "report_item__meeting__body"))
    rows.sort(key=lambda a: (a.organisation.kind != "region", a.organisation.name))
    return {
        "id": rec.id,
        "rekommendation": label(rec),
        "organ": body_name(rec.body, rec.body_name),
        "datum": rec.date.isoformat() if rec.date else None,
        "paragraf": rec.number or None,
        "rubrik": rec.title or None,
        "text": rec.text or None,
        "mottagare": rec.addressees or None,
        "diarienummer": rec.case_number or None,
        "kalla": rec.get_source_display(),
        "beslutspunkt": item_ref(rec.item),
        "oppen": is_open(rec),
        "avslutad": rec.closed,
        "matris": [adoption_dict(a) for a in rows],
        "summering": {s: sum(1 for a in rows if a.status == s) for s in STATUSES},
        "antagna_over_tid": timeline(rec),
        "url": f"/uppfoljning/rekommendation/{rec.id}/",
    }


def recommendations(body: Body | None = None, *, only_open: bool = False) -> list[dict]:
    query = Recommendation.objects.select_related("body", "item__meeting__body").prefetch_related("adoptions")
    if body is not None:
        query = query.filter(body=body)
    rows = [r for r in query.order_by("date", "id") if not only_open or is_open(r)]
    return [recommendation_dict(r) for r in rows]


def awaiting(body: Body | None) -> list[dict]:
    """Recommendations addressed to the body's organisation on which it has not yet decided."""
    from beslutskoll.followup.parties import party_of_body

    party = party_of_body(body)
    if party is None:
        return []
    rows = Adoption.objects.filter(organisation=party, status__in=["ej beslutad", "okänd"],
                                   recommendation__closed=False).select_related("recommendation__body")
    return [
        {"rekommendation": label(a.recommendation), "rubrik": a.recommendation.title or a.recommendation.text or None,
         "status": a.status, "anteckning": a.note or None, "url": f"/uppfoljning/rekommendation/{a.recommendation_id}/"}
        for a in rows.order_by("recommendation__date")
    ]


def assignment_dict(a: Assignment, today: date | None = None) -> dict:
    status = effective_status(a, today)
    return {
        "id": a.id,
        "uppdragstagare": a.assignee or None,
        "uppdrag": a.task,
        "senast": a.due.isoformat() if a.due else None,
        "status": status,
        "status_text": ASSIGNMENT_LABELS[status],
        "beslut": item_ref(a.item),
        "aterrapporterad_i": item_ref(a.reported_in),
        "url": f"/uppfoljning/uppdrag/{a.id}/",
    }


def assignment_rows(body: Body | None = None, assignee: str | None = None) -> list[Assignment]:
    query = Assignment.objects.select_related(
        "item__meeting__body__organisation", "reported_in__meeting__body__organisation"
    )
    if body is not None:
        query = query.filter(item__meeting__body=body)
    if assignee:
        query = query.filter(assignee__iexact=assignee)
    return list(query.order_by("due", "id"))


def assignments(body: Body | None = None, assignee: str | None = None, today: date | None = None) -> list[dict]:
    return [assignment_dict(a, today) for a in assignment_rows(body, assignee)]


def audit_dict(entry: AuditEntry) -> dict:
    return {
        "tid": entry.at.isoformat(),
        "av": entry.username,
        "vad": entry.target,
        "falt": entry.field,
        "fore": entry.before,
        "efter": entry.after,
        "kommentar": entry.comment or None,
    }


def audit(item: AgendaItem | None = None, rec: Recommendation | None = None,
          assignment: Assignment | None = None) -> list[dict]:
    query = AuditEntry.objects.all()
    if item is not None:
        query = query.filter(Q(item=item) | Q(recommendation__item=item) | Q(assignment__item=item))
    if rec is not None:
        query = query.filter(recommendation=rec)
    if assignment is not None:
        query = query.filter(assignment=assignment)
    return [audit_dict(e) for e in query]


def overview(body: Body | None = None, today: date | None = None) -> dict:
    return {
        "organ": body_name(body) if body else None,
        "idag": (today or date.today()).isoformat(),
        "rekommendationer": recommendations(body, only_open=True),
        "vantar_pa_beslut": awaiting(body),
        "uppdrag": assignments(body, today=today),
    }
