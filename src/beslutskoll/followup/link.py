"""Linking the register's decisions into follow-up records. `refresh()` is idempotent: run it after
every ingest (the followup and report commands do); coordinators' corrections (locked rows,
assignments with an audit entry) are left as they are.

1. recommendations: own decisions that recommend, and recommendations other minutes report or cite
2. parties: addressees expanded to regions and municipalities
3. adoption: each party's decisions that build on a recommendation (reference, case number,
   title) and follow-up rounds written into minutes
4. assignments: reported back by a later item
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from beslutskoll.followup import parties as P
from beslutskoll.followup import text as T
from beslutskoll.followup.models import Adoption, AuditEntry, Recommendation, TextScan
from beslutskoll.store.identity import name_key
from beslutskoll.store.models import AgendaItem, Assignment, Body, BodyAlias, Meeting, Organisation

# bump when text.py reads originals differently, so stored scans are redone
SCAN_VERSION = 1


def resolve_body(name: str) -> Body | None:
    key = name_key(name)
    if not key:
        return None
    alias = BodyAlias.objects.select_related("body").filter(key=key).first()
    if alias is not None:
        return alias.body
    return Body.objects.filter(abbreviation__iexact=name).first()


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _item_text(item: AgendaItem) -> str:
    return "\n".join(t for t in (item.summary, item.proposal, item.decision) if t)


def _norm_case(value: str) -> str:
    return re.sub(r"[\s.:/-]+", "", value).casefold()


# --- reading originals ---------------------------------------------------------------------------


def _original_text(meeting: Meeting) -> str:
    """The full text of a meeting's original document (read once per scan version)."""
    from beslutskoll.read import read_document

    path = settings.FILES_DIR / meeting.file.sha256[:2] / meeting.file.sha256
    try:
        return "\n".join(read_document(path).lines)
    except Exception:  # an unreadable original: the items' texts still count
        return ""


def scan(meeting: Meeting) -> dict:
    """Statements and rounds in a meeting's original text, stored per file."""
    cached = TextScan.objects.filter(file=meeting.file).first()
    if cached is not None and cached.version == SCAN_VERSION:
        return cached.found
    text = _original_text(meeting)
    found = {
        "statements": [
            {"addressees": s.addressees, "content": s.content, "ref": vars(s.ref)}
            for s in T.statements(text) if s.ref is not None
        ],
        "cited": [vars(r) for r in T.recommendation_refs(text)],
        "rounds": [
            {"ref": vars(r.ref), "answers": [vars(a) for a in r.answers]}
            for r in T.rounds(text) if r.ref is not None
        ],
    }
    TextScan.objects.update_or_create(file=meeting.file, defaults={"version": SCAN_VERSION, "found": found})
    return found


# --- recommendations -----------------------------------------------------------------------------


def _find_recommendation(body: Body | None, body_name: str, day: date | None, number: str) -> Recommendation | None:
    if day is None:
        return None
    query = Recommendation.objects.filter(date=day)
    query = query.filter(body=body) if body is not None else query.filter(body_name__iexact=body_name)
    for rec in query:
        if not number or not rec.number or rec.number == number:
            return rec
    return None


def _recommendation_for(ref: T.RecommendationRef, *, create: bool) -> Recommendation | None:
    body = resolve_body(ref.body)
    day = _date(ref.date)
    rec = _find_recommendation(body, ref.body, day, ref.number)
    if rec is None and create and day is not None:
        rec = Recommendation.objects.create(
            body=body, body_name=ref.body, date=day, number=ref.number, source=Recommendation.Source.REFERENCE
        )
    if rec is not None and ref.number and not rec.number:
        rec.number = ref.number
        rec.save(update_fields=["number"])
    return rec


def _fill(rec: Recommendation, *, addressees: str = "", content: str = "", title: str = "") -> None:
    """Fill what a reference-only record lacks; its own minutes (source MINUTES) win."""
    changed = []
    for field_name, value in (("addressees", addressees), ("text", content), ("title", title)):
        if value and not getattr(rec, field_name):
            setattr(rec, field_name, value[:500] if field_name == "title" else value)
            changed.append(field_name)
    if changed:
        rec.save(update_fields=changed)


def _own_recommendations() -> None:
    """Items whose own decision recommends something."""
    items = AgendaItem.objects.select_related("meeting__body").exclude(decision="").filter(
        meeting__date__isnull=False, decision__iregex=r"rekommender"
    )
    for item in items:
        # read with the summary before it: a decision quoted from earlier minutes is introduced there
        before = f"{item.summary}\n" if item.summary else ""
        own = [s for s in T.statements(before + item.decision) if s.ref is None and s.start >= len(before)]
        if not own:
            continue
        meeting = item.meeting
        rec = _find_recommendation(meeting.body, "", meeting.date, item.number)
        if rec is None:
            rec = Recommendation.objects.create(body=meeting.body, date=meeting.date, number=item.number)
        if rec.locked:
            continue
        rec.item, rec.source = item, Recommendation.Source.MINUTES
        rec.number = item.number or rec.number
        rec.title = item.title[:500]
        rec.text = T.clean(item.decision)
        rec.addressees = " / ".join(dict.fromkeys(s.addressees for s in own))
        rec.case_number = item.case_number or rec.case_number
        rec.save()


def _referenced_recommendations(scans: dict[int, dict]) -> dict[int, list[Recommendation]]:
    """Recommendations reported or cited in other minutes; returns item id → recommendations it cites."""
    cited: dict[int, list[Recommendation]] = {}
    items = AgendaItem.objects.select_related("meeting").filter(
        summary__iregex=r"rekommend"
    ) | AgendaItem.objects.select_related("meeting").filter(decision__iregex=r"rekommend") | \
        AgendaItem.objects.select_related("meeting").filter(proposal__iregex=r"rekommend")
    for item in items.distinct():
        text = _item_text(item)
        for s in T.statements(text):
            if s.ref is None:
                continue
            rec = _recommendation_for(s.ref, create=True)
            if rec is not None:
                _fill(rec, addressees=s.addressees, content=s.content, title=s.content)
                cited.setdefault(item.id, []).append(rec)
        for ref in T.recommendation_refs(text):
            rec = _recommendation_for(ref, create=True)
            if rec is not None:
                cited.setdefault(item.id, []).append(rec)
    for found in scans.values():
        for s in found["statements"]:
            rec = _recommendation_for(T.RecommendationRef(**s["ref"]), create=True)
            if rec is not None:
                _fill(rec, addressees=s["addressees"], content=s["content"], title=s["content"])
        for ref in found["cited"]:
            _recommendation_for(T.RecommendationRef(**ref), create=True)
    return cited


def _attach_own_minutes() -> None:
    """A recommendation known by reference, whose own minutes have arrived since."""
    for rec in Recommendation.objects.filter(item__isnull=True, body__isnull=False, date__isnull=False,
                                             locked=False):
        items = AgendaItem.objects.filter(meeting__body=rec.body, meeting__date=rec.date)
        item = items.filter(number=rec.number).first() if rec.number else None
        if item is None:
            item = next((i for i in items if any(s.ref is None for s in T.statements(i.decision))), None)
        if item is None:
            continue
        rec.item, rec.source, rec.title = item, Recommendation.Source.MINUTES, item.title[:500]
        rec.number = item.number or rec.number
        own = [s for s in T.statements(item.decision) if s.ref is None]
        if own:
            rec.text = T.clean(item.decision)
            rec.addressees = " / ".join(dict.fromkeys(s.addressees for s in own))
        rec.case_number = item.case_number or rec.case_number
        rec.save()


# --- adoption ----------------------------------------------------------------------------------------


@dataclass
class Evidence:
    status: str
    rank: int  # a decision that settles it beats a round, which beats a mere noting
    when: date | None
    via: str
    note: str = ""
    item: AgendaItem | None = None
    meeting: Meeting | None = None
    report_item: AgendaItem | None = None


_DECISIVE = {"antagen", "avslagen", "delvis"}


def _better(new: Evidence, old: Evidence | None) -> bool:
    if old is None:
        return True
    if new.rank != old.rank:
        return new.rank > old.rank
    return (new.when or date.min) > (old.when or date.min)


def _cites(item: AgendaItem, rec: Recommendation, cited: dict[int, list[Recommendation]]) -> bool:
    if rec in cited.get(item.id, []):
        return True
    for ref in item.references.all():
        if ref.date != rec.date:
            continue
        same_body = (rec.body_id and ref.body_id == rec.body_id) or (
            rec.body is not None and resolve_body(ref.body_name) == rec.body
        ) or (ref.body_name and ref.body_name.casefold() == rec.body_name.casefold())
        if same_body and (not ref.number or not rec.number or ref.number == rec.number):
            return True
    return False


def _decision_evidence(rec: Recommendation, cited: dict[int, list[Recommendation]],
                       party_ids: set[int]) -> dict[int, Evidence]:
    found: dict[int, Evidence] = {}
    case = _norm_case(rec.case_number or (rec.item.case_number if rec.item else ""))
    title = rec.title or rec.text
    # only items that could match by one of the three ways, not the whole register
    could = Q(id__in=[item_id for item_id, recs in cited.items() if rec in recs])
    if rec.date:
        could |= Q(references__date=rec.date)
    if case:
        could |= Q(case_number__icontains=(rec.case_number or rec.item.case_number).split()[0])
    for stem in sorted(T.words(title), key=len, reverse=True)[:3]:
        # both cases: SQLite folds the case of ASCII letters only
        could |= Q(title__icontains=stem) | Q(title__icontains=stem.capitalize())
    candidates = AgendaItem.objects.filter(could).distinct()
    candidates = candidates.select_related("meeting__body__organisation", "meeting__file")
    candidates = candidates.prefetch_related("references")
    candidates = candidates.exclude(decision="").exclude(meeting__body__isnull=True)
    if rec.body_id:
        candidates = candidates.exclude(meeting__body=rec.body)
    if rec.date:
        candidates = candidates.filter(meeting__date__gt=rec.date)
    parties: dict[int, Organisation | None] = {}
    for item in candidates:
        if item.meeting_id not in parties:
            parties[item.meeting_id] = P.party_of_meeting(item.meeting)
        party = parties[item.meeting_id]
        if party is None:
            continue
        via = ""
        if _cites(item, rec, cited):
            via = Adoption.Via.REFERENCE
        elif case and item.case_number and _norm_case(item.case_number) == case:
            via = Adoption.Via.CASE
        elif party.id in party_ids and title and T.similar(item.title, title) >= 0.6:
            via = Adoption.Via.TITLE
        if not via:
            continue
        read = T.outcome(item.decision)
        if read is None:
            continue
        status, note = read
        evidence = Evidence(status, 3 if status in _DECISIVE else 1, item.meeting.date, via, note, item=item)
        if _better(evidence, found.get(party.id)):
            found[party.id] = evidence
    return found


def _round_evidence(rec: Recommendation, scans: dict[int, dict], meetings: dict[int, Meeting]) -> dict[int, Evidence]:
    found: dict[int, Evidence] = {}
    for meeting_id, data in scans.items():
        meeting = meetings[meeting_id]
        for block in data["rounds"]:
            if _recommendation_for(T.RecommendationRef(**block["ref"]), create=False) != rec:
                continue
            for answer in block["answers"]:
                party = P.find_party(answer["place"], rec.county_code)
                if party is None:
                    continue
                status = T.round_status(T.RoundAnswer(**answer))
                report_item = next(
                    (i for i in meeting.items.all() if f"{answer['place']} –" in _item_text(i)), None
                )
                evidence = Evidence(status, 2, meeting.date, Adoption.Via.ROUND, answer["note"],
                                    meeting=meeting, report_item=report_item)
                if _better(evidence, found.get(party.id)):
                    found[party.id] = evidence
    return found


def _adoptions(rec: Recommendation, cited: dict[int, list[Recommendation]], scans: dict[int, dict],
               meetings: dict[int, Meeting]) -> None:
    addressed, county = P.expand(rec.addressees, P.county_of(rec.body)) if rec.addressees else ([], "")
    county = county or P.county_of(rec.body)
    if county and rec.county_code != county:
        rec.county_code = county
        rec.save(update_fields=["county_code"])
    party_ids = {o.id for o in addressed}
    evidence = _decision_evidence(rec, cited, party_ids)
    for party_id, ev in _round_evidence(rec, scans, meetings).items():
        if _better(ev, evidence.get(party_id)):
            evidence[party_id] = ev
    existing = {a.organisation_id: a for a in rec.adoptions.all()}
    wanted = party_ids | set(evidence)
    for org_id, row in existing.items():
        if org_id not in wanted and not row.locked:
            row.delete()
    for org_id in wanted:
        row = existing.get(org_id) or Adoption(recommendation=rec, organisation_id=org_id)
        if row.locked:
            continue
        ev = evidence.get(org_id)
        row.status = ev.status if ev else Adoption.Status.UNKNOWN
        row.item = ev.item if ev else None
        row.reported_in = ev.meeting if ev else None
        row.report_item = ev.report_item if ev else None
        row.via = ev.via if ev else ""
        row.note = ev.note if ev else ""
        row.decided = ev.when if ev else None
        row.save()


# --- assignments ---------------------------------------------------------------------------------

_REPORTING = re.compile(r"återrapport|redovis|rapport|uppföljning|följa upp", re.I)


def _reported_by(assignment: Assignment) -> AgendaItem | None:
    item = assignment.item
    meeting = item.meeting
    if meeting.date is None or meeting.body is None:
        return None
    # reported back to the body that gave the assignment
    later = (
        AgendaItem.objects.select_related("meeting").prefetch_related("references")
        .filter(meeting__date__gt=meeting.date, meeting__body=meeting.body).order_by("meeting__date", "position")
    )
    case = _norm_case(item.case_number)
    for other in later:
        text = f"{other.title}\n{_item_text(other)}"
        if not _REPORTING.search(text):
            continue
        if case and other.case_number and _norm_case(other.case_number) == case:
            return other
        for ref in other.references.all():
            same_body = ref.body_id == meeting.body_id or resolve_body(ref.body_name) == meeting.body
            if same_body and ref.date == meeting.date and (not ref.number or ref.number == item.number):
                return other
        if T.similar(other.title, assignment.task) >= 0.6:
            return other
    return None


def _assignments() -> None:
    touched = set(AuditEntry.objects.filter(assignment__isnull=False).values_list("assignment_id", flat=True))
    for assignment in Assignment.objects.select_related("item__meeting__body").exclude(id__in=touched):
        if assignment.status == Assignment.Status.DONE:
            continue
        report = _reported_by(assignment)
        status = Assignment.Status.REPORTED if report else Assignment.Status.OPEN
        if assignment.reported_in_id != (report.id if report else None) or assignment.status != status:
            assignment.reported_in = report
            assignment.status = status
            assignment.save(update_fields=["reported_in", "status"])


def effective_status(assignment: Assignment, today: date | None = None) -> str:
    """klar and återrapporterad as recorded; försenad when past due and neither; else öppen."""
    today = today or date.today()
    if assignment.status == Assignment.Status.DONE:
        return Assignment.Status.DONE
    if assignment.reported_in_id or assignment.status == Assignment.Status.REPORTED:
        return Assignment.Status.REPORTED
    if assignment.due and assignment.due < today:
        return Assignment.Status.LATE
    return Assignment.Status.OPEN


# --- all of it ---------------------------------------------------------------------------------------


def refresh() -> None:
    meetings = {m.id: m for m in Meeting.objects.select_related("file", "body").prefetch_related("items")}
    with transaction.atomic():
        scans = {mid: scan(m) for mid, m in meetings.items()}
        _own_recommendations()
        cited = _referenced_recommendations(scans)
        _attach_own_minutes()
        for rec in Recommendation.objects.select_related("body__organisation", "item"):
            _adoptions(rec, cited, scans, meetings)
        _assignments()

