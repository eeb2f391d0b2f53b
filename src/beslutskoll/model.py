"""The extraction result (extraction v1) as typed dataclasses.

Every stage after `parse` works with these objects; `to_dict()` gives exactly
the JSON of ../shared/spec/extraction-v1.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, Literal

SCHEMA_ID = "beslutskoll/extraction/v1"

DocumentType = Literal["protokoll", "protokollsutdrag", "kallelse", "motesanteckningar", "other"]
Group = Literal["beslutande", "ersattare", "ovriga"]
DecisionKind = Literal[
    "information",
    "approval",
    "recommendation",
    "assignment",
    "referral",
    "deferral",
    "election",
    "rejection",
]


@dataclass
class Meeting:
    body: str | None = None
    body_short: str | None = None
    organisation: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    case_number: str | None = None


@dataclass
class Adjustment:
    date: str | None = None
    place: str | None = None


@dataclass
class Participant:
    name: str
    party: str | None = None
    group: Group | None = None
    role: str | None = None
    affiliation: str | None = None
    replaces: str | None = None
    presence: str | None = None


@dataclass
class Motion:
    by: str | None
    text: str


@dataclass
class Assignment:
    assignee: str | None
    task: str
    due: str | None = None


@dataclass
class Reference:
    body: str | None
    date: str | None = None
    number: str | None = None


@dataclass
class Item:
    number: str | None
    title: str
    case_number: str | None = None
    time: str | None = None
    category: Literal["information", "beslut"] | None = None
    presenters: list[str] = field(default_factory=list)
    summary: str | None = None
    proposal: str | None = None
    motions: list[Motion] = field(default_factory=list)
    decision: str | None = None
    decision_kinds: list[DecisionKind] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    sent_to: list[str] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


@dataclass
class Extraction:
    document_type: DocumentType = "other"
    meeting: Meeting = field(default_factory=Meeting)
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    adjustment: Adjustment | None = None
    participants: list[Participant] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = _plain(self)
        return {"schema": SCHEMA_ID, **data}


_LEAVES = frozenset([str, int, float, bool, type(None)])
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """What dataclasses.asdict gives, for the types an extraction holds, without its deep copies.

    asdict deep-copies every leaf and looks up each class's fields again for every object;
    here the leaves (str, int, float, bool, None) are immutable and the field names cached.
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list:
        return [_plain(v) for v in value]
    names = _FIELD_NAMES.get(kind)
    if names is None and is_dataclass(kind):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    return asdict_fallback(value)


def asdict_fallback(value: Any) -> Any:
    # anything else (tuples, dicts, other objects): exactly as asdict converts it
    return asdict(_Holder(value))["value"]


@dataclass
class _Holder:
    value: Any
