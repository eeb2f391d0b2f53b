"""The command line: bad input gives one Swedish line and exit code 2; batches, --out, -j, --format text."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from beslutskoll.cli import main
from conftest import EXAMPLES, run_cli

GOOD_TXT = EXAMPLES / "protokoll-socialnamnden.txt"
GOOD_PDF = EXAMPLES / "protokoll-samverkansrad.pdf"


def _pdf(draw) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, encrypt=StandardEncryption("hemligt", ownerPassword="ägare"))
    canvas.drawString(72, 760, "Protokoll fört vid socialnämndens sammanträde")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _zip(**members: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/"), text)
    return buf.getvalue()


# name → (content, a word the reason must contain)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "tom.txt": (b"", "tom"),
    "blanksteg.txt": (b"  \n\n\t \n", "tom"),
    "skrap.bin": (bytes(range(256)) * 40, "format"),
    "skrap.txt": (b"\x00\x01\x02\x03" * 500, "format"),
    "avklippt.pdf": (GOOD_PDF.read_bytes()[: GOOD_PDF.stat().st_size // 2], "trasig"),
    "bara-huvud.pdf": (b"%PDF-1.7\n", "trasig"),
    "krypterad.pdf": (_encrypted_pdf(), "krypterad"),
    "skannad.pdf": (_pdf(lambda c: c.rect(72, 72, 400, 600, fill=1)), "textlager"),
    "trasig.docx": (b"PK\x03\x04" + b"\x00" * 300, "DOCX"),
    "utan-delar.docx": (_zip(word__document_xml="<inte xml"), "DOCX"),
    "arkiv.zip": (_zip(hej_txt="hej"), "format"),
    "bild.png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "OCR"),
}


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    for name, (content, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "en-mapp").mkdir()
    return tmp_path


def _one_swedish_line(err: str, name: str, word: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert name in lines[0]
    assert word.lower() in lines[0].lower()
    assert lines[0].startswith("beslutskoll: ")
    assert "Traceback" not in err and "Error" not in err


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_one_swedish_line_and_exit_2(bad_dir: Path, name: str, capsys) -> None:
    assert main(["parse", str(bad_dir / name)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    _one_swedish_line(err, name, BAD_FILES[name][1])


@pytest.mark.parametrize(("name", "word"), [("en-mapp", "mapp"), ("finns-inte.pdf", "finns inte")])
def test_directory_and_missing_path(bad_dir: Path, name: str, word: str, capsys) -> None:
    assert main(["parse", str(bad_dir / name)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    _one_swedish_line(err, name, word)


def test_bad_file_in_a_real_process_has_no_traceback(bad_dir: Path) -> None:
    result = run_cli("parse", bad_dir / "krypterad.pdf")
    assert result.returncode == 2
    assert result.stdout == ""
    _one_swedish_line(result.stderr, "krypterad.pdf", "krypterad")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_file_does_not_stop_the_others(bad_dir: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "ut"
    result = run_cli(
        "parse", "-j", jobs, "--out", out, GOOD_TXT, bad_dir / "avklippt.pdf", GOOD_PDF, bad_dir / "tom.txt"
    )
    assert result.returncode == 2
    assert sorted(p.name for p in out.iterdir()) == [
        "protokoll-samverkansrad.json",
        "protokoll-socialnamnden.json",
    ]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, result.stderr
    assert "avklippt.pdf" in lines[0] and "tom.txt" in lines[1]
    assert lines[2] == "beslutskoll: 2 av 4 filer kunde inte tolkas"
    assert "Traceback" not in result.stderr


def test_out_writes_one_json_per_file(tmp_path: Path, capsys) -> None:
    files = sorted(EXAMPLES.glob("*.txt"))
    assert main(["parse", "--out", str(tmp_path / "ut"), *map(str, files)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    written = sorted((tmp_path / "ut").iterdir())
    assert [p.name for p in written] == [f"{f.stem}.json" for f in files]
    for path in written:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["schema"] == "beslutskoll/extraction/v1"


def test_out_keeps_files_with_the_same_stem_apart(tmp_path: Path, capsys) -> None:
    stem = "protokoll-socialnamnden"
    files = [EXAMPLES / f"{stem}{ext}" for ext in (".txt", ".pdf", ".docx")]
    assert main(["parse", "--out", str(tmp_path), *map(str, files)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{f.name}.json" for f in files)


def test_text_summaries_never_take_a_source_name(tmp_path: Path, capsys) -> None:
    source = tmp_path / "kallelse.txt"
    shutil.copyfile(EXAMPLES / "kallelse-bun.pdf", source.with_suffix(".pdf"))
    shutil.copyfile(EXAMPLES / "kallelse-bun.txt", source)
    before = source.read_bytes()
    assert main(["parse", "--format", "text", "--out", str(tmp_path), str(source.with_suffix(".pdf"))]) == 0
    assert source.read_bytes() == before
    assert (tmp_path / "kallelse.sammanfattning.txt").read_text(encoding="utf-8").startswith("Kallelse: ")


def test_out_never_overwrites_an_input(tmp_path: Path, capsys) -> None:
    source = tmp_path / "x.json"
    shutil.copyfile(GOOD_TXT, source)  # a text document that happens to be named .json
    before = source.read_bytes()
    assert main(["parse", "--out", str(tmp_path), str(source)]) == 2
    _, err = capsys.readouterr()
    _one_swedish_line(err, "x.json", "skriva över")
    assert source.read_bytes() == before


def test_out_that_is_a_file_is_one_swedish_line(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    assert main(["parse", "--out", str(blocker), str(GOOD_TXT)]) == 2
    _, err = capsys.readouterr()
    _one_swedish_line(err, "fil", "utmappen")


def test_parallel_gives_the_same_results_in_input_order(tmp_path: Path) -> None:
    files = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.pdf"))
    serial = run_cli("parse", *files)
    parallel = run_cli("parse", "-j", "2", *files)
    assert serial.returncode == parallel.returncode == 0, parallel.stderr
    assert parallel.stdout == serial.stdout
    decoder = json.JSONDecoder()
    text, objects = parallel.stdout, []
    while text.strip():
        obj, end = decoder.raw_decode(text.lstrip())
        objects.append(obj)
        text = text.lstrip()[end:]
    assert len(objects) == len(files)


def test_format_text_prints_a_swedish_summary(capsys) -> None:
    assert main(["parse", "--format", "text", str(GOOD_TXT)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    first = out.splitlines()[0]
    assert first.startswith("Protokoll: ")
    assert "Ärenden (" in out


@pytest.mark.parametrize(
    ("args", "word"),
    [([], "saknas"), (["parse"], "saknas"), (["parse", "-j", "0", "x"], "minst 1"), (["tolka"], "ogiltigt")],
)
def test_usage_errors_are_swedish(args: list[str], word: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    _, err = capsys.readouterr()
    assert word in err
    assert "usage" not in err and "error" not in err


def test_text_named_pdf_is_read_as_text(tmp_path: Path, capsys) -> None:
    disguised = tmp_path / "protokoll.pdf"
    shutil.copyfile(GOOD_TXT, disguised)
    assert main(["parse", str(disguised)]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "beslutskoll/extraction/v1"
