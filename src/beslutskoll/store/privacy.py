"""Personal identity numbers (personnummer, samordningsnummer) masked in everything stored as text.

A number counts when its date is a real date (day + 60 for a samordningsnummer) and its
check digit passes Luhn, so that dates, diarienummer and phone numbers are left alone unless
they happen to be valid identity numbers too (then masking them errs on the safe side).
Forms: YYMMDD-NNNN, YYMMDD+NNNN (over 100), YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDDNNNN.
The original file on disk is never changed; `original_path()` gives it to authorised code only.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

PERSONNUMMER = "[personnummer]"
SAMORDNINGSNUMMER = "[samordningsnummer]"

# separators as typed and as word processors turn them: hyphen, plus, en dash, minus sign
_NUMBER = re.compile(
    r"(?<![\d-])"
    r"(?P<century>1[89]|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?:\s?(?P<sep>[-+\u2013\u2212])\s?)?"
    r"(?P<serial>\d{3})(?P<check>\d)"
    r"(?!\d|-\d)"
)


def luhn_ok(digits: str) -> bool:
    """Luhn check over the ten digits YYMMDDNNNC."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _kind(match: re.Match[str]) -> str | None:
    """PERSONNUMMER or SAMORDNINGSNUMMER when the match is a valid number, else None."""
    yy, mm, dd = match["yy"], int(match["mm"]), int(match["dd"])
    coordination = dd > 60
    day = dd - 60 if coordination else dd
    centuries = [match["century"]] if match["century"] else ["19", "20", "18"]
    if not any(_is_date(int(c + yy), mm, day) for c in centuries):
        return None
    if not luhn_ok(f"{yy}{match['mm']}{match['dd']}{match['serial']}{match['check']}"):
        return None
    return SAMORDNINGSNUMMER if coordination else PERSONNUMMER


def find(text: str) -> list[str]:
    """The identity numbers in `text`, as written."""
    return [m.group(0) for m in _NUMBER.finditer(text) if _kind(m)]


def mask(text: str) -> str:
    """`text` with every valid identity number replaced by a placeholder."""
    if not text or not any(c.isdigit() for c in text):
        return text
    return _NUMBER.sub(lambda m: _kind(m) or m.group(0), text)


def mask_data(value: Any) -> Any:
    """Masked copy of a JSON-like value: strings in dicts and lists, keys included."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {mask_data(k): mask_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_data(v) for v in value]
    return value


def mask_instance(instance: Any) -> None:
    """Mask the text and JSON fields of a model instance in place (before it is saved)."""
    from django.db import models

    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, mask(value))
        elif isinstance(field, models.JSONField):
            setattr(instance, field.attname, mask_data(getattr(instance, field.attname)))


def original_path(source_file: Any) -> Path:
    """Where the original of a SourceFile is kept, byte for byte (unmasked: authorised users only)."""
    from django.conf import settings

    sha = source_file.sha256 if hasattr(source_file, "sha256") else str(source_file)
    return Path(settings.FILES_DIR) / sha[:2] / sha
