"""A readable Swedish summary of an extraction (`parse --format text`)."""

from __future__ import annotations

from typing import Any

_TYPES = {
    "protokoll": "Protokoll",
    "protokollsutdrag": "Protokollsutdrag",
    "kallelse": "Kallelse",
    "motesanteckningar": "Mötesanteckningar",
    "other": "Övrigt dokument",
}
_GROUPS = {"beslutande": "Beslutande", "ersattare": "Ersättare", "ovriga": "Övriga närvarande"}


def format_summary(data: dict[str, Any]) -> str:
    m = data["meeting"]
    head = " ".join(x for x in (m.get("body"), f"({m['body_short']})" if m.get("body_short") else None) if x)
    out = [f"{_TYPES[data['document_type']]}: {head or 'okänt organ'}"]
    if m.get("organisation"):
        out.append(f"Organisation: {m['organisation']}")
    when = " ".join(
        x
        for x in (m.get("date"), m.get("start") and f"kl. {m['start']}", m.get("end") and f"– {m['end']}")
        if x
    )
    if when:
        out.append(f"Tid: {when}")
    if m.get("location"):
        out.append(f"Plats: {m['location']}")
    for label, key in (("Ordförande", "chair"), ("Sekreterare", "secretary")):
        if data.get(key):
            out.append(f"{label}: {data[key]}")
    if data.get("adjusters"):
        out.append("Justerare: " + ", ".join(data["adjusters"]))
    for group, label in _GROUPS.items():
        people = [p for p in data["participants"] if p.get("group") == group]
        if people:
            out.append(
                f"{label} ({len(people)}): "
                + ", ".join(p["name"] + (f" ({p['party']})" if p.get("party") else "") for p in people)
            )
    out.append(f"Ärenden ({len(data['items'])}):")
    for item in data["items"]:
        if not item.get("number"):
            number = "–"
        elif data["document_type"] in ("protokoll", "protokollsutdrag"):
            number = f"§ {item['number']}"
        else:
            number = f"{item['number']}."
        out.append(f"  {number} {item['title']}")
        if item.get("decision"):
            out.append(f"      Beslut: {_short(item['decision'])}")
        for a in item.get("assignments") or []:
            due = f" (senast {a['due']})" if a.get("due") else ""
            out.append(f"      Uppdrag: {a.get('assignee') or '?'}: {_short(a['task'])}{due}")
    for w in data.get("warnings") or []:
        out.append(f"Varning: {w}")
    return "\n".join(out)


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
