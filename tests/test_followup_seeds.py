"""The bar on the real shared samples: ingest them, then `beslutskoll followup --json`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env, fresh_database, run_cli, shared_dir

pytestmark = pytest.mark.register

# Jämtlands län from SCB's table of municipalities, in case the register's own table is not loaded
_LOAD_COUNTY = """
from beslutskoll.config import setup
setup()
from beslutskoll.store.models import Organisation as O
rows = [("lan", "23", "Jämtlands län"), ("region", "23", "Region Jämtland Härjedalen"),
        ("kommun", "2303", "Ragunda kommun"), ("kommun", "2305", "Bräcke kommun"),
        ("kommun", "2309", "Krokoms kommun"), ("kommun", "2313", "Strömsunds kommun"),
        ("kommun", "2321", "Åre kommun"), ("kommun", "2326", "Bergs kommun"),
        ("kommun", "2361", "Härjedalens kommun"), ("kommun", "2380", "Östersunds kommun")]
for kind, code, name in rows:
    if not O.objects.filter(kind=kind, scb_code=code).exists():
        O.objects.update_or_create(name=name, defaults={"kind": kind, "scb_code": code, "county_code": "23"})
"""


def _by_label(data: dict, date: str) -> dict:
    found = [r for r in data["rekommendationer"] if r["datum"] == date]
    assert len(found) == 1, [r["rekommendation"] for r in data["rekommendationer"]]
    return found[0]


def test_followup_on_the_shared_samples(tmp_path: Path) -> None:
    seeds = shared_dir("corpus", "seeds")
    env = cli_env(fresh_database(tmp_path, "seeds"), tmp_path / "data")
    subprocess.run([sys.executable, "-c", _LOAD_COUNTY], env=env, check=True, timeout=300)
    assert run_cli("ingest", "-j", "2", seeds, env=env).returncode == 0

    result = run_cli("followup", "--json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)

    avtal = _by_label(data, "2022-10-07")
    assert avtal["organ"] == "SVOM"
    cells = {row["part"]: row for row in avtal["matris"]}
    assert cells["Strömsunds kommun"]["status"] == "antagen"
    decision = cells["Strömsunds kommun"]["beslut"]
    assert (decision["datum"], decision["paragraf"]) == ("2022-11-17", "152")

    mal = _by_label(data, "2021-02-26")
    assert mal["paragraf"] == "9"
    statuses = {row["part"]: row["status"] for row in mal["matris"]}
    assert statuses == {
        "Region Jämtland Härjedalen": "okänd",
        "Strömsunds kommun": "antagen", "Härjedalens kommun": "antagen", "Bergs kommun": "antagen",
        "Krokoms kommun": "ej beslutad", "Ragunda kommun": "ej beslutad", "Bräcke kommun": "ej beslutad",
        "Åre kommun": "ej beslutad", "Östersunds kommun": "ej beslutad",
    }
    notes = {row["part"]: row["anteckning"] or "" for row in mal["matris"]}
    assert "vecka" in notes["Bräcke kommun"] and "formuleringen" in notes["Östersunds kommun"]

    text = run_cli("followup", "--body", "SVOM", env=env)
    assert text.returncode == 0, text.stderr
    assert "Öppna rekommendationer" in text.stdout and "Strömsunds kommun" in text.stdout
