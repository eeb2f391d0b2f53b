"""Assignments: reported back by a later item of the body that gave them; försenad is computed
against today, klar only ever set by a coordinator."""

from __future__ import annotations

import re
from datetime import date

from beslutskoll.followup import text as T
from beslutskoll.followup.common import item_text, norm_case, resolve_body
from beslutskoll.followup.models import AuditEntry
from beslutskoll.store.models import AgendaItem, Assignment

_REPORTING = re.compile(r"återrapport|redovis|rapport|uppföljning|följa upp", re.I)


def _reported_by(assignment: Assignment) -> AgendaItem | None:
    item = assignment.item
    meeting = item.meeting
    if meeting.date is None or meeting.body is None:
        return None
    # reported back to the body that gave the assignment
    later = (
        AgendaItem.objects.select_related("meeting").prefetch_related("references")
        .filter(meeting__date__gt=meeting.date, meeting__body=meeting.body).order_by("meeting__date", "position")
    )
    case = norm_case(item.case_number)
    for other in later:
        text = f"{other.title}\n{item_text(other)}"
        if not _REPORTING.search(text):
            continue
        if case and other.case_number and norm_case(other.case_number) == case:
            return other
        for ref in other.references.all():
            same_body = ref.body_id == meeting.body_id or resolve_body(ref.body_name) == meeting.body
            if same_body and ref.date == meeting.date and (not ref.number or ref.number == item.number):
                return other
        if T.similar(other.title, assignment.task) >= 0.6:
            return other
    return None


def update_assignments() -> None:
    touched = set(AuditEntry.objects.filter(assignment__isnull=False).values_list("assignment_id", flat=True))
    for assignment in Assignment.objects.select_related("item__meeting__body").exclude(id__in=touched):
        if assignment.status == Assignment.Status.DONE:
            continue
        report = _reported_by(assignment)
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

