"""Recommendation records: from a body's own decisions, and from other minutes that report or cite
them (a record known only by reference is filled in when its own minutes arrive)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from beslutskoll.followup import text as T
from beslutskoll.followup.common import item_text, resolve_body, to_date
from beslutskoll.followup.models import Recommendation
from beslutskoll.store.models import AgendaItem, Body


def own_statements(item: AgendaItem) -> list[T.Statement]:
    """Recommendations the item's own decision makes, read with the summary before it: a decision
    quoted from earlier minutes is introduced there."""
    before = f"{item.summary}\n" if item.summary else ""
    return [s for s in T.statements(before + item.decision) if s.ref is None and s.start >= len(before)]


def find_recommendation(body: Body | None, body_name: str, day: date | None, number: str) -> Recommendation | None:
    if day is None:
        return None
    query = Recommendation.objects.filter(date=day)
    query = query.filter(body=body) if body is not None else query.filter(body_name__iexact=body_name)
    for rec in query:
        if not number or not rec.number or rec.number == number:
            return rec
    return None


def recommendation_for(ref: T.RecommendationRef, *, create: bool) -> Recommendation | None:
    body = resolve_body(ref.body)
    day = to_date(ref.date)
    rec = find_recommendation(body, ref.body, day, ref.number)
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


def own_recommendations() -> None:
    """Items whose own decision recommends something."""
    items = AgendaItem.objects.select_related("meeting__body").exclude(decision="").filter(
        meeting__date__isnull=False, decision__iregex=r"rekommender"
    )
    for item in items:
        own = own_statements(item)
        if not own:
            continue
        meeting = item.meeting
        rec = find_recommendation(meeting.body, "", meeting.date, item.number)
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


def referenced_recommendations(scans: dict[int, dict]) -> dict[int, list[Recommendation]]:
    """Recommendations reported or cited in other minutes; returns item id → recommendations it cites."""
    cited: dict[int, list[Recommendation]] = {}
    mentions = Q(summary__iregex=r"rekommend") | Q(decision__iregex=r"rekommend") | Q(proposal__iregex=r"rekommend")
    for item in AgendaItem.objects.filter(mentions):
        text = item_text(item)
        for s in T.statements(text):
            if s.ref is None:
                continue
            rec = recommendation_for(s.ref, create=True)
            if rec is not None:
                _fill(rec, addressees=s.addressees, content=s.content, title=s.content)
                cited.setdefault(item.id, []).append(rec)
        for ref in T.recommendation_refs(text):
            rec = recommendation_for(ref, create=True)
            if rec is not None:
                cited.setdefault(item.id, []).append(rec)
    for found in scans.values():
        for s in found["statements"]:
            rec = recommendation_for(T.RecommendationRef(**s["ref"]), create=True)
            if rec is not None:
                _fill(rec, addressees=s["addressees"], content=s["content"], title=s["content"])
        for ref in found["cited"]:
            recommendation_for(T.RecommendationRef(**ref), create=True)
    return cited


def attach_own_minutes() -> None:
    """A recommendation known by reference, whose own minutes have arrived since."""
    for rec in Recommendation.objects.filter(item__isnull=True, body__isnull=False, date__isnull=False,
                                             locked=False):
        items = AgendaItem.objects.filter(meeting__body=rec.body, meeting__date=rec.date)
        item = items.filter(number=rec.number).first() if rec.number else None
        if item is None:
            item = next((i for i in items if own_statements(i)), None)
        if item is None:
            continue
        rec.item, rec.source, rec.title = item, Recommendation.Source.MINUTES, item.title[:500]
        rec.number = item.number or rec.number
        own = own_statements(item)
        if own:
            rec.text = T.clean(item.decision)
            rec.addressees = " / ".join(dict.fromkeys(s.addressees for s in own))
        rec.case_number = item.case_number or rec.case_number
        rec.save()

