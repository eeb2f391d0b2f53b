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

from django.db import transaction

from beslutskoll.followup import parties as P
from beslutskoll.followup import recommendations as R
from beslutskoll.followup.adoption import Pool, update_adoptions
from beslutskoll.followup.assignments import effective_status, update_assignments
from beslutskoll.followup.common import resolve_body
from beslutskoll.followup.models import Recommendation
from beslutskoll.followup.scan import scan
from beslutskoll.store.models import Meeting

__all__ = ["effective_status", "refresh", "resolve_body"]


def refresh() -> None:
    meetings = {m.id: m for m in Meeting.objects.select_related("file", "body").prefetch_related("items")}
    with transaction.atomic(), P.memoised():
        scans = {mid: scan(m) for mid, m in meetings.items()}
        R.own_recommendations()
        cited = R.referenced_recommendations(scans)
        R.attach_own_minutes()
        pool = Pool()
        for rec in Recommendation.objects.select_related("body__organisation", "item"):
            update_adoptions(rec, cited, scans, meetings, pool)
        update_assignments()
