"""`beslutskoll repair-text FILE`."""

from __future__ import annotations

import sys
from pathlib import Path

from beslutskoll.read import read_document
from beslutskoll.repair import document_vocabulary, repair_text


def run_repair_text(path: Path) -> int:
    doc = read_document(path)
    text = repair_text(doc.text, vocabulary=document_vocabulary(doc.text))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
