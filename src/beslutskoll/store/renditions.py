"""The same document in another format: minutes published as PDF and as DOCX, a notice saved
as a web page. Such a file is kept, byte for byte, beside the one already read in, and adds no
second meeting to the register.

Only another format counts: two files of one format with different bytes and the same items
are kept apart, as a corrected version may differ only in its decisions' wording."""

from __future__ import annotations

from beslutskoll.store.models import Meeting, SourceFile


def _fold(value: object) -> str:
    return " ".join(str(value or "").casefold().split())


def document_key(extraction: dict) -> tuple | None:
    """What two renditions of one document share: kind, body, date and every item's number and
    title. None when too little is known to tell two documents apart."""
    head = extraction.get("meeting") or {}
    items = extraction.get("items") or []
    if not head.get("date") or not items:
        return None
    return (
        extraction.get("document_type"),
        _fold(head.get("body")),
        head["date"],
        tuple((_fold(i.get("number")), _fold(i.get("title"))) for i in items),
    )


def same_document(extraction: dict, media_type: str) -> SourceFile | None:
    """The current file, in another format, whose meeting is this same document, if one is stored."""
    key = document_key(extraction)
    if key is None:
        return None
    candidates = (
        Meeting.objects.filter(date=key[2], document_type=key[0], file__superseded_by__isnull=True)
        .exclude(file__media_type=media_type)
        .select_related("file")
    )
    for meeting in candidates:
        if document_key(meeting.file.extraction) == key:
            return meeting.file
    return None
