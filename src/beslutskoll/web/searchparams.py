"""Search parameters of the web search page (/sok/?q=…&organ=…) and their mapping to the engine's Filters."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from beslutskoll.store.search import Filters

# URL parameter (Swedish, as the user sees it) → field of Filters; the facet names are the same fields
PARAMS: dict[str, str] = {
    "organisation": "organisation",
    "organ": "body",
    "ar": "year",
    "beslutstyp": "kind",
    "parti": "party",
    "person": "person",
    "fran": "date_from",
    "till": "date_to",
}
FIELD_PARAMS = {field: param for param, field in PARAMS.items()}


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _year(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) == 4 else None


def filters_from(values: Mapping[str, str | int | date | None]) -> Filters:
    """Filters from field-named values; blanks and malformed dates or years are ignored, not errors."""
    kwargs: dict[str, object] = {}
    for field, raw in values.items():
        if raw in (None, ""):
            continue
        text = raw.isoformat() if isinstance(raw, date) else str(raw).strip()
        if field in ("date_from", "date_to"):
            kwargs[field] = _date(text)
        elif field == "year":
            kwargs[field] = _year(text)
        elif field in Filters.__dataclass_fields__:
            kwargs[field] = text or None
    return Filters(**kwargs)  # type: ignore[arg-type]


def filters_from_query(query: Mapping[str, str]) -> Filters:
    """Filters from the web page's query string (Swedish parameter names)."""
    return filters_from({field: query.get(param, "") for param, field in PARAMS.items()})


def active(filters: Filters) -> dict[str, str]:
    """The set filters as URL parameters (Swedish names) → value."""
    out: dict[str, str] = {}
    for field, param in FIELD_PARAMS.items():
        value = getattr(filters, field)
        if value not in (None, ""):
            out[param] = value.isoformat() if isinstance(value, date) else str(value)
    return out
