"""The project's fictional example documents in the register, for the web and API tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import EXAMPLES

# one file per example document (the .docx and .txt twins would be the same meetings again)
EXAMPLE_DOCUMENTS = sorted([*EXAMPLES.glob("*.pdf"), *EXAMPLES.glob("*.html")])


def ingest(paths: list[Path]) -> None:
    from beslutskoll.store.ingest import Parsed, store

    for path in paths:
        store(Parsed.of(path))


@contextmanager
def examples_in_register() -> Iterator[None]:
    """The examples stored inside a transaction that is rolled back afterwards, so that the session's
    database is left as it was for the other test modules."""
    from django.db import transaction

    with transaction.atomic():
        ingest(EXAMPLE_DOCUMENTS)
        yield
        transaction.set_rollback(True)
