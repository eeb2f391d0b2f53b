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
    from beslutskoll.pipeline import parse
    from beslutskoll.store.ingest import Parsed, store
    from beslutskoll.store.models import AgendaItem, Meeting

    path = EXAMPLES / "protokoll-socialnamnden.txt"
    extraction = parse(path)
    parsed = Parsed.of(path)
    assert store(parsed) == "ny"
    meeting = Meeting.objects.get(file__sha256=parsed.sha256)
    assert meeting.body is not None and meeting.body.name == extraction.meeting.body
    assert str(meeting.date) == extraction.meeting.date
    titles = list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True))
    assert titles == [item.title for item in extraction.items]
    assert meeting.attendances.count() == len(extraction.participants)


def test_same_minutes_in_another_format_are_one_meeting(tmp_path: Path) -> None:
    folder = tmp_path / "dokument"
    folder.mkdir()
    for suffix in ("pdf", "docx", "txt"):
        shutil.copy(EXAMPLES / f"protokoll-socialnamnden.{suffix}", folder / f"protokoll.{suffix}")
    shutil.copy(EXAMPLES / "kallelse-bun.pdf", folder / "kallelse.pdf")
    database = fresh_database(tmp_path, "format")
    env = cli_env(database, tmp_path / "data")

    result = run_cli("ingest", folder, env=env)
    assert result.returncode == 0, result.stderr
    assert "Inläsning klar: 2 nya, 2 i annat format (samma handling), 0 ersatta" in result.stdout
    # every file is kept, byte for byte; the minutes make one meeting with three files
    assert count(database, "store_sourcefile") == 4
    assert count(database, "store_meeting") == 2
    (record,) = query(database, "SELECT f.id, f.name FROM store_meeting m JOIN store_sourcefile f ON f.id = m.file_id "
                                "WHERE f.name LIKE 'protokoll.%'")
    others = query(database, f"SELECT name FROM store_sourcefile WHERE same_as_id = {record[0]} ORDER BY name")
    assert sorted([record[1], *(name for (name,) in others)]) == ["protokoll.docx", "protokoll.pdf", "protokoll.txt"]
    again = run_cli("ingest", folder, env=env)
    assert "0 nya, 0 ersatta, 4 oförändrade" in again.stdout


def test_meeting_page_and_api_list_the_other_formats(db: str, tmp_path: Path) -> None:
    from django.test import Client

    from beslutskoll.store.ingest import Parsed, store
    from beslutskoll.store.models import Meeting

    outcomes = [store(Parsed.of(EXAMPLES / f"protokoll-samverkansrad.{suffix}")) for suffix in ("docx", "txt")]
    assert outcomes == ["ny", "annat format"]
    meeting = Meeting.objects.get()
    client = Client(SERVER_NAME="localhost")
    page = client.get(f"/sammantrade/{meeting.id}/").content.decode()
    assert "protokoll-samverkansrad.docx" in page and "protokoll-samverkansrad.txt" in page
    assert "samma handling i 2 format" in page
    data = client.get(f"/api/meetings/{meeting.id}").json()
    assert data["file"]["name"] == "protokoll-samverkansrad.docx"
    assert [f["name"] for f in data["other_formats"]] == ["protokoll-samverkansrad.txt"]


def test_meeting_page_links_the_notice_and_the_minutes_of_one_day(db: str, tmp_path: Path) -> None:
    import dataclasses

    from django.test import Client

    from beslutskoll.store.ingest import Parsed, store
    from beslutskoll.store.models import Meeting

    minutes = Parsed.of(EXAMPLES / "protokoll-socialnamnden.txt")
    # the notice of the same meeting: same body and day, its own file
    path = tmp_path / "kallelse.txt"
    path.write_text("Kallelse\n" + (EXAMPLES / "protokoll-socialnamnden.txt").read_text(encoding="utf-8"))
    notice = Parsed.of(path)
    notice = dataclasses.replace(notice, extraction={**notice.extraction, "document_type": "kallelse"})
    assert [store(minutes), store(notice)] == ["ny", "ny"]
    protokoll, kallelse = Meeting.objects.get(document_type="protokoll"), Meeting.objects.get(document_type="kallelse")
    client = Client(SERVER_NAME="localhost")
    page = client.get(f"/sammantrade/{protokoll.id}/").content.decode()
    assert "Samma sammanträde" in page and f'href="/sammantrade/{kallelse.id}/">Kallelse</a>' in page
    assert f'href="/sammantrade/{protokoll.id}/">Protokoll</a>' in client.get(f"/sammantrade/{kallelse.id}/").content.decode()


# --- helpers for looking into a register that a CLI subprocess wrote ----------------------------


def query(database: str, sql: str) -> list[tuple]:
    """Rows of a plain SQL query on a register database (SQLite path or PostgreSQL URL)."""
    if database.startswith("postgres"):
        import psycopg

        with psycopg.connect(database) as conn:
            return conn.execute(sql).fetchall()
    import sqlite3

    conn = sqlite3.connect(database, timeout=30)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def count(database: str, table: str) -> int:
    try:
        return query(database, f"SELECT COUNT(*) FROM {table}")[0][0]
    except Exception:  # the table is not there yet while the first migrate runs
        return 0


def copies(folder: Path, n: int) -> list[Path]:
    """n documents with different bytes: the examples, each copy with its own closing line."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(EXAMPLES.glob("*.txt"))
    made = []
    for i in range(n):
        source = sources[i % len(sources)]
        target = folder / f"{source.stem}-{i:03d}.txt"
        target.write_text(source.read_text(encoding="utf-8") + f"\nKopia nummer {i}.\n", encoding="utf-8")
        made.append(target)
    return made


def test_changed_document_replaces_and_keeps_history(tmp_path: Path) -> None:
    folder = tmp_path / "dokument"
    folder.mkdir()
    doc = folder / "protokoll.txt"
    text = (EXAMPLES / "protokoll-socialnamnden.txt").read_text(encoding="utf-8")
    doc.write_text(text, encoding="utf-8")
    database = fresh_database(tmp_path, "replace")
    env = cli_env(database, tmp_path / "data")
    assert "1 nya" in run_cli("ingest", folder, env=env).stdout

    doc.write_text(text.replace("Ekonomisk uppföljning", "Ekonomisk uppföljning (rättad)"), encoding="utf-8")
    result = run_cli("ingest", folder, env=env)
    assert result.returncode == 0, result.stderr
    assert "0 nya, 1 ersatta, 0 oförändrade" in result.stdout
    files = query(database, "SELECT id, superseded_by_id FROM store_sourcefile ORDER BY id")
    assert len(files) == 2 and files[0][1] == files[1][0] and files[1][1] is None
    meetings = query(database, "SELECT file_id FROM store_meeting")
    assert meetings == [(files[1][0],)]
    titles = [t for (t,) in query(database, "SELECT title FROM store_agendaitem")]
    assert any("(rättad)" in t for t in titles)
    # the old extraction stays with its file, and both originals are kept on disk
    assert len(list((tmp_path / "data" / "filer").glob("*/*"))) == 2
    assert "1 oförändrade" in run_cli("ingest", folder, env=env).stdout


def test_bad_paths_one_swedish_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "dokument"
    folder.mkdir()
    shutil.copy(EXAMPLES / "kallelse-bun.txt", folder)
    (folder / "tom.pdf").write_bytes(b"")
    env = cli_env(fresh_database(tmp_path, "badpaths"), tmp_path / "data")
    missing = tmp_path / "finns-inte.pdf"

    result = run_cli("ingest", folder, missing, env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert "1 nya" in result.stdout and "2 misslyckade" in result.stdout
    failures = [line for line in result.stdout.splitlines() if line.startswith("  misslyckades:")]
    assert len(failures) == 2
    assert any("finns-inte.pdf" in line and "finns inte" in line for line in failures)
    assert any("tom.pdf" in line for line in failures)
    # what was stored before stays: the next run finds it unchanged
    again = run_cli("ingest", folder, env=env)
    assert "1 oförändrade" in again.stdout


def test_unusable_database_is_one_line(tmp_path: Path) -> None:
    result = run_cli("ingest", "--db", tmp_path / "saknas" / "mapp" / "db.sqlite3", EXAMPLES / "kallelse-bun.txt",
                     env=cli_env(str(tmp_path / "x.sqlite3"), tmp_path / "data"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "registret kan inte öppnas" in lines[0]


def test_kill_mid_batch_then_ingest_again_stores_each_once(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    total = 40
    folder = tmp_path / "dokument"
    copies(folder, total)
    database = fresh_database(tmp_path, "kill")
    data = tmp_path / "data"
    env = cli_env(database, data)
    proc = subprocess.Popen(
        [sys.executable, "-m", "beslutskoll.cli", "ingest", "-j", "2", str(folder)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    # kill as soon as a few documents are in: mid-batch, most likely mid-transaction
    deadline = time.monotonic() + 240
    while count(database, "store_sourcefile") < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = count(database, "store_sourcefile")
    assert 0 < stored < total, "the kill should land mid-batch"
    # every committed document is whole: a meeting for each file
    assert count(database, "store_meeting") == stored

    result = run_cli("ingest", "-j", "2", folder, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{total - stored} nya, 0 ersatta, {stored} oförändrade, 0 misslyckade" in result.stdout

    shas = [sha for (sha,) in query(database, "SELECT sha256 FROM store_sourcefile")]
    assert len(shas) == len(set(shas)) == total
    assert count(database, "store_meeting") == total
    assert query(database, "SELECT COUNT(*) FROM store_sourcefile f LEFT JOIN store_meeting m "
                           "ON m.file_id = f.id WHERE m.id IS NULL") == [(0,)]
    assert query(database, "SELECT COUNT(*) FROM store_agendaitem i LEFT JOIN store_meeting m "
                           "ON i.meeting_id = m.id WHERE m.id IS NULL") == [(0,)]
    # the kept originals: exactly one whole copy per document, no temporary files left behind
    kept = sorted(p for p in (data / "filer").rglob("*") if p.is_file())
    assert sorted(p.name for p in kept) == sorted(shas)
    from beslutskoll.store.ingest import sha256_of

    assert all(sha256_of(p) == p.name for p in kept)


def test_progress_line_on_a_terminal(monkeypatch) -> None:
    import io

    from beslutskoll.commands.ingest import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    progress = Progress(4)
    for _ in range(4):
        progress.step()
    progress.finish()
    last = screen.getvalue().split("\r")[-1]
    assert "4/4 dokument" in last and "dok/min" in last and "kvar" in last and "█" * Progress.WIDTH in last


def test_document_changed_back_to_an_earlier_version(db: str, tmp_path: Path) -> None:
    from beslutskoll.store.ingest import Parsed, sha256_of, store
    from beslutskoll.store.models import Meeting, SourceFile

    doc = tmp_path / "kallelse.txt"
    first = (EXAMPLES / "kallelse-bun.txt").read_text(encoding="utf-8")

    def ingest(text: str) -> str:
        doc.write_text(text, encoding="utf-8")
        return store(Parsed.of(doc))

    assert ingest(first) == "ny"
    sha_first = sha256_of(doc)
    assert ingest(first + "\nTillägg.\n") == "ersatt"
    assert ingest(first) == "ersatt"
    mine = SourceFile.objects.filter(source_path=str(doc.resolve()))
    assert mine.count() == 2
    assert list(Meeting.objects.filter(file__in=mine).values_list("file__sha256", flat=True)) == [sha_first]
    assert mine.get(sha256=sha_first).superseded_by is None


def test_file_changed_after_parsing_is_refused(db: str, tmp_path: Path) -> None:
    from beslutskoll.pipeline import parse_document
    from beslutskoll.store.ingest import ChangedWhileReading, Parsed, sha256_of, store
    from beslutskoll.store.models import SourceFile
    from beslutskoll.store.privacy import original_path

    path = tmp_path / "kallelse.txt"
    # content of its own: the data folder of the session is shared by the tests
    path.write_text((EXAMPLES / "kallelse-bun.txt").read_text(encoding="utf-8") + "\nFörsta versionen.\n",
                    encoding="utf-8")
    sha = sha256_of(path)
    doc, ex = parse_document(path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\nÄndrad under inläsningen.\n")
    with pytest.raises(ChangedWhileReading):
        store(Parsed(path, sha, path.stat().st_size, doc.format, [p.lines for p in doc.pages], ex.to_dict()))
    assert not SourceFile.objects.filter(sha256=sha).exists()
    assert not original_path(sha).exists()
    assert not list(original_path(sha).parent.glob(".*.tmp"))
