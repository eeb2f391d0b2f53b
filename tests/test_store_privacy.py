"""Personal identity numbers: Luhn-checked, masked in everything stored as text, original kept on disk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from beslutskoll.store.privacy import PERSONNUMMER, SAMORDNINGSNUMMER, find, luhn_ok, mask, mask_data
from conftest import EXAMPLES, cli_env, fresh_database, run_cli

# fictional test numbers whose check digit passes Luhn (811218-9876 is the well-known test number)
VALID = "811218-9876"
COORDINATION = "701063-2391"  # day 63 = 3rd + 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Sökande {VALID} har ansökt", f"Sökande {PERSONNUMMER} har ansökt"),
        ("19811218-9876", PERSONNUMMER),
        ("198112189876", PERSONNUMMER),
        ("8112189876", PERSONNUMMER),
        ("811218+9876", PERSONNUMMER),  # over hundred years old
        ("811218 – 9876", PERSONNUMMER),
        (COORDINATION, SAMORDNINGSNUMMER),
        ("197010632391", SAMORDNINGSNUMMER),
        ("811218-9875", "811218-9875"),  # fails Luhn
        ("811318-9876", "811318-9876"),  # month 13
        ("Mötet 2024-10-16 kl. 09.00", "Mötet 2024-10-16 kl. 09.00"),
        ("Dnr SN.2022.471 704", "Dnr SN.2022.471 704"),
        ("Org.nr 212000-2411", "Org.nr 212000-2411"),  # organisationsnummer: month 20
        ("Tel 070-123 45 67", "Tel 070-123 45 67"),
        ("X-811218-9876", "X-811218-9876"),  # part of a longer code
        ("811218-98761", "811218-98761"),
    ],
)
def test_mask(text: str, expected: str) -> None:
    assert mask(text) == expected


def test_luhn_and_find() -> None:
    assert luhn_ok("8112189876") and not luhn_ok("8112189875")
    assert find(f"a {VALID} b 811218-9875 c {COORDINATION}") == [VALID, COORDINATION]


def test_mask_data_reaches_every_string() -> None:
    data = {"items": [{"title": f"Bistånd {VALID}", "motions": [{"by": "X", "text": f"Avslå {COORDINATION}"}]}],
            "n": 3, "none": None}
    masked = mask_data(data)
    assert VALID not in json.dumps(masked) and COORDINATION not in json.dumps(masked)
    assert masked["n"] == 3 and masked["none"] is None


def _document(folder: Path) -> Path:
    """A fictional protocol with identity numbers in a title, a decision and the file name."""
    text = (EXAMPLES / "protokoll-socialnamnden.txt").read_text(encoding="utf-8")
    text = text.replace("Ekonomisk uppföljning", f"Ekonomisk uppföljning {VALID}", 1)
    text += f"\nAnteckning: ärendet gäller {COORDINATION} och 19811218-9876.\n"
    path = folder / f"protokoll {VALID}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.register
def test_nothing_stored_as_text_holds_a_number(db: str, tmp_path: Path) -> None:
    from django.db import connection

    from beslutskoll.pipeline import parse_document
    from beslutskoll.store.ingest import Parsed, sha256_of, store
    from beslutskoll.store.models import AgendaItem, SourceFile
    from beslutskoll.store.privacy import original_path

    path = _document(tmp_path)
    doc, ex = parse_document(path)
    data = ex.to_dict()
    assert VALID in json.dumps(data, ensure_ascii=False)  # the parser keeps what it read
    store(Parsed(path, sha256_of(path), path.stat().st_size, doc.format, [p.lines for p in doc.pages], data))

    source = SourceFile.objects.get(sha256=sha256_of(path))
    assert PERSONNUMMER in source.name and VALID not in source.source_path
    masked_item = AgendaItem.objects.get(meeting__file=source, title__contains=PERSONNUMMER)
    assert masked_item.page is not None  # still found on its page of the original
    # every text column of every register table, history tables included
    digits = [VALID, VALID.replace("-", ""), COORDINATION, "19811218"]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if not table.startswith("store_"):
                continue
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
                    assert not any(d in text for d in digits), (table, column)
    # the original stays byte for byte, for authorised users
    kept = original_path(source)
    assert kept.read_bytes() == path.read_bytes()


@pytest.mark.register
def test_admin_correction_is_masked_too(db: str) -> None:
    from beslutskoll.store.models import Person

    person = Person.objects.create(name=f"Test Testsson {VALID}", affiliation=f"pnr {VALID}")
    person.refresh_from_db()
    assert person.affiliation == f"pnr {PERSONNUMMER}"
    assert person.name == f"Test Testsson {PERSONNUMMER}" and "9876" not in person.key
    assert person.history.first().affiliation == f"pnr {PERSONNUMMER}"


@pytest.mark.register
def test_ingest_command_masks(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _document(folder)
    shutil.copy(EXAMPLES / "kallelse-bun.txt", folder)
    database = fresh_database(tmp_path, "privacy")
    result = run_cli("ingest", "-j", "1", folder, env=cli_env(database, tmp_path / "data"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 nya" in result.stdout
    assert VALID not in result.stdout + result.stderr
