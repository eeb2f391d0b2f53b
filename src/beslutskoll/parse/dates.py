"""Swedish dates and clock times in running text."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d?)-(\d\d?)(?!\d)")
COMPACT_DATE = re.compile(r"(?<![\d-])((?:19|20)\d\d)(\d\d)(\d\d)(?![\d-])")
WORD_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\s*:?\s*[ae])?\s+({_MONTH_RE})\.?(?:\s+((?:19|20)\d\d))?(?!\w)", re.IGNORECASE
)
TIME = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[.:](\d\d)(?![\d:])")
TIME_RANGE = re.compile(
    r"(?<![\d:.])([01]?\d|2[0-3])[.:](\d\d)\s*(?:-|–|—|till|to)\s*([01]?\d|2[0-3])(?:[.:](\d\d))?(?![\d:])"
)


def iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[tuple[int, str]]:
    """All dates in text as (position, ISO date), in order of position."""
    found: list[tuple[int, str]] = []
    for m in ISO_DATE.finditer(text):
        value = iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if value:
            found.append((m.start(), value))
    for m in WORD_DATE.finditer(text):
        year = int(m.group(3)) if m.group(3) else default_year
        if year is None:
            continue
        value = iso(year, MONTHS[m.group(2).lower()], int(m.group(1)))
        if value:
            found.append((m.start(), value))
    found.sort()
    return found


def first_date(text: str, default_year: int | None = None) -> str | None:
    dates = find_dates(text, default_year)
    return dates[0][1] if dates else None


def hhmm(hour: str | int, minute: str | int | None) -> str:
    return f"{int(hour):02d}:{int(minute or 0):02d}"


def time_range(text: str) -> tuple[str | None, str | None]:
    """Start and end of the first clock-time span ("kl. 13:00-15:00"), or a lone start time."""
    m = TIME_RANGE.search(text)
    if m:
        return hhmm(m.group(1), m.group(2)), hhmm(m.group(3), m.group(4))
    m = TIME.search(text)
    if m:
        return hhmm(m.group(1), m.group(2)), None
    return None, None


def resolve_due(text: str, meeting_date: str | None) -> str | None:
    """A due date in an assignment ("senast den 30 september", "till mötet i oktober 2021")."""
    year = int(meeting_date[:4]) if meeting_date else None
    value = first_date(text, year)
    if value and meeting_date and value < meeting_date and not re.search(r"(?:19|20)\d\d", text):
        # "senast 15 januari" in minutes from December means next year
        value = iso(int(value[:4]) + 1, int(value[5:7]), int(value[8:10]))
    return value


def add_days(value: str, days: int) -> str:
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
