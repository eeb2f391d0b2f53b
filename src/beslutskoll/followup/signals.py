"""Follow-up records follow corrections: a meeting, item or reference changed after ingest (in the
admin) relinks recommendations, adoptions and assignments once its transaction commits.

Ingest inserts its rows in bulk and relinks after the batch itself, so only changes to existing
rows count here; saves of single fields (``update_fields``) are the pipeline's own bookkeeping.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from beslutskoll.store.models import AgendaItem, Meeting, Reference


def _refresh() -> None:
    from beslutskoll.followup.link import refresh

    refresh()


def _refresh_on_commit() -> None:
    # one relinking per transaction, however many rows the correction touched
    if not any(entry[1] is _refresh for entry in connection.run_on_commit):
        transaction.on_commit(_refresh)


def _changed(sender, instance, created: bool = False, raw: bool = False, update_fields=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if not created and not raw and update_fields is None:
        _refresh_on_commit()


def _deleted(sender, instance, **kwargs) -> None:  # type: ignore[no-untyped-def]
    _refresh_on_commit()


def connect() -> None:
    for model in (Meeting, AgendaItem, Reference):
        post_save.connect(_changed, sender=model, dispatch_uid=f"followup_changed_{model.__name__}")
    for model in (AgendaItem, Reference):
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"followup_deleted_{model.__name__}")
