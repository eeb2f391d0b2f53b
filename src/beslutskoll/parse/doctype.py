"""Which kind of meeting document this is."""

from __future__ import annotations

import re

from beslutskoll.model import DocumentType


def detect_document_type(lines: list[str]) -> DocumentType:
    head = "\n".join(lines[:80]).lower()
    if re.search(r"protokollsutdrag|utdrag ur (?:sammanträdes)?protokoll", head):
        return "protokollsutdrag"
    if re.search(r"m[öo]tesanteckningar|minnesanteckningar|anteckningar fr[åa]n", head):
        return "motesanteckningar"
    if re.search(r"kallelse|f[öo]redragningslista|dagordning", head) and not re.search(r"protokoll", head):
        return "kallelse"
    if re.search(r"protokoll|§\s*\d+", head):
        return "protokoll"
    return "other"
