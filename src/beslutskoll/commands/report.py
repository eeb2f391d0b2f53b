"""`beslutskoll report --body … --format pdf|docx|md --out FILE`."""

from __future__ import annotations

from pathlib import Path

from beslutskoll.errors import BeslutskollError


def run_report(*, body: str, fmt: str, out: Path, db: str | None) -> int:
    from beslutskoll.config import setup

    setup(db)
    from beslutskoll.followup import query
    from beslutskoll.followup.link import refresh
    from beslutskoll.report import write_report
    from beslutskoll.report.data import build

    refresh()
    data = build(query.find_body(body))
    try:
        write_report(data, fmt, out)
    except OSError as exc:
        raise BeslutskollError(f"{out}: kan inte skrivas ({exc.strerror})") from None
    print(f"Rapporten skrevs till {out} ({len(data['rekommendationer'])} öppna rekommendationer, "
          f"{len(data['uppdrag'])} uppdrag).")
    return 0
