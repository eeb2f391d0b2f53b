"""Items (§ paragraphs, agenda points) and what each says."""

from __future__ import annotations

from beslutskoll.model import Extraction, Item


def parse_items(lines: list[str], extraction: Extraction) -> list[Item]:
    return []
