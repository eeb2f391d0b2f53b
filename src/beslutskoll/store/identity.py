"""Who is who across documents: one Organisation per authority, one Body for all spellings of
a body, one Person per person, and memberships derived from attendance.

Bodies match on a normalised key of the name ("Sociala vård- och omsorgsgruppen" and
"Sociala vård och omsorgsgruppen" share one) and on their abbreviation ("SVOM"), within
their organisation: "Socialnämnden" of two municipalities are two bodies. A body first
known from a reference ("enligt SVOM:s beslut") has no organisation yet and takes its full
name and organisation from its own minutes when they arrive.

People match on the name plus something that agrees (party, affiliation, a body or an
organisation they sat in) and nothing that disagrees: two "Anna Svensson" of different
parties are two people, and a bare name that could be either stays a new Person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from difflib import SequenceMatcher

from django.db import models
from django.db.models import Count, F, Q

from beslutskoll.store import organisations
from beslutskoll.store.models import (
    AgendaItem,
    Attendance,
    Body,
    BodyAlias,
    Meeting,
    Membership,
    Organisation,
    Person,
)

_NON_WORD = re.compile(r"[^\w]+")
# "SVOM", "KS", "BUN", "SN-AU": capitals (and digits), no spaces
_ABBREVIATION = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9&/-]{1,11}$")
_TRAILING_ABBREVIATION = re.compile(r"^(.+?)\s*\(([A-ZÅÄÖ][A-ZÅÄÖ0-9&/-]{1,11})\)$")


def name_key(name: str) -> str:
    """Lower case, hyphens and punctuation dropped, whitespace collapsed; diacritics kept."""
    text = unicodedata.normalize("NFC", name).casefold().replace("-", " ")
    return " ".join(_NON_WORD.sub(" ", text).split())


def is_abbreviation(name: str | None) -> bool:
    return bool(name) and bool(_ABBREVIATION.match(name.strip()))  # type: ignore[union-attr]


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


# --- organisations ---------------------------------------------------------------------------


def find_organisation(name: str | None) -> Organisation | None:
    """The Organisation a document names ("Östersund kommun" → Östersunds kommun), created if new."""
    name = _clean(name)
    if not name:
        return None
    hit = organisations.lookup(name)
    if hit is not None:
        org = Organisation.objects.filter(kind=hit[0], scb_code=hit[1]).first()
        if org is not None:
            return org
    wanted = organisations.split_name(name)
    for org in Organisation.objects.filter(scb_code=""):
        # one met before under another spelling ("Norrvikens kommun" / "Norrviken kommun")
        if organisations.split_name(org.name) == wanted:
            return org
    org, _ = Organisation.objects.get_or_create(
        name=name, defaults={"kind": organisations.kind_of(name) or Organisation.Kind.OTHER}
    )
    return org


def organisation_in(text: str | None) -> Organisation | None:
    """A known organisation named inside a text such as a body's name, or None."""
    hit = organisations.find_in_text(text)
    if hit is None:
        return None
    return Organisation.objects.filter(kind=hit[0], scb_code=hit[1]).first()


# --- bodies ----------------------------------------------------------------------------------

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


def _choose_body(bodies: list[Body], org: Organisation | None, context: Organisation | None,
                 *, reference: bool, name: str) -> Body | None:
    """The body among those sharing a key that this mention means, or None for a new one."""
    if org is not None:
        same = [b for b in bodies if b.organisation_id == org.id]
        if same:
            return same[0]
        orphans = [b for b in bodies if b.organisation_id is None]
        return orphans[0] if len(orphans) == 1 else None
    if context is not None:
        same = [b for b in bodies if b.organisation_id == context.id]
        if same:
            return same[0]
    orphans = [b for b in bodies if b.organisation_id is None]
    if orphans:
        return orphans[0]
    # a single known body of that name; from a reference only when the name is distinctive
    # (an abbreviation such as SVOM), since "Kommunstyrelsen" exists in every municipality
    if len(bodies) == 1 and (not reference or is_abbreviation(name)):
        return bodies[0]
    return None


def find_body(name: str | None, abbreviation: str | None = None, organisation: str | None = None,
              *, context: Organisation | None = None, reference: bool = False) -> Body | None:
    """The Body for a meeting header (or, with reference=True, a reference), created on first sight.

    `organisation` is the authority as the document writes it; without it, one named inside the
    body's name counts. `context` is the organisation of the document that mentions the body.
    """
    name, abbreviation = _clean(name), _clean(abbreviation)
    # "Länsrådet för hälsa och omsorg (LHO)": the bracket is the abbreviation, not the name
    if (m := _TRAILING_ABBREVIATION.match(name)) and (not abbreviation or abbreviation == m[2]):
        name, abbreviation = m[1], m[2]
    if name and not abbreviation and is_abbreviation(name):
        abbreviation = name
    if not name_key(name) and not name_key(abbreviation):
        return None
    org = find_organisation(organisation) if organisation else organisation_in(name)
    # by name first; by abbreviation only where that cannot join two different full names
    # ("SN" is Socialnämnden in one place and Samhällsbyggnadsnämnden in another)
    by_name = list(Body.objects.filter(aliases__key=name_key(name)).distinct().order_by("id")) if name else []
    body = _choose_body(by_name, org, context, reference=reference, name=name) if by_name else None
    if body is None and abbreviation:
        by_abbreviation = [
            b for b in Body.objects.filter(aliases__key=name_key(abbreviation)).distinct().order_by("id")
            if b not in by_name and _names_agree(b.name, name)
        ]
        body = _choose_body(by_abbreviation, org, context, reference=reference, name=abbreviation)
    if body is None:
        body = Body.objects.create(
            name=name or abbreviation,
            abbreviation=abbreviation,
            kind=body_kind(name),
            organisation=org,
        )
    else:
        _complete_body(body, name, abbreviation, org)
    for spelling in (name, abbreviation):
        if spelling and name_key(spelling):
            BodyAlias.objects.get_or_create(body=body, key=name_key(spelling), defaults={"name": spelling})
    if body.parent_id is None:
        _link_parent(body)
    return body


# "Socialnämndens arbetsutskott", "Kommunfullmäktiges arvodesberedning": a part of another body
_PART_OF = re.compile(
    r"^(?P<parent>\w+(?:nämnden|styrelsen|fullmäktige))s\s+(?P<part>.*(?:utskott|beredning|presidium|grupp).*)$",
    re.IGNORECASE,
)


def _link_parent(body: Body) -> None:
    match = _PART_OF.match(body.name)
    if match is None:
        return
    parent = find_body(match["parent"], context=body.organisation, reference=True)
    if parent is None or parent == body:
        return
    if parent.organisation_id is None and body.organisation_id is not None:
        parent.organisation_id = body.organisation_id
        parent.save(update_fields=["organisation"])
    body.parent = parent
    body.save(update_fields=["parent"])


def _names_agree(known: str, new: str) -> bool:
    """Whether a body known as `known` may be the one now called `new`, when only their
    abbreviation matched: one of them is only an abbreviation, or the names are near."""
    if not new or is_abbreviation(new) or is_abbreviation(known):
        return True
    a, b = name_key(known), name_key(new)
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.85


def _complete_body(body: Body, name: str, abbreviation: str, org: Organisation | None) -> None:
    """What a new mention adds to a known body: full name, abbreviation, organisation, kind."""
    changed: list[str] = []
    if name and not is_abbreviation(name) and (is_abbreviation(body.name) or not body.name):
        body.name = name  # known from a reference by abbreviation; now its own minutes name it
        changed.append("name")
    if abbreviation and not body.abbreviation:
        body.abbreviation = abbreviation
        changed.append("abbreviation")
    if org is not None and body.organisation_id is None:
        body.organisation = org
        changed.append("organisation")
    if body.kind == Body.Kind.OTHER and body_kind(body.name) != Body.Kind.OTHER:
        body.kind = body_kind(body.name)
        changed.append("kind")
    if changed:
        body.save(update_fields=changed)


# --- people ----------------------------------------------------------------------------------


def _same_affiliation(a: str, b: str) -> bool | None:
    """True/False when two affiliations can be compared, None when one is missing."""
    if not a or not b:
        return None
    known_a, known_b = organisations.lookup(a), organisations.lookup(b)
    if known_a and known_b:
        return known_a == known_b
    return name_key(a) == name_key(b)


def _appearances(person: Person) -> list[models.QuerySet]:
    """Where the person appeared, one query per kind of appearance (present or replaced, presenting,
    chairing or minuting, a membership), each giving `at_body` and `at_org`. Separate queries: one
    query joining them all would multiply the rows of every meeting of a large register."""
    return [
        Attendance.objects.filter(Q(person=person) | Q(replaces=person))
        .values(at_body=F("meeting__body_id"), at_org=F("meeting__body__organisation_id")),
        AgendaItem.objects.filter(presenters=person)
        .values(at_body=F("meeting__body_id"), at_org=F("meeting__body__organisation_id")),
        Meeting.objects.filter(Q(chair=person) | Q(secretary=person))
        .values(at_body=F("body_id"), at_org=F("body__organisation_id")),
        Membership.objects.filter(person=person).values(at_body=F("body_id"), at_org=F("body__organisation_id")),
    ]


def _appeared_in_body(person: Person, body: Body) -> bool:
    return any(q.filter(at_body=body.id).exists() for q in _appearances(person))


def _organisations_of(person: Person) -> set[int]:
    """Organisations whose bodies the person appeared in."""
    found: set[int] = set()
    for q in _appearances(person):
        found.update(q.exclude(at_org=None).values_list("at_org", flat=True).distinct())
    return found


def _met_with(person: Person, companions: set[str]) -> bool:
    """Whether the person attended some meeting together with at least two of `companions` (name keys):
    the same circle of people, for documents that name no body."""
    if len(companions) < 2:
        return False
    meetings = Q(meeting_id__in=Attendance.objects.filter(Q(person=person) | Q(replaces=person)).values("meeting_id"))
    meetings |= Q(meeting_id__in=AgendaItem.objects.filter(presenters=person).values("meeting_id"))
    return (
        Attendance.objects.filter(meetings, person__key__in=companions)
        .exclude(person=person)
        .values("meeting_id")
        .annotate(n=Count("person_id", distinct=True))
        .filter(n__gte=2)
        .exists()
    )


def _agreement(person: Person, party: str, affiliation: str, body: Body | None,
               organisation_ids: set[int]) -> int:
    """How many independent things agree between a known person and a new mention (0: none)."""
    score = 0
    if party and person.party and party.casefold() == person.party.casefold():
        score += 1
    if _same_affiliation(affiliation, person.affiliation):
        score += 1
    # the same body, or failing that the same organisation (one point either way)
    same_body = body is not None and _appeared_in_body(person, body)
    if same_body or (organisation_ids and organisation_ids & _organisations_of(person)):
        score += 1
    return score


def _conflicts(person: Person, party: str, affiliation: str) -> bool:
    if party and person.party and party.casefold() != person.party.casefold():
        return True
    return _same_affiliation(affiliation, person.affiliation) is False


def find_person(name: str, *, party: str | None = None, affiliation: str | None = None,
                body: Body | None = None, companions: Iterable[str] = ()) -> Person:
    """The Person with this name whose party, affiliation, body or organisation agrees
    and nothing disagrees; else a new Person. `companions`: name keys of the others in the
    same document, which count when nothing else does."""
    name, party, affiliation = _clean(name), _clean(party), _clean(affiliation)
    candidates = [p for p in Person.objects.filter(key=name_key(name)).order_by("id")
                  if not _conflicts(p, party, affiliation)]
    chosen = None
    if candidates:
        organisation_ids = {o for o in (
            body.organisation_id if body is not None else None,
            getattr(find_known_organisation(affiliation), "id", None),
        ) if o}
        scored = sorted(((_agreement(p, party, affiliation, body, organisation_ids), p) for p in candidates),
                        key=lambda pair: -pair[0])
        scored = [pair for pair in scored if pair[0] > 0]
        if not scored:
            others = set(companions) - {name_key(name)}
            scored = [(1, p) for p in candidates if _met_with(p, others)]
        # two candidates that agree equally well: doubtful, so keep the new mention apart
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            chosen = scored[0][1]
    if chosen is None:
        return Person.objects.create(name=name, party=party, affiliation=affiliation)
    changed = []
    if party and not chosen.party:
        chosen.party = party
        changed.append("party")
    if affiliation and not chosen.affiliation:
        chosen.affiliation = affiliation
        changed.append("affiliation")
    if changed:
        chosen.save(update_fields=changed)
    return chosen


def find_known_organisation(name: str | None) -> Organisation | None:
    """An existing Organisation for a name (never creates one): for affiliations."""
    hit = organisations.lookup(name)
    if hit is None:
        return None
    return Organisation.objects.filter(kind=hit[0], scb_code=hit[1]).first()


# --- memberships -----------------------------------------------------------------------------

_GROUP_ROLES = {"beslutande": "ledamot", "ersattare": "ersättare", "ovriga": "övrig närvarande"}


def membership_role(group: str, role: str) -> str:
    """The role a person holds in a body, as shown by one attendance."""
    role = _clean(role).casefold()
    if role == "tjänstgörande ersättare":
        return "ersättare"
    return role or _GROUP_ROLES.get(group, "ledamot")


def refresh_memberships(body: Body | None, person_ids: Iterable[int],
                        drop: Iterable[tuple[int, str]] = ()) -> None:
    """Bring the memberships of these people in `body` in line with their attendances:
    one per role, from the first to the last meeting date, with the latest party.
    `drop` lists (person, role) pairs that an attendance no longer in the register had
    supported; those without support left are removed."""
    person_ids = set(person_ids) | {p for p, _ in drop}
    if body is None or not person_ids:
        return
    seen: dict[tuple[int, str], list] = {}
    rows = (Attendance.objects.filter(meeting__body=body, person_id__in=person_ids)
            .values_list("person_id", "group", "role", "party", "meeting__date"))
    for person_id, group, role, party, day in rows:
        entry = seen.setdefault((person_id, membership_role(group, role)), [None, None, "", date.min])
        if day is not None:
            entry[0] = day if entry[0] is None else min(entry[0], day)
            entry[1] = day if entry[1] is None else max(entry[1], day)
        if party and (day or date.min) >= entry[3]:
            entry[2], entry[3] = party, day or date.min
    existing = {(m.person_id, m.role): m for m in Membership.objects.filter(body=body, person_id__in=person_ids)}
    for (person_id, role), (start, end, party, _) in seen.items():
        membership = existing.get((person_id, role))
        if membership is None:
            Membership.objects.create(person_id=person_id, body=body, role=role, party=party,
                                      start=start, end=end)
        elif (membership.start, membership.end, membership.party) != (start, end, party or membership.party):
            membership.start, membership.end = start, end
            membership.party = party or membership.party
            membership.save(update_fields=["start", "end", "party"])
    for pair in drop:
        if pair not in seen and pair in existing:
            existing[pair].delete()
