"""Agendas whose number column came apart from their title column.

Table layouts often reach the text as one column after the other: "§ 88 § 89
§ 90 … § 96" each alone on its line, then the titles as a block, with the
category column ("Beslutsärende", "Informationsärende") between them. The
titles are split where a category word or a paragraph ends one; which number
goes with which title is known only when the counts agree.
"""

from __future__ import annotations

import re

from beslutskoll.parse.names import LOWER

MIN_BARE_RUN = 3  # fewer numbers without titles are more likely a damaged page than a column
_CATEGORY = re.compile(r"\s*\b(?P<cat>Informationsärende|Beslutsärende|Informationspunkt|Beslutspunkt)n?\b[.:]?\s*")
# a paragraph that ends mid-phrase continues in the next one ("… ekonom Eva Ek och" / "Lisa Berg, controller.")
_OPEN_END = re.compile(r"(?:\b(?:och|samt|för|av|om|i|på|till|med|från|mellan|inom|eller)|[,–-])$")


def is_bare(block: str) -> bool:
    """A head's block holds no title: only blank lines, or a category word of the column beside it."""
    return not _CATEGORY.sub(" ", block).strip()


def column_entries(block: str) -> list[tuple[str, str | None]]:
    """(title, category) of each title in a title column that lost its numbers."""
    entries: list[tuple[str, str | None]] = []
    pos = 0
    for m in [*_CATEGORY.finditer(block), None]:
        chunk = block[pos:m.start() if m else len(block)]
        titles = _titles(chunk)
        category = None
        if m is not None:
            category = "information" if m.group("cat").startswith("Information") else "beslut"
            pos = m.end()
        for k, title in enumerate(titles):
            # the category column stands on the row of the title it follows
            entries.append((title, category if k == len(titles) - 1 else None))
    return entries


def _titles(chunk: str) -> list[str]:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", chunk)]
    titles: list[str] = []
    for para in paragraphs:
        if not para:
            continue
        if titles and (_OPEN_END.search(titles[-1]) or re.match(rf"[{LOWER}]", para)):
            titles[-1] = f"{titles[-1]} {para}"
        elif titles and _is_sub_entry(titles[-1], para):
            continue  # "Olika meddelanden" / "Meddelande om …": a point inside the item, not an item
        else:
            titles.append(para)
    return titles


def _is_sub_entry(title: str, para: str) -> bool:
    """A line opening with the singular of the title's collective noun ("Meddelanden" → "Meddelande från …")."""
    first = para.split()[0].lower().strip(".,:")
    return len(first) >= 5 and any(
        w != first and w.startswith(first) and len(w) - len(first) <= 2 for w in title.lower().split()
    )
