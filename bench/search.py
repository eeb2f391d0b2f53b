"""Search latency on a generated register of 100 000 agenda items, SQLite and PostgreSQL.

    uv run python bench/search.py [--items 100000] [--runs 5] [--sqlite-only]

Generates a fictional Swedish register (organisations, bodies, meetings over 14 years,
people with parties, agenda items with titles, summaries and decisions from word lists),
inserts it with bulk_create, builds the search index with rebuild_index(), then times
20 typical queries through `search()` (page one, snippets and facet counts included) and,
on the same rows, a plain `LIKE '%word%'` scan counting the matches. PostgreSQL runs on
the server of scripts/postgres (a fresh database), when PostgreSQL is installed.

Times are wall-clock (what a user waits) and, for SQLite, also the CPU time of the
process: SQLite runs inside it, so that is the work itself, also when other programs
load the machine (the load average is printed beside the figures). On PostgreSQL, LIKE
is case-sensitive, hence its different LIKE counts. Only figures are printed; nothing
is asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (query, filters as keyword arguments of Filters)
QUERIES: list[tuple[str, dict]] = [
    ("budget", {}),
    ("detaljplan", {}),
    ("förskola", {}),
    ("avtalet", {}),  # stem: avtal, avtalen …
    ("upphandlingen", {}),
    ("vard", {}),  # without diacritics: vård
    ("aldreomsorgen", {}),
    ("oversiktsplan", {}),
    ('"vård och omsorg"', {}),
    ('"gång- och cykelväg"', {}),
    ("bygg*", {}),
    ("skol*", {}),
    ("trafiksäkerhet", {}),
    ("revisionsrapporten", {}),
    ("budget uppföljning", {}),
    ("bostäder hyresrätter", {}),
    ("förskola", {"body": "Barn- och utbildningsnämnden"}),
    ("budget", {"year": 2023}),
    ("avtal", {"kind": "approval"}),
    ("detaljplan", {"party": "MP"}),
]

# --- word lists (fictional) --------------------------------------------------------------------
TOPICS = [  # indefinite, definite, plural
    ("detaljplan", "detaljplanen", "detaljplaner"), ("förskola", "förskolan", "förskolor"),
    ("avtal", "avtalet", "avtalen"), ("budget", "budgeten", "budgetar"),
    ("upphandling", "upphandlingen", "upphandlingar"), ("vårdplan", "vårdplanen", "vårdplaner"),
    ("äldreomsorg", "äldreomsorgen", "äldreomsorger"), ("översiktsplan", "översiktsplanen", "översiktsplaner"),
    ("gång- och cykelväg", "gång- och cykelvägen", "gång- och cykelvägar"),
    ("revisionsrapport", "revisionsrapporten", "revisionsrapporter"), ("skolskjuts", "skolskjutsen", "skolskjutsar"),
    ("bygglov", "bygglovet", "bygglov"), ("simhall", "simhallen", "simhallar"),
    ("trafiksäkerhetsplan", "trafiksäkerhetsplanen", "trafiksäkerhetsplaner"),
    ("hemtjänst", "hemtjänsten", "hemtjänster"), ("taxa", "taxan", "taxor"),
    ("lokalförsörjningsplan", "lokalförsörjningsplanen", "lokalförsörjningsplaner"),
    ("delårsrapport", "delårsrapporten", "delårsrapporter"), ("årsredovisning", "årsredovisningen", "årsredovisningar"),
    ("motion", "motionen", "motioner"), ("medborgarförslag", "medborgarförslaget", "medborgarförslagen"),
    ("bostadsförsörjningsprogram", "bostadsförsörjningsprogrammet", "bostadsförsörjningsprogram"),
    ("vattenledning", "vattenledningen", "vattenledningar"), ("avfallsplan", "avfallsplanen", "avfallsplaner"),
    ("kollektivtrafik", "kollektivtrafiken", "kollektivtrafiklinjer"), ("vårdcentral", "vårdcentralen", "vårdcentraler"),
    ("ungdomsgård", "ungdomsgården", "ungdomsgårdar"), ("bibliotek", "biblioteket", "biblioteken"),
    ("föreningsbidrag", "föreningsbidraget", "föreningsbidragen"), ("markanvisning", "markanvisningen", "markanvisningar"),
    ("internkontrollplan", "internkontrollplanen", "internkontrollplaner"), ("idrottshall", "idrottshallen", "idrottshallar"),
    ("boendestöd", "boendestödet", "boendestöd"), ("korttidsboende", "korttidsboendet", "korttidsboenden"),
    ("tillsynsplan", "tillsynsplanen", "tillsynsplaner"), ("strandskyddsdispens", "strandskyddsdispensen",
                                                         "strandskyddsdispenser"),
    ("arbetsmiljöplan", "arbetsmiljöplanen", "arbetsmiljöplaner"), ("reglemente", "reglementet", "reglementen"),
    ("delegationsordning", "delegationsordningen", "delegationsordningar"), ("investeringsplan", "investeringsplanen",
                                                                              "investeringsplaner"),
    ("läkemedelsförsörjning", "läkemedelsförsörjningen", "läkemedelsförsörjningar"),
    ("ambulansstation", "ambulansstationen", "ambulansstationer"), ("tandvårdstaxa", "tandvårdstaxan", "tandvårdstaxor"),
    ("bredbandsutbyggnad", "bredbandsutbyggnaden", "bredbandsutbyggnader"), ("parkeringsnorm", "parkeringsnormen",
                                                                              "parkeringsnormer"),
    ("hyresrätt", "hyresrätten", "hyresrätter"), ("bostad", "bostaden", "bostäder"),
    ("fritidsgård", "fritidsgården", "fritidsgårdar"), ("elevhälsa", "elevhälsan", "elevhälsor"),
    ("skolmåltid", "skolmåltiden", "skolmåltider"), ("gatubelysning", "gatubelysningen", "gatubelysningar"),
    ("krisberedskap", "krisberedskapen", "krisberedskaper"), ("folkhälsoplan", "folkhälsoplanen", "folkhälsoplaner"),
    ("näringslivsstrategi", "näringslivsstrategin", "näringslivsstrategier"), ("kulturstipendium", "kulturstipendiet",
                                                                              "kulturstipendier"),
    ("trafiksäkerhet", "trafiksäkerheten", "trafiksäkerheter"), ("vård och omsorg", "vården och omsorgen",
                                                                 "vård- och omsorgsinsatser"),
    ("uppföljning", "uppföljningen", "uppföljningar"), ("byggnadsnämndstaxa", "byggnadsnämndstaxan",
                                                         "byggnadsnämndstaxor"),
    ("skolorganisation", "skolorganisationen", "skolorganisationer"),
]
PLACES = ["Ekby", "Strandängen", "Norra hamnen", "Björkudden", "Tallbacken", "Sjövik", "Östra Lid", "Kvarnbyn",
          "Lövåsen", "Hagaberg", "Mossen", "Älvnäs", "Grönhög", "Stenåker", "Rödbäck", "Furulund", "Kyrkbyn",
          "Västerby", "Solgläntan", "Bäckadal"]
UNITS = ["socialförvaltningen", "samhällsbyggnadsförvaltningen", "utbildningsförvaltningen", "kommunledningskontoret",
         "kultur- och fritidsförvaltningen", "tekniska förvaltningen", "regionkontoret", "hälso- och sjukvårdsförvaltningen"]
TITLES = [
    "{T} för {P}", "Yttrande över {t}", "Revidering av {d}", "Beslut om {t} {y}", "{T} {y}–{y2}",
    "Uppföljning av {d} {y}", "Svar på motion om {t} i {P}", "Information om {d}", "Ny {t} för {P}",
    "Remiss: {t} i {P}", "Ansökan om {t}, {P}", "Budget {y} för {u}", "Förslag till {t}",
]
DECISIONS = [
    ("{B} beslutar att godkänna {d}.", ["approval"]),
    ("{B} beslutar att anta {d} för {P}.", ["approval"]),
    ("{B} föreslår kommunfullmäktige att fastställa {d}.", ["recommendation"]),
    ("{B} beslutar att avslå ansökan om {t}.", ["rejection"]),
    ("Informationen om {d} läggs till handlingarna.", ["information"]),
    ("Ärendet om {d} bordläggs till nästa sammanträde.", ["deferral"]),
    ("{B} ger {u} i uppdrag att ta fram {t} och återrapportera senast {y}.", ["assignment"]),
    ("{B} överlämnar {d} till regionstyrelsen för beslut.", ["referral"]),
    ("{B} godkänner {d} och ger {u} i uppdrag att genomföra uppföljning under {y}.", ["approval", "assignment"]),
    ("{B} väljer {N} till ledamot i arbetsgruppen för {t}.", ["election"]),
]
# sentences about the item's own topic ({t}, {d}, {p}); a few general ones are added now and then
SUMMARY = [
    "{U} har tagit fram ett förslag till {t} för {P}.",
    "{D} bygger på en kartläggning av behoven i {P} under {y}.",
    "Arbetet med {d} följs upp i delårsrapporten för {y}.",
    "Nämnden har tidigare behandlat frågan om {p} i {P} och {P2}.",
    "Förslaget om {t} har tagits fram i samråd med {u}.",
    "Under {y} har {d} reviderats efter synpunkter från medborgare i {P}.",
    "{N} redogör för {d} och svarar på ledamöternas frågor.",
    "Kostnaden för {d} beräknas till {n} miljoner kronor.",
    "{D} ska gälla från och med {y} och ersätter tidigare beslut.",
    "Flera {p} i {P} behöver ses över enligt {u}.",
    "Enligt {u} finns det behov av fler {p} i {P}.",
    "Remissvaren om {d} visar stöd för förslaget med vissa ändringar.",
]
GENERAL = [
    "Kostnaden ryms inom budgeten för {y}.",
    "Förslaget har varit på remiss hos berörda nämnder och föreningar.",
    "Syftet är att förbättra vård och omsorg för äldre i kommunen.",
    "Trafiksäkerheten vid skolan i {P} har brister enligt en inventering.",
    "Behovet av bostäder och hyresrätter har ökat i {P}.",
    "Avtalet med entreprenören löper ut och en ny upphandling behöver göras.",
    "Revisorerna pekar i revisionsrapporten på brister i den interna kontrollen.",
    "En gång- och cykelväg planeras mellan {P} och {P2}.",
    "Ärendet har beretts av arbetsutskottet.",
    "Ledamöterna diskuterar tidplanen.",
]
FIRST = ["Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Eva", "Per", "Sara", "Mikael", "Lena", "Anders", "Ingrid",
         "Ola", "Sofia", "Björn", "Åsa", "Göran", "Elin", "Jonas", "Märta", "Östen", "Linnea", "Hassan", "Amira"]
LAST = ["Andersson", "Berg", "Lindqvist", "Holm", "Sjöberg", "Ek", "Nyström", "Åberg", "Lund", "Öberg", "Strand",
        "Hedlund", "Forsberg", "Wikström", "Söderlund", "Dahl", "Björk", "Karimi", "Nilsson", "Falk"]
PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]
MUNICIPALITIES = ["Ekbacka", "Norrvik", "Sjöbacka", "Älvstad", "Granlunda", "Björkvik", "Stenby", "Hallåsen",
                  "Mörkvik", "Lindö", "Västerfors", "Ödsmål", "Kvarnholm", "Tallby", "Ekered", "Rönninge",
                  "Åsele strand", "Bergsjö", "Furuvik", "Sandholm", "Hagfors strand", "Lövby", "Strömsnäs", "Gräsö"]
REGIONS = ["Västerfjäll", "Ekland", "Norrmark", "Sjölanda", "Älvdalen syd", "Skogsbygden"]
MUNICIPAL_BODIES = [("Kommunstyrelsen", "KS"), ("Kommunfullmäktige", "KF"), ("Socialnämnden", "SN"),
                    ("Barn- och utbildningsnämnden", "BUN"), ("Tekniska nämnden", "TN"),
                    ("Miljö- och byggnadsnämnden", "MBN"), ("Kultur- och fritidsnämnden", "KFN"),
                    ("Kommunstyrelsens arbetsutskott", "KSAU")]
REGION_BODIES = [("Regionstyrelsen", "RS"), ("Regionfullmäktige", "RF"), ("Hälso- och sjukvårdsnämnden", "HSN"),
                 ("Kollektivtrafiknämnden", "KTN"), ("Regionala utvecklingsnämnden", "RUN")]


def _fill(template: str, rng: random.Random, body: str, names: list[str], topic: tuple[str, str, str]) -> str:
    t, d, p = topic
    y = rng.randint(2012, 2026)
    return template.format(
        t=t, d=d, p=p, T=t[0].upper() + t[1:], D=d[0].upper() + d[1:], P=rng.choice(PLACES), P2=rng.choice(PLACES),
        y=y, y2=y + rng.randint(1, 4), u=rng.choice(UNITS), U=rng.choice(UNITS).capitalize(), B=body,
        N=rng.choice(names), n=rng.randint(1, 90),
    )


def generate(n_items: int, seed: int = 4) -> dict[str, int]:
    """The corpus, written with bulk_create; returns its sizes."""
    from beslutskoll.store.models import (
        AgendaItem,
        Attendance,
        Body,
        Meeting,
        Organisation,
        Person,
        SourceFile,
    )

    rng = random.Random(seed)
    orgs = Organisation.objects.bulk_create(
        [Organisation(name=f"{m} kommun", kind="kommun") for m in MUNICIPALITIES]
        + [Organisation(name=f"Region {r}", kind="region") for r in REGIONS]
    )
    bodies = Body.objects.bulk_create(
        [Body(name=name, abbreviation=abbr, organisation=org)
         for org in orgs
         for name, abbr in (REGION_BODIES if org.kind == "region" else MUNICIPAL_BODIES)]
    )
    names = sorted({f"{f} {ln}" for f in FIRST for ln in LAST})
    rng.shuffle(names)
    # politicians (with a party) sit in the bodies; officials (without) present most items
    politicians = Person.objects.bulk_create([Person(name=n, party=rng.choice(PARTIES)) for n in names[:400]])
    officials = Person.objects.bulk_create([Person(name=n) for n in names[400:]])
    members = {b.id: rng.sample(politicians, 11) for b in bodies}
    per_meeting = 12
    n_meetings = math.ceil(n_items / per_meeting)
    start = date(2012, 1, 1)
    plan = [(rng.choice(bodies), start + timedelta(days=rng.randint(0, 14 * 365))) for _ in range(n_meetings)]
    files = SourceFile.objects.bulk_create(
        [SourceFile(sha256=uuid.UUID(int=rng.getrandbits(128)).hex * 2, name=f"protokoll-{i}.pdf",
                    source_path=f"/bench/protokoll-{i}.pdf", size=1, extraction={}) for i in range(n_meetings)],
        batch_size=2000,
    )
    meetings = Meeting.objects.bulk_create(
        [Meeting(body=b, file=f, document_type="protokoll", date=d) for (b, d), f in zip(plan, files, strict=True)],
        batch_size=2000,
    )
    Attendance.objects.bulk_create(
        [Attendance(meeting=m, person=p, party=p.party, group="beslutande", position=i)
         for m in meetings for i, p in enumerate(members[m.body_id])],
        batch_size=5000,
    )
    items, presenters = [], []
    for m in meetings:
        body_name = m.body.name if m.body else "Nämnden"
        count = min(per_meeting, n_items - len(items))
        member_names = [p.name for p in members[m.body_id]]
        for position in range(count):
            topic = rng.choice(TOPICS)
            decision, kinds = rng.choice(DECISIONS)
            # about 70 words, as the summaries of real minutes (mean 78 words in the shared gold set)
            sentences = rng.sample(SUMMARY, rng.randint(4, 9))
            if rng.random() < 0.2:  # each general sentence in about 2 % of the items
                sentences.insert(rng.randint(0, len(sentences)), rng.choice(GENERAL))
            items.append(AgendaItem(
                meeting=m, position=position, number=str(position + 1),
                title=_fill(rng.choice(TITLES), rng, body_name, member_names, topic),
                summary=" ".join(_fill(x, rng, body_name, member_names, topic) for x in sentences),
                decision=_fill(decision, rng, body_name, member_names, topic), decision_kinds=kinds,
            ))
            if rng.random() < 0.6:
                presenters.append((len(items) - 1, rng.choice(officials if rng.random() < 0.8 else politicians)))
    AgendaItem.objects.bulk_create(items, batch_size=2000)
    through = AgendaItem.presenters.through
    through.objects.bulk_create(
        [through(agendaitem_id=items[i].id, person_id=p.id) for i, p in presenters], batch_size=5000
    )
    return {"items": len(items), "meetings": len(meetings), "bodies": len(bodies), "organisations": len(orgs)}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _like_words(query: str) -> list[str]:
    return [w.strip('"*').lower() for w in query.replace('"', " ").split() if w.strip('"*').lower() not in ("och",)]


def like_scan(query: str) -> int:
    """The plain scan: count the items whose title, summary or decision contains every word."""
    from django.db import connection

    conditions, params = [], []
    for word in _like_words(query):
        conditions.append("(title LIKE %s OR summary LIKE %s OR decision LIKE %s)")
        params += [f"%{word}%"] * 3
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM store_agendaitem WHERE {' AND '.join(conditions)}", params)
        return cursor.fetchone()[0]


def run_one(db: str, n_items: int, runs: int) -> dict:
    """In a process of its own (Django binds one database per process): build, index, time."""
    from beslutskoll.config import setup

    setup(db)
    from django.db import connection, transaction

    from beslutskoll.store.search import Filters, rebuild_index, search

    t0 = time.perf_counter()
    with transaction.atomic():
        sizes = generate(n_items)
    t1 = time.perf_counter()
    rebuild_index()
    t2 = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]

    rows = []
    times: dict[str, list[float]] = {"search": [], "search_cpu": [], "like": [], "like_cpu": []}

    def timed(kind: str, call):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        times[kind].append((time.perf_counter() - wall) * 1000)
        times[kind + "_cpu"].append((time.process_time() - cpu) * 1000)
        return result

    load = os.getloadavg()[0]
    for query, filters in QUERIES:
        f = Filters(**filters)
        total = search(query, f).total  # warm-up
        for _ in range(runs):
            timed("search", lambda: search(query, f))  # noqa: B023
        for _ in range(max(1, runs // 2)):
            like_count = timed("like", lambda: like_scan(query))  # noqa: B023
        label = query + "".join(f" [{k}={v}]" for k, v in filters.items())
        rows.append((label, total, sorted(times["search"][-runs:])[runs // 2], like_count,
                     sorted(times["like"][-max(1, runs // 2):])[max(1, runs // 2) // 2]))
    return {
        "vendor": connection.vendor, "version": version, "sizes": sizes,
        "generate_s": t1 - t0, "index_s": t2 - t1, "rows": rows, "load": (load, os.getloadavg()[0]),
        **{kind: (_percentile(v, 0.5), _percentile(v, 0.95)) for kind, v in times.items()},
    }


def report(r: dict) -> None:
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[r["vendor"]]
    s = r["sizes"]
    print(f"\n{name} {r['version']}: {s['items']} ärendepunkter, {s['meetings']} sammanträden, {s['bodies']} organ, "
          f"{s['organisations']} organisationer")
    print(f"  genererat och inskrivet {r['generate_s']:.1f} s, sökindex byggt {r['index_s']:.1f} s")
    print(f"  {'fråga':<44} {'träffar':>8} {'ms':>8}   {'LIKE-träffar':>12} {'LIKE ms':>8}   (medianer, väggklocka)")
    for label, total, ms, like_count, like_ms in r["rows"]:
        print(f"  {label:<44} {total:>8} {ms:>8.1f}   {like_count:>12} {like_ms:>8.1f}")
    print(f"  systemlast (load average, 1 min) före/efter: {r['load'][0]:.1f} / {r['load'][1]:.1f}")
    kinds = [("väggklocka", "")]
    if r["vendor"] == "sqlite":  # SQLite runs in this process, so its CPU time is the work itself
        kinds.append(("CPU-tid", "_cpu"))
    for label, suffix in kinds:
        (sp50, sp95), (lp50, lp95) = r["search" + suffix], r["like" + suffix]
        print(f"  {label}:")
        print(f"    sökning:    p50 {sp50:7.1f} ms   p95 {sp95:7.1f} ms")
        print(f"    LIKE-scan:  p50 {lp50:7.1f} ms   p95 {lp95:7.1f} ms")
        print(f"    kvot:       p50 {lp50 / sp50:7.1f} ×    p95 {lp95 / sp95:7.1f} ×")


def _fresh_postgres() -> str | None:
    try:
        server = subprocess.run([str(ROOT / "scripts" / "postgres")], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    import psycopg

    name = f"bk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query")
    ap.add_argument("--sqlite-only", action="store_true")
    ap.add_argument("--postgres-only", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the PostgreSQL database (for EXPLAIN)")
    ap.add_argument("--child", metavar="DB", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.items, args.runs)))
        return 0
    print(f"{len(QUERIES)} frågor, {args.runs} mätningar per fråga (efter en uppvärmning); "
          "tider för search() inklusive sida 1, utdrag och facetter")
    with tempfile.TemporaryDirectory() as tmp:
        targets = [] if args.postgres_only else [str(Path(tmp) / "bench.sqlite3")]
        if not args.sqlite_only:
            pg = _fresh_postgres()
            if pg:
                targets.append(pg)
            else:
                print("PostgreSQL saknas (scripts/postgres): bara SQLite mäts")
        for db in targets:
            env = {**os.environ, "BESLUTSKOLL_DATA": tmp}
            env.pop("BESLUTSKOLL_DB", None)
            done = subprocess.run(
                [sys.executable, __file__, "--child", db, "--items", str(args.items), "--runs", str(args.runs)],
                capture_output=True, text=True, env=env,
            )
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            report(json.loads(done.stdout.strip().splitlines()[-1]))
            if db.startswith("postgres") and not args.keep:
                _drop_postgres(db)
    return 0


def _drop_postgres(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    sys.exit(main())
