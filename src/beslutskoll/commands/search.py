"""`beslutskoll search QUERY`: the register's search from the command line (readable text or --json)."""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import asdict
from datetime import date

FACET_NAMES = {"organisation": "Organisation", "body": "Organ", "year": "År", "kind": "Beslutstyp", "party": "Parti"}
_MARK = re.compile(r"<mark>(.*?)</mark>")


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"ogiltigt datum för {flag}: {value!r} (skriv ÅÅÅÅ-MM-DD)") from None


def _plain(snippet: str, tty: bool) -> str:
    """A snippet for the terminal: matches in bold on a terminal, between asterisks otherwise."""
    marked = _MARK.sub(lambda m: f"\033[1m{m.group(1)}\033[0m" if tty else f"*{m.group(1)}*", snippet)
    return html.unescape(marked)


def run_search(
    query: str,
    *,
    db: str | None,
    as_json: bool = False,
    body: str | None = None,
    organisation: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    year: int | None = None,
    kind: str | None = None,
    person: str | None = None,
    party: str | None = None,
    limit: int = 20,
    page: int = 1,
    base_url: str = "",
) -> int:
    try:
        start, end = _date(date_from, "--from"), _date(date_to, "--to")
    except ValueError as exc:
        print(f"beslutskoll: {exc}", file=sys.stderr)
        return 2
    from beslutskoll.config import setup

    setup(db)
    from beslutskoll.store.search import Filters, search

    filters = Filters(body=body, organisation=organisation, date_from=start, date_to=end, year=year,
                      kind=kind, person=person, party=party)
    result = search(query, filters, page=page, per_page=limit)
    base = base_url.rstrip("/")
    if as_json:
        hits = [{**asdict(hit), "url": base + hit.url} for hit in result.hits]
        json.dump(hits, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not result.total:
        print(f"Inga träffar för {query!r}." if query.strip() else "Inga träffar.")
        return 0
    first = (page - 1) * limit + 1
    shown = f"visar {first}–{first + len(result.hits) - 1}" if result.hits else "inga på den här sidan"
    print(f"{result.total} träffar för {query!r} ({shown}):" if query.strip() else f"{result.total} träffar ({shown}):")
    tty = sys.stdout.isatty()
    for number, hit in enumerate(result.hits, first):
        where = hit.body or "Okänt organ"
        if hit.organisation and hit.organisation not in where:
            where += f", {hit.organisation}"
        paragraph = f" § {hit.item_number}" if hit.item_number else ""
        print(f"\n{number}. {where} {hit.meeting_date or 'odaterat'}{paragraph}: {hit.title}")
        if hit.snippet:
            print(f"   {_plain(hit.snippet, tty)}")
        print(f"   {base + hit.url}")
    print()
    if result.facets_note:
        print(result.facets_note)
    for name, label in FACET_NAMES.items():
        values = result.facets.get(name) or []
        if values:
            listed = ", ".join(f"{v.label} ({v.count})" for v in values[:8])
            more = f" och {len(values) - 8} till" if len(values) > 8 else ""
            print(f"{label}: {listed}{more}")
    return 0


def run_reindex(*, db: str | None) -> int:
    from beslutskoll.config import setup

    setup(db)
    from beslutskoll.store.search import rebuild_index

    count = rebuild_index()
    print(f"Sökindexet är uppbyggt: {count} ärendepunkter.")
    return 0
