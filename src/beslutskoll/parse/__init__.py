"""Stage 3: text → extraction v1."""

from __future__ import annotations

from beslutskoll.model import Extraction
from beslutskoll.parse.doctype import detect_document_type
from beslutskoll.parse.items import parse_items
from beslutskoll.parse.layout import clean_lines
from beslutskoll.parse.meeting import parse_meeting
from beslutskoll.parse.people import parse_people

__all__ = ["parse_lines"]


def parse_lines(lines: list[str]) -> Extraction:
    """Parse a document's text lines (already read and repaired) into an extraction."""
    lines = clean_lines(lines)
    extraction = Extraction(document_type=detect_document_type(lines))
    extraction.meeting = parse_meeting(lines, extraction.document_type)
    people = parse_people(lines, extraction.document_type)
    extraction.chair = people.chair
    extraction.secretary = people.secretary
    extraction.adjusters = people.adjusters
    extraction.adjustment = people.adjustment
    extraction.participants = people.participants
    extraction.items = parse_items(lines, extraction)
    return extraction
