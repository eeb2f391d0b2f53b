"""The models and their migrations agree (a model change without its migration fails here)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.register


def test_no_missing_migrations(register: str) -> None:
    from django.core.management import call_command

    call_command("makemigrations", "store", check=True, dry_run=True, verbosity=0)
