"""The search index: one Entry per agenda item, plus the engine's own full-text structure.

Entry.key orders entries by meeting date (days since 1900 in the high bits, the item id in
the low 43), so that "the most recent matches" is a plain descending scan of the key in both
engines and a date range is a key range. Facet values are denormalised into FacetSet rows
shared by many entries, so that facet counts are one GROUP BY on an integer column.

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


class FacetSet(models.Model):
    """One combination of facet values; many entries share it."""

    body_id = models.BigIntegerField(null=True, db_index=True)
    organisation_id = models.BigIntegerField(null=True)
    year = models.IntegerField(null=True)
    kinds = models.CharField(max_length=200, blank=True)  # decision kinds, space-separated, sorted
    parties = models.CharField(max_length=1000, blank=True)  # party labels, space-separated, sorted

    class Meta:
        verbose_name = "facettkombination"
        verbose_name_plural = "facettkombinationer"


class Entry(models.Model):
    key = RowidField(primary_key=True)
    item = models.OneToOneField("store.AgendaItem", on_delete=models.CASCADE, related_name="search_entry")
    meeting_id = models.BigIntegerField(db_index=True)
    facet_set_id = models.BigIntegerField()

    class Meta:
        verbose_name = "sökpost"
        verbose_name_plural = "sökposter"
