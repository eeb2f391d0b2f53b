"""Adoption: each party's status on a recommendation, from its own decisions (by reference, case number
or title) and from follow-up rounds written into minutes. A coordinator's locked row is left alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from beslutskoll.followup import parties as P
from beslutskoll.followup import text as T
from beslutskoll.followup.common import item_text, norm_case, resolve_body
from beslutskoll.followup.models import Adoption, Recommendation
from beslutskoll.followup.recommendations import recommendation_for
from beslutskoll.store.models import AgendaItem, Meeting


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


class Pool:
    """Every decided item with a known body, read once per refresh and matched in memory against
    each recommendation (a query per recommendation costs far more on a large register)."""

    def __init__(self) -> None:
        items = AgendaItem.objects.exclude(decision="").exclude(meeting__body__isnull=True)
        items = items.filter(meeting__date__isnull=False).select_related("meeting__body")
        self.items = list(items.prefetch_related("references"))
        self._words: dict[int, set[str]] = {}

    def similar(self, item: AgendaItem, title_words: set[str]) -> float:
        if item.id not in self._words:
            self._words[item.id] = T.words(item.title)
        mine = self._words[item.id]
        if len(mine) < 2 or len(title_words) < 2:
            return 0.0
        return len(mine & title_words) / min(len(mine), len(title_words))


def _recommender(body, rec: Recommendation) -> bool:
    """The recommending body itself, also under another spelling of its name (same abbreviation and
    organisation): its later decisions on the matter are its own, not a party's adoption."""
    if body is None or rec.body is None:
        return False
    if body.id == rec.body_id:
        return True
    return bool(
        body.abbreviation
        and body.abbreviation.casefold() == rec.body.abbreviation.casefold()
        and body.organisation_id == rec.body.organisation_id
    )


def _decision_evidence(rec: Recommendation, cited: dict[int, list[Recommendation]], party_ids: set[int],
                       meetings: dict[int, Meeting], pool: Pool) -> dict[int, Evidence]:
    found: dict[int, Evidence] = {}
    case = norm_case(rec.case_number or (rec.item.case_number if rec.item else ""))
    title_words = T.words(rec.title or rec.text)
    for item in pool.items:
        meeting = item.meeting
        if _recommender(meeting.body, rec) or (rec.date and meeting.date <= rec.date):
            continue
        party = P.party_of_meeting(meetings.get(item.meeting_id) or meeting)
        if party is None:
            continue
        via = ""
        if _cites(item, rec, cited):
            via = Adoption.Via.REFERENCE
        elif case and item.case_number and norm_case(item.case_number) == case:
            via = Adoption.Via.CASE
        elif party.id in party_ids and pool.similar(item, title_words) >= 0.6:
            via = Adoption.Via.TITLE
        if not via:
            continue
        read = T.outcome(item.decision)
        if read is None:
            continue
        status, note = read
        evidence = Evidence(status, 3 if status in _DECISIVE else 1, meeting.date, via, note, item=item)
        if _better(evidence, found.get(party.id)):
            found[party.id] = evidence
    return found


def _round_evidence(rec: Recommendation, scans: dict[int, dict], meetings: dict[int, Meeting]) -> dict[int, Evidence]:
    found: dict[int, Evidence] = {}
    for meeting_id, data in scans.items():
        meeting = meetings[meeting_id]
        for block in data["rounds"]:
            if recommendation_for(T.RecommendationRef(**block["ref"]), create=False) != rec:
                continue
            for answer in block["answers"]:
                party = P.find_party(answer["place"], rec.county_code)
                if party is None:
                    continue
                status = T.round_status(T.RoundAnswer(**answer))
                report_item = next(
                    (i for i in meeting.items.all() if f"{answer['place']} –" in item_text(i)), None
                )
                evidence = Evidence(status, 2, meeting.date, Adoption.Via.ROUND, answer["note"],
                                    meeting=meeting, report_item=report_item)
                if _better(evidence, found.get(party.id)):
                    found[party.id] = evidence
    return found


def update_adoptions(rec: Recommendation, cited: dict[int, list[Recommendation]], scans: dict[int, dict],
                     meetings: dict[int, Meeting], pool: Pool) -> None:
    addressed, county = P.expand(rec.addressees, P.county_of(rec.body)) if rec.addressees else ([], "")
    county = county or P.county_of(rec.body)
    if county and rec.county_code != county:
        rec.county_code = county
        rec.save(update_fields=["county_code"])
    party_ids = {o.id for o in addressed}
    evidence = _decision_evidence(rec, cited, party_ids, meetings, pool)
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

