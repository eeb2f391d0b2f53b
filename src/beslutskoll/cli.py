"""Command line: parses arguments, calls the library, prints. Messages in Swedish."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from beslutskoll.errors import BeslutskollError


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="beslutskoll",
        description="Beslutskoll: från svenska mötesprotokoll till ett register över beslut.",
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    p = sub.add_parser("parse", help="tolka dokument och skriv ut extraktionen (JSON v1)")
    p.add_argument("files", nargs="+", type=Path, metavar="FIL")
    p.add_argument(
        "--out", type=Path, metavar="MAPP", help="skriv MAPP/<namn>.json i stället för standard ut"
    )
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="antal parallella processer")
    p.add_argument("--format", choices=["json", "text"], default="json", help="json (standard) eller text")

    r = sub.add_parser("repair-text", help="reparera OCR-skadad svensk text, rad för rad")
    r.add_argument("file", type=Path, metavar="FIL")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            from beslutskoll.commands.parse import run_parse

            return run_parse(args.files, out=args.out, jobs=args.jobs, fmt=args.format)
        if args.command == "repair-text":
            from beslutskoll.commands.repair import run_repair_text

            return run_repair_text(args.file)
    except BeslutskollError as exc:
        print(f"beslutskoll: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("beslutskoll: avbrutet", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
