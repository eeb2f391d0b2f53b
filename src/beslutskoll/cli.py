"""Command line: parses arguments, calls the library, prints. Messages in Swedish."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from beslutskoll.errors import BeslutskollError

# argparse's own messages, in Swedish (argparse looks them up through gettext)
_ARGPARSE_SV = {
    "usage: ": "användning: ",
    "options": "flaggor",
    "positional arguments": "argument",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "the following arguments are required: %s": "följande argument saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "expected one argument": "ett värde krävs",
    "expected at least one argument": "minst ett värde krävs",
    "expected at most one argument": "högst ett värde tillåts",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig flagga: %(option)s kan vara %(matches)s",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "not allowed with argument %s": "kan inte användas tillsammans med %s",
}


def _sv(message: str) -> str:
    return _ARGPARSE_SV.get(message, message)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One Swedish line (plus the usage line) and exit code 2, as argparse does."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} är inte ett heltal") from None
    if number < 1:
        raise argparse.ArgumentTypeError("måste vara minst 1")
    return number


def _parser() -> argparse.ArgumentParser:
    argparse._ = _sv  # type: ignore[attr-defined]
    ap = _Parser(
        prog="beslutskoll",
        description="Beslutskoll: från svenska mötesprotokoll till ett register över beslut.",
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="KOMMANDO", parser_class=_Parser)

    p = sub.add_parser(
        "parse",
        help="tolka dokument och skriv ut extraktionen (JSON v1)",
        description="Tolka protokoll, kallelser och mötesanteckningar (PDF, DOCX, HTML eller text).",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FIL")
    p.add_argument(
        "--out",
        type=Path,
        metavar="MAPP",
        help="skriv MAPP/<namn>.json (med --format text MAPP/<namn>.sammanfattning.txt) i stället för "
        "till standard ut; <namn>.<ändelse>.json när två filer har samma namn",
    )
    p.add_argument(
        "-j", "--jobs", type=_positive_int, default=1, metavar="N", help="antal parallella processer"
    )
    p.add_argument("--format", choices=["json", "text"], default="json", help="json (standard) eller text")

    r = sub.add_parser("repair-text", help="reparera OCR-skadad svensk text, rad för rad")
    r.add_argument("file", type=Path, metavar="FIL")

    db_help = "databasen: en SQLite-fil eller postgresql://… (standard: $BESLUTSKOLL_DB eller användarens datamapp)"
    i = sub.add_parser(
        "ingest",
        help="läs in dokument i registret",
        description="Tolka dokument och mappar (rekursivt) och spara dem i registret. "
        "En fil som redan finns lämnas orörd; en ändrad fil ersätter den gamla versionen.",
    )
    i.add_argument("paths", nargs="+", type=Path, metavar="SÖKVÄG")
    i.add_argument("--db", metavar="DB", help=db_help)
    i.add_argument(
        "-j", "--jobs", type=_positive_int, default=os.cpu_count() or 1, metavar="N",
        help="antal parallella processer (standard: antal kärnor)",
    )

    q = sub.add_parser(
        "search",
        help="sök bland ärendepunkterna i registret",
        description='Sök i registret: ord i alla böjningsformer, med eller utan å, ä, ö; "fras", prefix*, '
        "ORD OR ORD, -ord för att utesluta.",
    )
    q.add_argument("query", metavar="SÖKFRÅGA", help="sökfrågan (tom sträng: alla ärendepunkter)")
    q.add_argument("--json", action="store_true", help="skriv träffarna som JSON")
    q.add_argument("--body", metavar="ORGAN", help="bara detta organ (namn, förkortning eller id)")
    q.add_argument("--organisation", metavar="ORG", help="bara denna organisation (namn eller id)")
    q.add_argument("--from", dest="date_from", metavar="DATUM", help="sammanträden från och med DATUM (ÅÅÅÅ-MM-DD)")
    q.add_argument("--to", dest="date_to", metavar="DATUM", help="sammanträden till och med DATUM (ÅÅÅÅ-MM-DD)")
    q.add_argument("--year", type=_positive_int, metavar="ÅR", help="bara sammanträden detta år")
    q.add_argument("--kind", metavar="TYP", help="beslutstyp, t.ex. approval eller Godkännande")
    q.add_argument("--person", metavar="NAMN", help="föredragande, yrkande eller närvarande person")
    q.add_argument("--party", metavar="PARTI", help="parti, t.ex. S")
    q.add_argument("--limit", type=_positive_int, default=20, metavar="N", help="antal träffar (standard 20)")
    q.add_argument("--page", type=_positive_int, default=1, metavar="N", help="sida (standard 1)")
    q.add_argument("--base-url", default="", metavar="URL", help="gör länkarna absoluta, t.ex. http://127.0.0.1:8000")
    q.add_argument("--db", metavar="DB", help=db_help)

    x = sub.add_parser("reindex", help="bygg om sökindexet från registret")
    x.add_argument("--db", metavar="DB", help=db_help)
    f = sub.add_parser(
        "followup",
        help="följ upp rekommendationer och uppdrag",
        description="Koppla registrets beslut till rekommendationer och uppdrag och skriv ut de öppna "
        "rekommendationerna med antagandematris samt uppdragen med status.",
    )
    f.add_argument("--body", metavar="ORGAN", help="bara detta organ (namn eller förkortning)")
    f.add_argument("--json", action="store_true", help="skriv ut JSON")
    f.add_argument("--db", metavar="DB", help=db_help)

    rp = sub.add_parser(
        "report",
        help="skriv en uppföljningsrapport inför ett organs nästa möte",
        description="Uppföljning av rekommendationer och uppdrag, som PDF, DOCX eller Markdown.",
    )
    rp.add_argument("--body", required=True, metavar="ORGAN", help="organet (namn eller förkortning)")
    rp.add_argument("--format", choices=["pdf", "docx", "md"], default="pdf", help="pdf (standard), docx eller md")
    rp.add_argument("--out", type=Path, required=True, metavar="FIL", help="filen att skriva")
    rp.add_argument("--db", metavar="DB", help=db_help)

    s = sub.add_parser("serve", help="starta webbgränssnittet och API:t")
    s.add_argument("--db", metavar="DB", help=db_help)
    s.add_argument("--host", default="127.0.0.1", help="adress (standard 127.0.0.1)")
    s.add_argument("--port", type=_positive_int, default=8000, help="port (standard 8000)")

    a = sub.add_parser(
        "admin",
        help="Djangos administrationskommandon, t.ex. createsuperuser",
        description="Kör ett av Djangos administrationskommandon mot registret, t.ex. "
        "`beslutskoll admin createsuperuser`.",
    )
    a.add_argument("--db", metavar="DB", help=db_help)
    a.add_argument("args", nargs=argparse.REMAINDER, metavar="ARG")
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
        if args.command == "ingest":
            from beslutskoll.commands.ingest import run_ingest

            return run_ingest(args.paths, db=args.db, jobs=args.jobs)
        if args.command == "search":
            from beslutskoll.commands.search import run_search

            return run_search(
                args.query, db=args.db, as_json=args.json, body=args.body, organisation=args.organisation,
                date_from=args.date_from, date_to=args.date_to, year=args.year, kind=args.kind,
                person=args.person, party=args.party, limit=args.limit, page=args.page, base_url=args.base_url,
            )
        if args.command == "reindex":
            from beslutskoll.commands.search import run_reindex

            return run_reindex(db=args.db)
        if args.command == "followup":
            from beslutskoll.commands.followup import run_followup

            return run_followup(body=args.body, as_json=args.json, db=args.db)
        if args.command == "report":
            from beslutskoll.commands.report import run_report

            return run_report(body=args.body, fmt=args.format, out=args.out, db=args.db)
        if args.command == "serve":
            from beslutskoll.commands.serve import run_serve

            return run_serve(db=args.db, host=args.host, port=args.port)
        if args.command == "admin":
            from beslutskoll.commands.admin import run_admin

            return run_admin(args.args, db=args.db)
    except BeslutskollError as exc:
        print(f"beslutskoll: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader of our output went away (`beslutskoll parse … | head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("beslutskoll: avbrutet", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
