"""Ingest into the register: stored once by content, one meeting per document, CLI summary in Swedish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, cli_env, fresh_database, run_cli

pytestmark = pytest.mark.register


def test_ingest_twice_stores_once(tmp_path: Path) -> None:
    folder = tmp_path / "dokument"
    folder.mkdir()
    for name in ("protokoll-socialnamnden.pdf", "kallelse-bun.docx", "webbsida-kommunstyrelsen.html"):
        shutil.copy(EXAMPLES / name, folder / name)
    env = cli_env(fresh_database(tmp_path, "ingest"), tmp_path / "data")

    first = run_cli("ingest", "-j", "2", folder, env=env)
    assert first.returncode == 0, first.stderr
    assert "3 nya" in first.stdout
    second = run_cli("ingest", folder, env=env)
    assert second.returncode == 0, second.stderr
    assert "0 nya" in second.stdout and "3 oförändrade" in second.stdout


def test_ingest_reports_bad_file_and_keeps_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "dokument"
    folder.mkdir()
    shutil.copy(EXAMPLES / "protokoll-socialnamnden.txt", folder / "protokoll.txt")
    (folder / "trasig.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 trunkerad")
    env = cli_env(fresh_database(tmp_path, "bad"), tmp_path / "data")

    result = run_cli("ingest", folder, env=env)
    assert result.returncode == 2
    assert "1 nya" in result.stdout and "1 misslyckade" in result.stdout
    assert "trasig.pdf" in result.stdout
    assert "Traceback" not in result.stderr


def test_store_keeps_meeting_items_and_people(db: str) -> None:
    from beslutskoll.pipeline import parse_document
    from beslutskoll.store.ingest import Parsed, sha256_of, store
    from beslutskoll.store.models import AgendaItem, Meeting

    path = EXAMPLES / "protokoll-socialnamnden.txt"
    doc, extraction = parse_document(path)
    parsed = Parsed(path, sha256_of(path), path.stat().st_size, doc.format,
                    [p.lines for p in doc.pages], extraction.to_dict())
    assert store(parsed) == "ny"
    meeting = Meeting.objects.get(file__sha256=parsed.sha256)
    assert meeting.body is not None and meeting.body.name == extraction.meeting.body
    assert str(meeting.date) == extraction.meeting.date
    titles = list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True))
    assert titles == [item.title for item in extraction.items]
    assert meeting.attendances.count() == len(extraction.participants)
