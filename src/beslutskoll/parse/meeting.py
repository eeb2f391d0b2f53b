"""The meeting header: body, organisation, date, times, place, case number."""

from __future__ import annotations

from beslutskoll.model import Meeting


def parse_meeting(lines: list[str], document_type: str) -> Meeting:
    return Meeting()
