"""The follow-up in the JSON API (read only), mounted at /api/uppfoljning/."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router

from beslutskoll.errors import BeslutskollError
from beslutskoll.followup import query
from beslutskoll.followup.models import Recommendation
from beslutskoll.followup.threads import timeline
from beslutskoll.store.models import AgendaItem, Body

router = Router(tags=["uppföljning"])


def _body(organ: str | None) -> Body | None:
    if not organ:
        return None
    try:
        return query.find_body(organ)
    except BeslutskollError:
        raise Http404("organet finns inte") from None


@router.get("/rekommendationer", summary="Rekommendationer med antagandematris")
def recommendations(request, organ: str | None = None, bara_oppna: bool = False) -> list[dict]:
    return query.recommendations(_body(organ), only_open=bara_oppna)


@router.get("/rekommendationer/{rec_id}", summary="En rekommendation med antagandematris och ändringslogg")
def recommendation(request, rec_id: int) -> dict:
    rec = get_object_or_404(Recommendation, id=rec_id)
    return {**query.recommendation_dict(rec), "logg": query.audit(rec=rec)}


@router.get("/uppdrag", summary="Uppdrag med status och förfallodatum")
def assignments(request, organ: str | None = None, uppdragstagare: str | None = None) -> list[dict]:
    return query.assignments(_body(organ), uppdragstagare)


@router.get("/punkter/{item_id}", summary="En punkts tidslinje och ändringslogg")
def item(request, item_id: int) -> dict:
    it = get_object_or_404(AgendaItem, id=item_id)
    return {
        "punkt": query.item_ref(it),
        "tidslinje": timeline(it),
        "logg": query.audit(item=it),
    }


@router.get("/logg", summary="Ändringsloggen")
def audit_log(request) -> list[dict]:
    return query.audit()[:500]
