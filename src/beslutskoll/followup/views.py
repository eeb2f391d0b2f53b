"""Web pages of the follow-up (/uppfoljning/…). Reading is public; changes only by coordinators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from beslutskoll.followup import audit, query
from beslutskoll.followup.exports import csv_text, ical
from beslutskoll.followup.models import Adoption, AuditEntry, Recommendation
from beslutskoll.followup.threads import timeline
from beslutskoll.store.models import AgendaItem, Assignment, Body


def _body_param(request: HttpRequest) -> Body | None:
    value = request.GET.get("organ")
    if not value:
        return None
    return get_object_or_404(Body, id=value) if value.isdigit() else _named(value)


def _named(name: str) -> Body:
    try:
        return query.find_body(name)
    except Exception:
        raise Http404("organet finns inte") from None


def index(request: HttpRequest) -> HttpResponse:
    recs = query.recommendations(only_open=True)
    by_body: dict[str, list[dict]] = {}
    for rec in recs:
        by_body.setdefault(rec["organ"], []).append(rec)
    return render(request, "followup/index.html", {
        "by_body": sorted(by_body.items()), "statuses": query.STATUSES,
        "bodies": Body.objects.filter(meetings__items__assignments__isnull=False).distinct(),
    })


def recommendation(request: HttpRequest, rec_id: int) -> HttpResponse:
    rec = get_object_or_404(Recommendation.objects.select_related("body", "item__meeting__body"), id=rec_id)
    return render(request, "followup/recommendation.html", {
        "rec": rec, "data": query.recommendation_dict(rec), "statuses": Adoption.Status.choices,
        "can_edit": audit.can_coordinate(request.user, rec.body),
        "audit": AuditEntry.objects.filter(recommendation=rec),
    })


def assignments(request: HttpRequest) -> HttpResponse:
    body = _body_param(request)
    assignee = request.GET.get("uppdragstagare") or None
    rows = query.assignments(body, assignee)
    status = request.GET.get("status")
    if status:
        rows = [r for r in rows if r["status"] == status]
    return render(request, "followup/assignments.html", {
        "rows": rows, "body": body, "assignee": assignee or "", "status": status or "",
        "bodies": Body.objects.filter(meetings__items__assignments__isnull=False).distinct(),
        "status_choices": Assignment.Status.choices,
        "query": request.GET.urlencode(),
    })


def assignment(request: HttpRequest, assignment_id: int) -> HttpResponse:
    a = get_object_or_404(Assignment.objects.select_related("item__meeting__body"), id=assignment_id)
    return render(request, "followup/assignment.html", {
        "a": a, "data": query.assignment_dict(a), "status_choices": Assignment.Status.choices,
        "can_edit": audit.can_coordinate(request.user, a.item.meeting.body),
        "audit": AuditEntry.objects.filter(assignment=a),
    })


def item(request: HttpRequest, item_id: int) -> HttpResponse:
    it = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), id=item_id)
    recs = Recommendation.objects.filter(item=it)
    adoptions = Adoption.objects.filter(item=it).select_related("recommendation", "organisation")
    return render(request, "followup/item.html", {
        "item": it, "recs": recs, "adoptions": adoptions,
        "assignments": [query.assignment_dict(a) for a in it.assignments.all()],
        "reports": [query.assignment_dict(a) for a in it.reports.all()],
        "timeline": timeline(it),
        "audit": AuditEntry.objects.filter(Q(item=it) | Q(recommendation__item=it) | Q(assignment__item=it)),
    })


def audit_log(request: HttpRequest) -> HttpResponse:
    entries = AuditEntry.objects.select_related("recommendation", "assignment", "item")[:500]
    return render(request, "followup/audit.html", {"entries": entries})


def calendar_body(request: HttpRequest, body_id: int) -> HttpResponse:
    body = get_object_or_404(Body, id=body_id)
    rows = query.assignment_rows(body)
    return HttpResponse(ical(rows, f"Uppdrag – {query.body_name(body)}"), content_type="text/calendar; charset=utf-8")


def calendar_assignee(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("namn", "").strip()
    if not name:
        return HttpResponseBadRequest("Ange uppdragstagare med ?namn=…")
    rows = query.assignment_rows(assignee=name)
    return HttpResponse(ical(rows, f"Uppdrag – {name}"), content_type="text/calendar; charset=utf-8")


def assignments_csv(request: HttpRequest) -> HttpResponse:
    body = _body_param(request)
    rows = query.assignment_rows(body, request.GET.get("uppdragstagare") or None)
    response = HttpResponse("\ufeff" + csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="uppdrag.csv"'
    return response


# --- changes (coordinators only) ------------------------------------------------------------------


def _item_from(request: HttpRequest, name: str) -> AgendaItem | None:
    value = request.POST.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValidationError("ange punktens nummer i registret (id)")
    return get_object_or_404(AgendaItem, id=int(value))


def _apply(change, back: str) -> HttpResponse:
    try:
        change()
    except PermissionDenied:
        raise
    except ValidationError as exc:
        return HttpResponseBadRequest(" ".join(exc.messages))
    return redirect(back)


@login_required
@require_POST
def change_adoption(request: HttpRequest, adoption_id: int) -> HttpResponse:
    row = get_object_or_404(Adoption.objects.select_related("recommendation__body"), id=adoption_id)
    post = request.POST
    return _apply(lambda: audit.change_adoption(
        request.user, row, status=post.get("status") or None, item=_item_from(request, "beslut"),
        clear_item=post.get("ta_bort_beslut") == "1", note=post.get("anteckning"),
        confirm=post.get("bekrafta") == "1", comment=post.get("kommentar", ""),
    ), f"/uppfoljning/rekommendation/{row.recommendation_id}/")


@login_required
@require_POST
def change_recommendation(request: HttpRequest, rec_id: int) -> HttpResponse:
    rec = get_object_or_404(Recommendation, id=rec_id)
    post = request.POST
    closed = {"1": True, "0": False}.get(post.get("avslutad", ""))
    return _apply(lambda: audit.change_recommendation(
        request.user, rec, closed=closed, addressees=post.get("mottagare") or None,
        item=_item_from(request, "beslutspunkt"), comment=post.get("kommentar", ""),
    ), f"/uppfoljning/rekommendation/{rec.id}/")


@login_required
@require_POST
def change_assignment(request: HttpRequest, assignment_id: int) -> HttpResponse:
    a = get_object_or_404(Assignment.objects.select_related("item__meeting__body"), id=assignment_id)
    post = request.POST
    return _apply(lambda: audit.change_assignment(
        request.user, a, status=post.get("status") or None, reported_in=_item_from(request, "aterrapporterad_i"),
        clear_report=post.get("ta_bort_aterrapport") == "1", comment=post.get("kommentar", ""),
    ), f"/uppfoljning/uppdrag/{a.id}/")

