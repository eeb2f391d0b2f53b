"""Assignments: reported back by a later item of the body that gave them; försenad is computed
against today, klar only ever set by a coordinator."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from beslutskoll.followup import text as T
from beslutskoll.followup.common import item_text, norm_case, resolve_body
from beslutskoll.followup.models import AuditEntry
from beslutskoll.store.models import AgendaItem, Assignment, Body

_REPORTING = re.compile(r"återrapport|redovis|rapport|uppföljning|följa upp", re.I)


def _reported_by(assignment: Assignment, reporting: list[AgendaItem], body_of: dict[str, Body | None]) -> AgendaItem | None:
    """The first later item, among the body's reporting items (in date order), that reports it back."""
    item = assignment.item
    meeting = item.meeting
    case = norm_case(item.case_number)
    for other in reporting:
        if other.meeting.date <= meeting.date:
            continue
        if case and other.case_number and norm_case(other.case_number) == case:
            return other
        for ref in other.references.all():
            if ref.body_name not in body_of:
                body_of[ref.body_name] = resolve_body(ref.body_name)
            same_body = ref.body_id == meeting.body_id or body_of[ref.body_name] == meeting.body
            if same_body and ref.date == meeting.date and (not ref.number or ref.number == item.number):
                return other
        if T.similar(other.title, assignment.task) >= 0.6:
            return other
    return None


def update_assignments() -> None:
    touched = set(AuditEntry.objects.filter(assignment__isnull=False).values_list("assignment_id", flat=True))
    rows = Assignment.objects.select_related("item__meeting__body").exclude(id__in=touched)
    by_body: dict[int | None, list[Assignment]] = defaultdict(list)
    for assignment in rows.exclude(status=Assignment.Status.DONE):
        meeting = assignment.item.meeting
        by_body[meeting.body_id if meeting.date else None].append(assignment)
    body_of: dict[str, Body | None] = {}
    for body_id, assignments in by_body.items():
        # reported back to the body that gave the assignment: its items that report, read once
        reporting = []
        if body_id is not None:
            items = AgendaItem.objects.filter(meeting__body_id=body_id, meeting__date__isnull=False)
            items = items.select_related("meeting").prefetch_related("references").order_by("meeting__date", "position")
            reporting = [i for i in items if _REPORTING.search(f"{i.title}\n{item_text(i)}")]
        for assignment in assignments:
            report = _reported_by(assignment, reporting, body_of) if body_id is not None else None
            status = Assignment.Status.REPORTED if report else Assignment.Status.OPEN
            if assignment.reported_in_id != (report.id if report else None) or assignment.status != status:
                assignment.reported_in = report
                assignment.status = status
                assignment.save(update_fields=["reported_in", "status"])


def effective_status(assignment: Assignment, today: date | None = None) -> str:
    """klar and återrapporterad as recorded; försenad when past due and neither; else öppen."""
    today = today or date.today()
    if assignment.status == Assignment.Status.DONE:
        return Assignment.Status.DONE
    if assignment.reported_in_id or assignment.status == Assignment.Status.REPORTED:
        return Assignment.Status.REPORTED
    if assignment.due and assignment.due < today:
        return Assignment.Status.LATE
    return Assignment.Status.OPEN

