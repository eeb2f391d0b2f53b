"""The search index: one Entry per agenda item, plus the engine's own full-text structure.

Entry.key (keys.py) orders entries by meeting date and carries the facet values, so that
ranking the most recent matches and counting facets never read the entries themselves.
Place numbers the (body, organisation) pairs for the key.

The full-text structure is created by migration 0001 per database: on SQLite an FTS5 table
`search_fts` (rowid = Entry.key; rows removed by a trigger when an entry is deleted), on
PostgreSQL tsvector columns on `search_entry` with GIN indexes.
"""

from __future__ import annotations

from django.db import models


class RowidField(models.BigIntegerField):
    """A 64-bit key; declared INTEGER on SQLite so that it is the table's rowid (one B-tree lookup)."""

    def db_type(self, connection):  # type: ignore[no-untyped-def]
        if connection.vendor == "sqlite":
            return "integer"
        return super().db_type(connection)


class Place(models.Model):
    """A body with its organisation, numbered for the entry key."""

    body_id = models.BigIntegerField(null=True)
    organisation_id = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = "sökplats"
        verbose_name_plural = "sökplatser"


class Entry(models.Model):
    key = RowidField(primary_key=True)
    item = models.OneToOneField("store.AgendaItem", on_delete=models.CASCADE, related_name="search_entry")
    meeting_id = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = "sökpost"
        verbose_name_plural = "sökposter"
