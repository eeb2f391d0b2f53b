"""The full text of each original document, read once: statements and follow-up rounds found there
(the parse stage's items may miss them, e.g. a round written into a web page's minutes)."""

from __future__ import annotations

from django.conf import settings

from beslutskoll.followup import text as T
from beslutskoll.followup.models import TextScan
from beslutskoll.store.models import Meeting

# bump when text.py reads originals differently, so stored scans are redone
SCAN_VERSION = 1


def _original_text(meeting: Meeting) -> str:
    """The full text of a meeting's original document (read once per scan version)."""
    from beslutskoll.read import read_document

    path = settings.FILES_DIR / meeting.file.sha256[:2] / meeting.file.sha256
    try:
        return "\n".join(read_document(path).lines)
    except Exception:  # an unreadable original: the items' texts still count
        return ""


def scan(meeting: Meeting) -> dict:
    """Statements and rounds in a meeting's original text, stored per file."""
    cached = TextScan.objects.filter(file=meeting.file).first()
    if cached is not None and cached.version == SCAN_VERSION:
        return cached.found
    text = _original_text(meeting)
    found = {
        "statements": [
            {"addressees": s.addressees, "content": s.content, "ref": vars(s.ref)}
            for s in T.statements(text) if s.ref is not None
        ],
        "cited": [vars(r) for r in T.recommendation_refs(text)],
        "rounds": [
            {"ref": vars(r.ref), "answers": [vars(a) for a in r.answers]}
            for r in T.rounds(text) if r.ref is not None
        ],
    }
    TextScan.objects.update_or_create(file=meeting.file, defaults={"version": SCAN_VERSION, "found": found})
    return found

