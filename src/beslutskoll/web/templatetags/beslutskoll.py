"""Template filters: Swedish dates and labels, and search snippets made safe to show."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time

from django import template
from django.utils.dateformat import format as format_date
from django.utils.safestring import SafeString, mark_safe

from beslutskoll.web import labels

register = template.Library()


def _as_date(value: date | str | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


@register.filter
def sv_date(value: date | str | None) -> str:
    """'19 februari 2025' (Django's Swedish month names)."""
    day = _as_date(value)
    return format_date(day, "j F Y") if day else ""


@register.simple_tag
def period(start: date | None, end: date | None) -> str:
    """'19 februari 2025', '3 mars 2024–19 februari 2025', 'från 3 mars 2024' or '–'."""
    if start and end:
        return sv_date(start) if start == end else f"{sv_date(start)}–{sv_date(end)}"
    if start:
        return f"från {sv_date(start)}"
    if end:
        return f"till {sv_date(end)}"
    return "–"


@register.filter
def iso_date(value: date | str | None) -> str:
    day = _as_date(value)
    return day.isoformat() if day else ""


@register.filter
def sv_time(value: time | None) -> str:
    """'09.00', as Swedish public documents write times."""
    return value.strftime("%H.%M") if value else ""


@register.filter
def kind_label(code: str) -> str:
    return labels.decision_kind(code)


@register.filter
def doctype_label(code: str) -> str:
    return labels.document_type(code)


_MARK = re.compile(r"(</?mark>)")


@register.filter
def snippet(value: str) -> SafeString:
    """The engine's snippet with only <mark> kept as markup; all other text is (re-)escaped,
    so that a snippet that is plain text or already escaped shows the same and cannot inject HTML."""
    parts = _MARK.split(value or "")
    return mark_safe(
        "".join(part if part in ("<mark>", "</mark>") else html.escape(html.unescape(part)) for part in parts)
    )


@register.filter
def starts_with(text: str, prefix: str) -> bool:
    return bool(prefix) and (text or "").startswith(prefix)


@register.filter
def drop_prefix(text: str, prefix: str) -> str:
    """The text after `prefix` (for linking a motion's opening name to the person)."""
    return text[len(prefix):] if prefix and (text or "").startswith(prefix) else text
