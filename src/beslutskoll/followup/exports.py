"""Assignments as an iCal feed of due dates and as CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from beslutskoll.followup.link import effective_status
from beslutskoll.followup.query import ASSIGNMENT_LABELS, body_name
from beslutskoll.store.models import Assignment

CSV_COLUMNS = ["id", "organ", "sammanträde", "paragraf", "ärende", "uppdragstagare", "uppdrag", "senast", "status",
               "återrapporterad i"]


def ical(assignments: list[Assignment], title: str, today: date | None = None) -> bytes:
    """One all-day event per assignment with a due date."""
    cal = Calendar()
    cal.add("prodid", "-//Beslutskoll//Uppföljning//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", title)
    stamp = datetime.now(UTC)
    for a in assignments:
        if a.due is None:
            continue
        meeting = a.item.meeting
        status = ASSIGNMENT_LABELS[effective_status(a, today)]
        event = Event()
        event.add("uid", f"uppdrag-{a.id}@beslutskoll")
        event.add("dtstamp", stamp)
        event.add("dtstart", a.due)
        event.add("dtend", a.due + timedelta(days=1))
        who = f"{a.assignee}: " if a.assignee else ""
        event.add("summary", f"Uppdrag {who}{a.task[:120]}")
        number = f" § {a.item.number}" if a.item.number else ""
        event.add("description", f"{a.task}\nBeslut: {body_name(meeting.body)} {meeting.date or ''}{number} "
                                 f"{a.item.title}\nStatus: {status}")
        event.add("status", "COMPLETED" if status in ("Klar", "Återrapporterad") else "CONFIRMED")
        cal.add_component(event)
    return cal.to_ical()


def csv_text(assignments: list[Assignment], today: date | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for a in assignments:
        meeting = a.item.meeting
        report = a.reported_in
        writer.writerow([
            a.id, body_name(meeting.body), meeting.date or "", a.item.number, a.item.title, a.assignee, a.task,
            a.due or "", ASSIGNMENT_LABELS[effective_status(a, today)],
            f"{body_name(report.meeting.body)} {report.meeting.date or ''} § {report.number}".strip() if report else "",
        ])
    return out.getvalue()
