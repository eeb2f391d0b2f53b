"""Threads: the same matter across meetings and bodies, by case number, title and reference."""

from __future__ import annotations

import re

from django.db.models import Q

from beslutskoll.followup import text as T
from beslutskoll.followup.link import resolve_body
from beslutskoll.followup.models import Adoption, Recommendation
from beslutskoll.store.models import AgendaItem

_LIMIT = 60
# titles too general to tie meetings together
_GENERIC = re.compile(r"^(?:mötet|sammanträdet) (?:öppnas|avslutas)|^val av|^fastställ|^föregående|^övrig|"
                      r"^information$|^anmälningar|^meddelanden|^delegat", re.I)


def _key(title: str) -> str:
    return " ".join(re.findall(r"[a-zåäöéü0-9]+", title.casefold()))


def _case(value: str) -> str:
    return re.sub(r"[\s.:/-]+", "", value).casefold()


def _neighbours(item: AgendaItem) -> set[int]:
    found: set[int] = set()
    if item.case_number:
        wanted = _case(item.case_number)
        same = AgendaItem.objects.filter(case_number__icontains=item.case_number.split()[0])
        found |= {o.id for o in same if _case(o.case_number) == wanted}
    # what this item cites, and what cites it
    for ref in item.references.all():
        if ref.target_id:
            found.add(ref.target_id)
            continue
        body = ref.body or resolve_body(ref.body_name)
        if body is not None and ref.date is not None:
            cited = AgendaItem.objects.filter(meeting__body=body, meeting__date=ref.date)
            found |= set((cited.filter(number=ref.number) if ref.number else cited).values_list("id", flat=True))
    meeting = item.meeting
    if meeting.body_id and meeting.date:
        citing = AgendaItem.objects.filter(references__date=meeting.date).filter(
            Q(references__body=meeting.body) | Q(references__body_name__iexact=meeting.body.abbreviation or "-")
        ).filter(Q(references__number="") | Q(references__number=item.number))
        found |= set(citing.values_list("id", flat=True))
    # recommendation and its adoptions
    recs = Recommendation.objects.filter(Q(item=item) | Q(adoptions__item=item)).distinct()
    for rec in recs:
        if rec.item_id:
            found.add(rec.item_id)
        found |= set(Adoption.objects.filter(recommendation=rec, item__isnull=False).values_list("item_id", flat=True))
    # the same title (or one title holding the other)
    key = _key(item.title)
    if len(key) >= 5 and not _GENERIC.search(key):
        longest = max(key.split(), key=len)
        for other in AgendaItem.objects.filter(title__icontains=longest).only("id", "title"):
            other_key = _key(other.title)
            if other_key == key or (min(len(key), len(other_key)) >= 8 and (key in other_key or other_key in key)) \
                    or T.similar(other.title, item.title) >= 0.8:
                found.add(other.id)
        # a short, named matter ("Mini-Maria") is also followed where it is only mentioned
        if len(key.split()) <= 3 and (re.search(r"[A-ZÅÄÖ]", item.title[1:]) or "-" in item.title):
            spellings = {item.title.strip(), item.title.strip().replace("-", " ")}
            mention = Q()
            for spelling in spellings:
                mention |= Q(summary__icontains=spelling) | Q(decision__icontains=spelling)
            found |= set(AgendaItem.objects.filter(mention).values_list("id", flat=True)[:_LIMIT])
    found.discard(item.id)
    return found


def thread(item: AgendaItem) -> list[AgendaItem]:
    """The item and everything tied to it, directly or through others, in date order."""
    seen = {item.id}
    todo = [item]
    while todo and len(seen) < _LIMIT:
        current = todo.pop()
        for other_id in _neighbours(current) - seen:
            seen.add(other_id)
            todo.append(AgendaItem.objects.select_related("meeting__body").get(id=other_id))
    items = AgendaItem.objects.select_related("meeting__body").filter(id__in=seen)
    return sorted(items, key=lambda i: (i.meeting.date is None, i.meeting.date or 0, i.position))


def timeline(item: AgendaItem) -> list[dict]:
    """The thread as dated entries; a recommendation known only by reference is an entry of its own."""
    items = thread(item)
    entries = [
        {
            "datum": i.meeting.date.isoformat() if i.meeting.date else None,
            "organ": str(i.meeting.body) if i.meeting.body else "Okänt organ",
            "text": str(i),
            "url": f"/uppfoljning/punkt/{i.id}/",
            "denna": i.id == item.id,
        }
        for i in items
    ]
    ids = [i.id for i in items]
    recs = Recommendation.objects.filter(Q(item_id__in=ids) | Q(adoptions__item_id__in=ids)).distinct()
    for rec in recs.filter(item__isnull=True).select_related("body"):
        entries.append({
            "datum": rec.date.isoformat() if rec.date else None,
            "organ": str(rec.body) if rec.body else rec.body_name,
            "text": f"Rekommendation: {rec.text or rec.title or 'känd genom hänvisning'}",
            "url": f"/uppfoljning/rekommendation/{rec.id}/",
            "denna": False,
        })
    return sorted(entries, key=lambda e: (e["datum"] is None, e["datum"] or ""))
