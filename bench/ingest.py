"""Throughput and memory of `beslutskoll ingest -j 2`: documents per minute and peak memory.

    uv run python bench/ingest.py [--copies 10]

Makes N copies of every bundled example (PDF, DOCX, HTML, text), each copy with different
bytes (a closing line, a PDF comment, a DOCX zip comment) so that each is a new file (the
PDF, DOCX and text of one copy are one document in three formats: parsed each, and stored as
one meeting with its files), and ingests them as a user would into a fresh SQLite file, then into a fresh PostgreSQL
database when `scripts/postgres` can start one. Prints documents per minute, the time per
document, the CPU time of all its processes (which other load on the machine does not inflate)
and the peak memory of the largest process; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
JOBS = 2


def make_copies(copies: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".pdf", ".docx", ".html"))
    files = []
    for i in range(copies):
        for src in sources:
            target = folder / f"{src.stem}-{i:04d}{src.suffix}"
            if src.suffix == ".docx":
                shutil.copyfile(src, target)
                with zipfile.ZipFile(target, "a") as docx:
                    docx.comment = f"kopia {i}".encode()
            elif src.suffix == ".pdf":
                target.write_bytes(src.read_bytes() + f"%kopia {i}\n".encode())
            elif src.suffix == ".html":
                target.write_bytes(src.read_bytes() + f"<!-- kopia {i} -->\n".encode())
            else:
                target.write_bytes(src.read_bytes() + f"\nKopia {i}.\n".encode())
            files.append(target)
    return files


def ingest(folder: Path, database: str, data: Path) -> tuple[float, float, float, str]:
    """(wall seconds, peak MB of the largest process, CPU seconds of all its processes, summary line)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(time.perf_counter() - t)\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(u.ru_maxrss)\n"
        "print(u.ru_utime + u.ru_stime)\n"
        "print((r.stdout.strip().splitlines() or [r.stderr.strip()])[0])\n"
    )
    cmd = [sys.executable, "-m", "beslutskoll.cli", "ingest", "-j", str(JOBS), str(folder)]
    env = {**os.environ, "BESLUTSKOLL_DB": database, "BESLUTSKOLL_DATA": str(data)}
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env, check=True)
    seconds, rss_kb, cpu, summary = out.stdout.strip().splitlines()[:4]
    return float(seconds), int(rss_kb) / 1024, float(cpu), summary


def postgres_database() -> str | None:
    """A fresh database on the throw-away server of scripts/postgres, or None."""
    try:
        server = subprocess.run([str(ROOT / "scripts" / "postgres")], capture_output=True, text=True,
                                check=True).stdout.strip()
        import psycopg

        name = f"bk_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return server.rsplit("/", 1)[0] + "/" + name
    except Exception:
        return None


def report(label: str, n: int, seconds: float, rss: float, cpu: float, summary: str) -> None:
    print(f"{label}: {n} dokument på {seconds:.1f} s = {60 * n / seconds:.0f} dokument/min "
          f"({1000 * seconds / n:.0f} ms/dokument), minnestopp {rss:.0f} MB")
    # CPU time tells the cost apart from what other processes on the machine take of the 2 cores
    print(f"  CPU-tid {cpu:.1f} s ({1000 * cpu / n:.0f} ms/dokument, alla processer); {summary}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10, help="copies of each example (13 files each)")
    args = ap.parse_args()
    print(f"Maskin: {os.cpu_count()} kärnor; beslutskoll ingest -j {JOBS}")
    with tempfile.TemporaryDirectory(prefix="beslutskoll-bench-ingest-") as tmp:
        base = Path(tmp)
        files = make_copies(args.copies, base / "dokument")
        n = len(files)
        seconds, rss, cpu, summary = ingest(base / "dokument", str(base / "register.sqlite3"), base / "data-sqlite")
        report("SQLite", n, seconds, rss, cpu, summary)
        again, _, _, summary = ingest(base / "dokument", str(base / "register.sqlite3"), base / "data-sqlite")
        print(f"  samma mapp igen (inget nytt): {again:.1f} s; {summary}")
        database = postgres_database()
        if database is None:
            print("PostgreSQL: saknas (scripts/postgres kunde inte starta en server)")
        else:
            seconds, rss, cpu, summary = ingest(base / "dokument", database, base / "data-pg")
            report("PostgreSQL", n, seconds, rss, cpu, summary)
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"Total tid: {time.perf_counter() - started:.0f} s")
    sys.exit(code)
