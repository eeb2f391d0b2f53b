import django.db.models.deletion
from django.db import migrations, models

import beslutskoll.store.search.models

# the full-text structure differs per database; Django's models only cover the common tables
SQLITE = [
    # terms are prepared in Python (folded, stemmed), so the tokenizer only splits on spaces
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, decision, summary, other, variants, meta, people, tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_entry_delete AFTER DELETE ON search_entry "
    "BEGIN DELETE FROM search_fts WHERE rowid = old.key; END",
]
SQLITE_BACK = ["DROP TRIGGER IF EXISTS search_entry_delete", "DROP TABLE IF EXISTS search_fts"]
POSTGRES = [
    "ALTER TABLE search_entry ADD COLUMN tsv tsvector NOT NULL DEFAULT '', "
    "ADD COLUMN meta tsvector NOT NULL DEFAULT '', ADD COLUMN people tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX search_entry_tsv ON search_entry USING gin (tsv)",
    "CREATE INDEX search_entry_meta ON search_entry USING gin (meta)",
]
POSTGRES_BACK = [
    "DROP INDEX IF EXISTS search_entry_tsv",
    "DROP INDEX IF EXISTS search_entry_meta",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS tsv, DROP COLUMN IF EXISTS meta, DROP COLUMN IF EXISTS people",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("store", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Place",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("body_id", models.BigIntegerField(null=True)),
                ("organisation_id", models.BigIntegerField(null=True)),
            ],
            options={"verbose_name": "sökplats", "verbose_name_plural": "sökplatser"},
        ),
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("key", beslutskoll.store.search.models.RowidField(primary_key=True, serialize=False)),
                ("meeting_id", models.BigIntegerField(db_index=True)),
                (
                    "item",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="search_entry",
                        to="store.agendaitem",
                    ),
                ),
            ],
            options={"verbose_name": "sökpost", "verbose_name_plural": "sökposter"},
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_BACK, "postgresql": POSTGRES_BACK}),
        ),
    ]
