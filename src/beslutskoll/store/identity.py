"""Who is who across documents: one Body for all spellings of a body, one Person per person.

Bodies match on a normalised key of the name ("Sociala vård- och omsorgsgruppen" and
"Sociala vård och omsorgsgruppen" share one) and on their abbreviation. People match
on the name plus something else that agrees (party, affiliation or a body they sat in);
a bare name that could be two people stays a new Person rather than a wrong merge.
"""

from __future__ import annotations

import re
import unicodedata

from beslutskoll.store.models import Attendance, Body, BodyAlias, Organisation, Person

_NON_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """Lower case, hyphens and punctuation dropped, whitespace collapsed; diacritics kept."""
    text = unicodedata.normalize("NFC", name).casefold().replace("-", " ")
    return " ".join(_NON_WORD.sub(" ", text).split())


_KIND_WORDS = (
    ("fullmäktige", Body.Kind.COUNCIL),
    ("styrelse", Body.Kind.BOARD),
    ("utskott", Body.Kind.SUBCOMMITTEE),
    ("beredning", Body.Kind.WORKING_GROUP),
    ("nämnd", Body.Kind.COMMITTEE),
    ("samverkan", Body.Kind.COLLABORATION),
    ("gruppen", Body.Kind.COLLABORATION),
    ("råd", Body.Kind.COLLABORATION),
)


def body_kind(name: str) -> str:
    lowered = name.casefold()
    for word, kind in _KIND_WORDS:
        if word in lowered:
            return kind
    return Body.Kind.OTHER


def find_organisation(name: str | None) -> Organisation | None:
    if not name:
        return None
    org = Organisation.objects.filter(name__iexact=name.strip()).first()
    if org is None:
        org, _ = Organisation.objects.get_or_create(name=name.strip())
    return org


def find_body(name: str | None, abbreviation: str | None, organisation: str | None) -> Body | None:
    """The Body for a meeting header, created on first sight."""
    keys = [name_key(n) for n in (name, abbreviation) if n and name_key(n)]
    if not keys:
        return None
    alias = BodyAlias.objects.select_related("body").filter(key__in=keys).first()
    if alias is not None:
        body = alias.body
        if abbreviation and not body.abbreviation:
            body.abbreviation = abbreviation
            body.save(update_fields=["abbreviation"])
    else:
        body = Body.objects.create(
            name=name or abbreviation or "",
            abbreviation=abbreviation or "",
            kind=body_kind(name or ""),
            organisation=find_organisation(organisation),
        )
    for spelling in (name, abbreviation):
        if spelling and name_key(spelling):
            BodyAlias.objects.get_or_create(key=name_key(spelling), defaults={"body": body, "name": spelling})
    return body


def find_person(name: str, *, party: str | None = None, affiliation: str | None = None,
                body: Body | None = None) -> Person:
    """The Person with this name whose party, affiliation or body agrees; else a new one."""
    name = " ".join(name.split())
    candidates = list(Person.objects.filter(name__iexact=name))
    for person in candidates:
        if party and person.party == party:
            return person
        if affiliation and person.affiliation == affiliation:
            return person
        if body is not None and Attendance.objects.filter(person=person, meeting__body=body).exists():
            return person
    if len(candidates) == 1:
        # nothing disagrees: a different party or affiliation means a different person
        person = candidates[0]
        if (not party or not person.party) and (not affiliation or not person.affiliation):
            changed = []
            if party and not person.party:
                person.party, changed = party, [*changed, "party"]
            if affiliation and not person.affiliation:
                person.affiliation, changed = affiliation, [*changed, "affiliation"]
            if changed:
                person.save(update_fields=changed)
            return person
    return Person.objects.create(name=name, party=party or "", affiliation=affiliation or "")
