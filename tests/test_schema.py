"""Every extraction validates against the shared JSON Schema (extraction v1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import beslutskoll
from conftest import EXAMPLE_FILES, EXPECTED, SHARED, shared_dir

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator():
    spec = shared_dir("spec") / "extraction-v1.schema.json"
    schema = json.loads(spec.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _check(validator, data: dict) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:10])


def _corpus(*parts: str, pattern: str = "*.txt") -> list[Path]:
    folder = SHARED.joinpath(*parts)
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_extraction_validates(validator, path: Path) -> None:
    _check(validator, beslutskoll.parse(path).to_dict())


@pytest.mark.parametrize("path", sorted(EXPECTED.glob("*.json")), ids=lambda p: p.name)
def test_expected_gold_validates(validator, path: Path) -> None:
    _check(validator, json.loads(path.read_text(encoding="utf-8")))


SHARED_DOCS = _corpus("corpus", "seeds") + _corpus("corpus", "real", "docs")


@pytest.mark.parametrize("path", SHARED_DOCS or [None], ids=lambda p: p.name if p else "no-shared-data")
def test_shared_corpus_extraction_validates(validator, path: Path | None) -> None:
    if path is None:
        pytest.skip(f"no shared corpus under {SHARED}")
    _check(validator, beslutskoll.parse(path).to_dict())
