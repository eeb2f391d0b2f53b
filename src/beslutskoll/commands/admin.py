"""`beslutskoll admin ARGS...`: Django's management commands (createsuperuser, migrate …) on the register."""

from __future__ import annotations


def run_admin(args: list[str], *, db: str | None) -> int:
    from beslutskoll.config import setup

    setup(db, migrate=False)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["beslutskoll admin", *args])
    return 0
