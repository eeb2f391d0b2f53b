"""Parties: organisations (regions and municipalities) named or implied in running text.

Works on the organisation table (kind, county_code). Names are matched on their base
("Krokoms kommun" → "krokom", "Region Jämtland Härjedalen" → "jämtland härjedalen"), so
"Krokom", "Krokoms kommun" and "Krokom kommun" are the same party.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from beslutskoll.store.identity import name_key
from beslutskoll.store.models import Body, Organisation

PARTY_KINDS = (Organisation.Kind.REGION, Organisation.Kind.MUNICIPALITY)


def base(name: str) -> str:
    key = name_key(name)
    key = re.sub(r"^(?:region|landstinget|landsting)\s+|\s+(?:kommun|stad|län|region|läns landsting)$", "", key)
    return key


def _stems(name: str) -> set[str]:
    """The base and, for a genitive ("Krokoms"), the base without its s."""
    key = base(name)
    stems = {key}
    if key.endswith("s") and len(key) > 3:
        stems.add(key[:-1])
    return stems


# while linking, the organisation table is read once per county instead of once per name
_memo: dict[str, list] | None = None


@contextmanager
def memoised() -> Iterator[None]:
    global _memo
    _memo = {}
    try:
        yield
    finally:
        _memo = None


def parties(county_code: str = "") -> list[Organisation]:
    if _memo is not None and county_code in _memo:
        return _memo[county_code]
    query = Organisation.objects.filter(kind__in=PARTY_KINDS)
    if county_code:
        query = query.filter(county_code=county_code)
    found = list(query.order_by("-kind", "name"))
    if _memo is not None:
        _memo[county_code] = found
    return found


def find_party(place: str, county_code: str = "") -> Organisation | None:
    """The region or municipality called `place`; within the county when one is given."""
    wanted = _stems(place)
    for pool in ([county_code] if county_code else []) + [""]:
        hits = [org for org in parties(pool) if _stems(org.name) & wanted]
        if len(hits) == 1:
            return hits[0]
        if hits:
            municipalities = [o for o in hits if o.kind == Organisation.Kind.MUNICIPALITY]
            if len(municipalities) == 1 and not re.match(r"(?i)region", place):
                return municipalities[0]
    return None


def canonical(org: Organisation | None) -> Organisation | None:
    """The table's region or municipality for an organisation stored under another spelling."""
    if org is None or org.kind in PARTY_KINDS:
        return org
    return find_party(org.name) or None


def party_of_body(body: Body | None) -> Organisation | None:
    return canonical(body.organisation) if body is not None else None


def party_of_meeting(meeting) -> Organisation | None:
    """The party whose minutes these are: the organisation named in the document itself first,
    since bodies with common names ("Kommunstyrelsen") may be shared between organisations."""
    if _memo is None:
        return _party_of_meeting(meeting)
    key = f"meeting:{meeting.id}"
    if key not in _memo:
        _memo[key] = [_party_of_meeting(meeting)]
    return _memo[key][0]


def _party_of_meeting(meeting) -> Organisation | None:
    named = ((meeting.file.extraction or {}).get("meeting") or {}).get("organisation") if meeting.file_id else None
    if named:
        org = Organisation.objects.filter(name__iexact=named.strip()).first()
        found = canonical(org) if org is not None else find_party(named)
        if found is not None:
            return found
    return party_of_body(meeting.body)


def county_of(body: Body | None) -> str:
    org = party_of_body(body)
    if org is not None and org.county_code:
        return org.county_code
    if body is not None and body.organisation is not None:
        return body.organisation.county_code
    return ""


def _county_named(text: str) -> str:
    """County code of a county named in text ("kommunerna i Jämtlands län")."""
    for m in re.finditer(r"([A-ZÅÄÖ][\wåäö-]+(?:\s[A-ZÅÄÖ][\wåäö-]+)?)\s+län\b", text):
        wanted = _stems(m.group(1))
        for org in Organisation.objects.filter(kind=Organisation.Kind.COUNTY):
            if _stems(org.name) & wanted and org.county_code:
                return org.county_code
    return ""


def expand(addressees: str, county_code: str) -> tuple[list[Organisation], str]:
    """The parties an addressee phrase means, and the county it was read against.

    "länets kommuner"/"kommunerna" → the county's municipalities; "regionen"/"Region X" → the
    region; named municipalities → those. The county is the one named in the phrase, else that
    of a named region, else `county_code` (the recommending body's).
    """
    county = _county_named(addressees)
    named: list[Organisation] = []
    for m in re.finditer(r"Region\s+((?:[A-ZÅÄÖ][\wåäö-]+\s?){1,3})", addressees):
        org = find_party("Region " + m.group(1).strip(), county or county_code)
        if org is not None and org not in named:
            named.append(org)
    if not county:
        county = next((o.county_code for o in named if o.county_code), "") or county_code
    found = list(named)
    lowered = addressees.casefold()
    if re.search(r"\bregionen\b|\bregionens\b|\blandstinget\b", lowered) or (
        "region" in lowered and not named
    ):
        found += [o for o in parties(county) if o.kind == Organisation.Kind.REGION and o not in found] if county else []
    if re.search(r"kommuner(?:na)?\b|samtliga kommuner|alla kommuner", lowered):
        found += [o for o in parties(county) if o.kind == Organisation.Kind.MUNICIPALITY and o not in found] \
            if county else []
    for m in re.finditer(r"\b([A-ZÅÄÖ][\wåäö-]+)s?\s+kommun\b", addressees):
        org = find_party(m.group(1), county)
        if org is not None and org not in found:
            found.append(org)
    return found, county
