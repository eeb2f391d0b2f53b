"""Changes by people in charge: only a body's coordinators (or a superuser) may confirm or correct
its follow-up data, and every change is written to the audit log (who, when, before, after).

A corrected row is locked, so the automatic linking never overwrites a person's judgement.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from beslutskoll.followup.models import Adoption, AuditEntry, Coordinator, Recommendation
from beslutskoll.store.models import AgendaItem, Assignment, Body


def can_coordinate(user, body: Body | None) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return body is not None and Coordinator.objects.filter(user=user, body=body).exists()


def _require(user, body: Body | None) -> None:
    if not can_coordinate(user, body):
        raise PermissionDenied("Bara organets samordnare får ändra uppföljningen.")


def _log(user, *, target: str, field: str, before, after, comment: str = "", **links) -> AuditEntry:
    return AuditEntry.objects.create(user=user, username=user.get_username(), target=target, field=field,
                                     before=before, after=after, comment=comment, **links)


def _item_label(item: AgendaItem | None) -> str | None:
    if item is None:
        return None
    meeting = item.meeting
    body = meeting.body.abbreviation or meeting.body.name if meeting.body else "okänt organ"
    number = f" § {item.number}" if item.number else ""
    return f"{body} {meeting.date or ''}{number} {item.title}".strip()


def change_adoption(user, adoption: Adoption, *, status: str | None = None, item: AgendaItem | None = None,
                    clear_item: bool = False, note: str | None = None, confirm: bool = False,
                    comment: str = "") -> list[AuditEntry]:
    """Correct or confirm one cell of an adoption matrix."""
    rec = adoption.recommendation
    _require(user, rec.body)
    if status is not None and status not in Adoption.Status.values:
        raise ValidationError(f"okänd status: {status}")
    target = f"{rec} – {adoption.organisation}"
    links = {"recommendation": rec, "adoption": adoption, "item": adoption.item or rec.item}
    entries = []
    with transaction.atomic():
        if status is not None and status != adoption.status:
            entries.append(_log(user, target=target, field="status", before=adoption.status, after=status,
                                comment=comment, **links))
            adoption.status = status
        if (item is not None and item != adoption.item) or (clear_item and adoption.item is not None):
            new = None if clear_item else item
            entries.append(_log(user, target=target, field="beslut", before=_item_label(adoption.item),
                                after=_item_label(new), comment=comment, **{**links, "item": new or adoption.item}))
            adoption.item = new
            adoption.via = Adoption.Via.COORDINATOR if new else ""
            if new is not None:
                adoption.decided = new.meeting.date
        if note is not None and note != adoption.note:
            entries.append(_log(user, target=target, field="anteckning", before=adoption.note, after=note,
                                comment=comment, **links))
            adoption.note = note
        if confirm or entries:
            if not adoption.locked and not entries:
                entries.append(_log(user, target=target, field="bekräftad", before=False, after=True,
                                    comment=comment, **links))
            adoption.locked = True
            adoption.save()
    return entries


def change_recommendation(user, rec: Recommendation, *, closed: bool | None = None,
                          addressees: str | None = None, item: AgendaItem | None = None,
                          comment: str = "") -> list[AuditEntry]:
    _require(user, rec.body)
    entries = []
    links = {"recommendation": rec, "item": rec.item}
    with transaction.atomic():
        if closed is not None and closed != rec.closed:
            entries.append(_log(user, target=str(rec), field="avslutad", before=rec.closed, after=closed,
                                comment=comment, **links))
            rec.closed = closed
        if addressees is not None and addressees != rec.addressees:
            entries.append(_log(user, target=str(rec), field="mottagare", before=rec.addressees, after=addressees,
                                comment=comment, **links))
            rec.addressees = addressees
            rec.locked = True
        if item is not None and item != rec.item:
            entries.append(_log(user, target=str(rec), field="beslutspunkt", before=_item_label(rec.item),
                                after=_item_label(item), comment=comment, **{**links, "item": item}))
            rec.item, rec.locked = item, True
        if entries:
            rec.save()
    return entries


def change_assignment(user, assignment: Assignment, *, status: str | None = None,
                      reported_in: AgendaItem | None = None, clear_report: bool = False,
                      comment: str = "") -> list[AuditEntry]:
    """Confirm an assignment done (klar), reopen it, or correct the item that reported it back."""
    _require(user, assignment.item.meeting.body)
    if status is not None and status not in Assignment.Status.values:
        raise ValidationError(f"okänd status: {status}")
    target = f"Uppdrag: {assignment.task[:120]}"
    links = {"assignment": assignment, "item": assignment.item}
    entries = []
    with transaction.atomic():
        if status is not None and status != assignment.status:
            entries.append(_log(user, target=target, field="status", before=assignment.status, after=status,
                                comment=comment, **links))
            assignment.status = status
        if (reported_in is not None and reported_in != assignment.reported_in) or (
            clear_report and assignment.reported_in is not None
        ):
            new = None if clear_report else reported_in
            entries.append(_log(user, target=target, field="återrapporterad i",
                                before=_item_label(assignment.reported_in), after=_item_label(new),
                                comment=comment, **links))
            assignment.reported_in = new
        if entries:
            assignment.save()
    return entries
