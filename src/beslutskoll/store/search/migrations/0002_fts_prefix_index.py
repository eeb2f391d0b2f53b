"""SQLite: the FTS5 table gets prefix indexes for 2, 3 and 4 letters.

A short prefix query ("bygg*") otherwise merges the doclists of every term that begins with
it (hundreds, tens of thousands of matches) on each search; with a prefix index it reads one
doclist. FTS5 can't add a prefix index to an existing table, so the table is made anew and
its rows copied (the prepared terms are stored in it, so nothing is tokenized again).
PostgreSQL needs nothing here: its prefix matching walks the GIN index's sorted keys.
"""

from django.db import migrations

COLUMNS = "title, decision, summary, other, variants, meta, people"
TOKENIZE = "tokenize='unicode61 remove_diacritics 0'"
TRIGGER = (
    "CREATE TRIGGER search_entry_delete AFTER DELETE ON search_entry "
    "BEGIN DELETE FROM search_fts WHERE rowid = old.key; END"
)


def _remake(prefix: str):  # type: ignore[no-untyped-def]
    options = f"{TOKENIZE}, prefix='{prefix}'" if prefix else TOKENIZE

    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor != "sqlite":
            return
        for sql in (
            "DROP TRIGGER IF EXISTS search_entry_delete",
            f"CREATE VIRTUAL TABLE search_fts_new USING fts5({COLUMNS}, {options})",
            f"INSERT INTO search_fts_new (rowid, {COLUMNS}) SELECT rowid, {COLUMNS} FROM search_fts",
            "INSERT INTO search_fts_new (search_fts_new) VALUES ('optimize')",
            "DROP TABLE search_fts",
            "ALTER TABLE search_fts_new RENAME TO search_fts",
            TRIGGER,
        ):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_remake("2 3 4"), _remake(""))]
