"""Stage 2: repair OCR damage in Swedish text (lost å, ä, ö and the usual confusions)."""

from __future__ import annotations

from beslutskoll.repair.correct import repair
from beslutskoll.repair.detect import damage_ratio
from beslutskoll.repair.vocabulary import document_vocabulary

__all__ = ["damage_ratio", "document_vocabulary", "repair_text"]


def repair_text(text: str, *, vocabulary: set[str] | None = None) -> str:
    """Repaired text with exactly the input's lines; only word tokens are replaced.

    ``vocabulary`` holds extra words known to be spelled right (names, terms).
    """
    return repair(text, vocabulary)
