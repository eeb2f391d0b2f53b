"""The entry key: one 63-bit integer that orders entries by date and carries the facet values.

    bits 55–62  year − 1900 (0: undated)       bits 46–54  day of the year (1–366)
    bits 38–45  decision kinds, one bit each    bits 29–37  parties, one bit each (see PARTIES)
    bits 13–28  place: (body, organisation)     bits 0–12   sequence number, for uniqueness

It is the FTS5 rowid on SQLite and the primary key of search_entry on both databases, so:
- "the most recent matches" is a descending scan of the key, and a date range a key range;
- facet counts need no lookup per match: they are GROUP BYs on bits of the key, which
  FTS5 hands out with each match without reading any row.
"""

from __future__ import annotations

from datetime import date

KINDS = ("information", "approval", "recommendation", "assignment", "referral", "deferral", "election", "rejection")
# the national parties (Riksdag) get a bit each; every other (local) party shares the last bit
PARTIES = ("S", "M", "SD", "C", "V", "KD", "L", "MP")
OTHER_PARTY = "övriga"

YEAR_SHIFT, DAY_SHIFT, KINDS_SHIFT, PARTIES_SHIFT, PLACE_SHIFT = 55, 46, 38, 29, 13
PLACE_LIMIT = 1 << 16
SEQ_LIMIT = 1 << 13
YEAR_LIMIT = 1 << 8


def date_bits(day: date | None) -> int:
    if day is None or not 1900 < day.year < 1900 + YEAR_LIMIT:
        return 0
    return ((day.year - 1900) << YEAR_SHIFT) | (day.timetuple().tm_yday << DAY_SHIFT)


def kinds_mask(kinds: list[str]) -> int:
    return sum(1 << KINDS.index(k) for k in set(kinds) if k in KINDS)


def parties_mask(parties: list[str]) -> int:
    mask = 0
    for party in parties:
        mask |= 1 << (PARTIES.index(party.upper()) if party.upper() in PARTIES else len(PARTIES))
    return mask


def prefix(day: date | None, kinds: list[str], parties: list[str], place: int) -> int:
    """The key without its sequence number."""
    return (
        date_bits(day)
        | (kinds_mask(kinds) << KINDS_SHIFT)
        | (parties_mask(parties) << PARTIES_SHIFT)
        | ((place if 0 < place < PLACE_LIMIT else 0) << PLACE_SHIFT)
    )


def date_range(low: date | None, high: date | None) -> tuple[int, int]:
    """Keys of the entries dated from `low` to `high` (inclusive); undated entries are outside."""
    lo = max(date_bits(low), 1 << YEAR_SHIFT) if low else 1 << YEAR_SHIFT
    hi = (date_bits(high) | ((1 << DAY_SHIFT) - 1)) if high else (1 << 63) - 1
    return lo, hi


def day_sql(key: str) -> str:
    """SQL for an approximate day number (days since 1900) of a key, for the recency factor."""
    return f"((({key}) >> {YEAR_SHIFT}) * 365.25 + ((({key}) >> {DAY_SHIFT}) & 511))"


def day_number(day: date) -> float:
    return (day.year - 1900) * 365.25 + day.timetuple().tm_yday
