"""Officials (chair, secretary, adjusters, justering) and the presence lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from beslutskoll.model import Adjustment, Participant


@dataclass
class People:
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    adjustment: Adjustment | None = None
    participants: list[Participant] = field(default_factory=list)


def parse_people(lines: list[str], document_type: str) -> People:
    return People()
