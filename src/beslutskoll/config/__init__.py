"""Django configuration of the register: database choice and start-up.

The register is a Django project; everything that touches the database calls
`setup()` first. The database is chosen, in order, by the `db` argument (the
CLI's --db), the BESLUTSKOLL_DB environment variable, or one SQLite file in the
user's data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

_ready = False


def setup(db: str | Path | None = None, *, migrate: bool = True) -> None:
    """Configure Django once per process; create or upgrade the database schema."""
    global _ready
    if db is not None:
        os.environ["BESLUTSKOLL_DB"] = str(db)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutskoll.config.settings")
    if _ready:
        return
    import django

    django.setup()
    _ready = True
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
