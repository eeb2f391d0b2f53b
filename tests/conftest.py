"""Shared paths and helpers for the tests."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXPECTED = EXAMPLES / "expected"
# the project's shared test data lies beside the repository (../shared)
SHARED = ROOT.parent / "shared"

EXAMPLE_STEMS = sorted(p.stem for p in EXPECTED.glob("*.json"))
EXAMPLE_FILES = sorted(
    p
    for p in EXAMPLES.iterdir()
    if p.suffix in (".txt", ".pdf", ".docx", ".html") and p.stem in EXAMPLE_STEMS
)


def shared_dir(*parts: str) -> Path:
    """A folder of the shared test data, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"shared test data not found at {path}")
    return path


@pytest.fixture(scope="session")
def scorer():
    """The shared scorer (../shared/eval/score.py), imported as a module."""
    path = shared_dir("eval") / "score.py"
    spec = importlib.util.spec_from_file_location("shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_cli(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "beslutskoll.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


# --- the register (Django) -------------------------------------------------------------------
# Register tests run against SQLite by default and against PostgreSQL when BESLUTSKOLL_TEST_DB
# is a postgresql:// URL of a server where we may create databases (scripts/test does both).


def fresh_database(tmp_path: Path, name: str) -> str:
    """A new, empty database of the kind under test: its URL (PostgreSQL) or file path (SQLite)."""
    server = os.environ.get("BESLUTSKOLL_TEST_DB", "")
    if not server.startswith("postgres"):
        return str(tmp_path / f"{name}.sqlite3")
    import psycopg

    db_name = f"bk_{name}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db_name}"')
    return server.rsplit("/", 1)[0] + "/" + db_name


@pytest.fixture(scope="session")
def register(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Django set up in this process on a fresh database; returns that database."""
    data = tmp_path_factory.mktemp("data")
    os.environ["BESLUTSKOLL_DATA"] = str(data)
    url = fresh_database(data, "session")
    from beslutskoll.config import setup

    setup(url)
    return url


@pytest.fixture
def db(register: str):
    """Each test's changes rolled back at its end."""
    from django.db import transaction

    with transaction.atomic():
        yield register
        transaction.set_rollback(True)


def cli_env(database: str, data: Path) -> dict[str, str]:
    """Environment for running the CLI in a subprocess on its own database and data folder."""
    return {**os.environ, "BESLUTSKOLL_DB": database, "BESLUTSKOLL_DATA": str(data)}


@pytest.fixture(scope="module")
def examples(register: str):
    """The examples in the register for one test module (rolled back after it)."""
    from webdata import examples_in_register

    with examples_in_register():
        yield


@pytest.fixture
def client(examples):
    """A Django test client on the register holding the examples."""
    from django.test import Client

    return Client(HTTP_HOST="localhost")
