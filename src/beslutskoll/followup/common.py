"""Small helpers shared by the linking modules."""

from __future__ import annotations

import re
from datetime import date

from beslutskoll.store.identity import name_key
from beslutskoll.store.models import AgendaItem, Body, BodyAlias


def resolve_body(name: str) -> Body | None:
    key = name_key(name)
    if not key:
        return None
    alias = BodyAlias.objects.select_related("body").filter(key=key).first()
    if alias is not None:
        return alias.body
    return Body.objects.filter(abbreviation__iexact=name).first()


def to_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def item_text(item: AgendaItem) -> str:
    return "\n".join(t for t in (item.summary, item.proposal, item.decision) if t)


def norm_case(value: str) -> str:
    return re.sub(r"[\s.:/-]+", "", value).casefold()

