"""Keep the index in step with changes made outside ingest (e.g. corrections in the admin),
and give SQLite connections settings that suit searching.

Ingest creates items and indexes their meeting itself; an item or meeting that is *changed*
afterwards is reindexed when its transaction commits. Deletions need nothing here: entries
cascade with their items, and on SQLite a trigger removes their FTS5 rows.
"""

from __future__ import annotations

from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beslutskoll.store.models import AgendaItem, Body, Meeting, Organisation
from beslutskoll.store.search.models import Place
from beslutskoll.store.search.places import forget


def _reindex_on_commit(meeting_id: int) -> None:
    def run() -> None:
        if Meeting.objects.filter(id=meeting_id).exists():
            from beslutskoll.store.search.index import index_meeting

            index_meeting(meeting_id)

    transaction.on_commit(run)


@receiver(post_save, sender=AgendaItem, dispatch_uid="search_item_changed")
def item_changed(sender, instance: AgendaItem, created: bool, raw: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if not created and not raw:
        _reindex_on_commit(instance.meeting_id)


@receiver(post_save, sender=Meeting, dispatch_uid="search_meeting_changed")
def meeting_changed(sender, instance: Meeting, created: bool, raw: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if not created and not raw:
        _reindex_on_commit(instance.id)


@receiver(post_save, sender=Body, dispatch_uid="search_body_saved")
@receiver(post_delete, sender=Body, dispatch_uid="search_body_deleted")
@receiver(post_save, sender=Organisation, dispatch_uid="search_organisation_saved")
@receiver(post_delete, sender=Organisation, dispatch_uid="search_organisation_deleted")
@receiver(post_save, sender=Place, dispatch_uid="search_place_saved")
@receiver(post_delete, sender=Place, dispatch_uid="search_place_deleted")
def names_changed(sender, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """The facets' place names are kept in memory (places.py): a renamed body is named anew."""
    forget()


@receiver(connection_created, dispatch_uid="search_sqlite_pragmas")
def sqlite_for_search(sender, connection, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Let SQLite read the index through memory mapping and keep more of it cached: a search touches
    pages all over the FTS5 index and the entry table, and with the default 2 MB cache each of them
    would be a read() again on the next search."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA mmap_size = {1 << 30}")
            cursor.execute("PRAGMA cache_size = -32768")
            cursor.execute("PRAGMA temp_store = MEMORY")
