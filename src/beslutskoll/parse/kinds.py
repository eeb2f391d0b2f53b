"""Decision kinds from the wording of a decision."""

from __future__ import annotations

import re

from beslutskoll.model import DecisionKind

_RULES: list[tuple[DecisionKind, re.Pattern[str]]] = [
    ("information", re.compile(
        r"tagit del av|ta[rg]? del av|tar del av|läggs? till handlingarna|lägg(?:a|er|s)? (?:\w+ )?(?:dem |den |det )?till handlingarna"
        r"|noterar|har informerats|informationen (?:noteras|godkänns)|anmäls|redovisningen noteras|har fått information", re.I)),
    ("approval", re.compile(
        r"godkän\w*|fastställ\w*|\bant(?:ar|as|agits|ogs|a)\b|beviljar|beviljas|ställ(?:er|t|a)? sig bakom|bifall\w*|tillstyrk\w*"
        r"|beslutar att (?:förlänga|arbeta|införa|genomföra|anta|inrätta|anslå|avsätta|utöka)|att förlänga|antagen|godtar", re.I)),
    ("recommendation", re.compile(
        r"rekommender\w*|föreslår (?:kommunfullmäktige|fullmäktige|regionfullmäktige|landstingsfullmäktige|kommunstyrelsen"
        r"|regionstyrelsen|nämnden)|föreslås (?:kommunfullmäktige|fullmäktige)", re.I)),
    ("assignment", re.compile(
        r"uppdra[rs]\b|ger \w+(?: \w+)? i uppdrag|får i uppdrag|i uppdrag att|ges i uppdrag|uppdraget att"
        r"|tas fram|ta fram|gör en sammanställning|återkommer? med|återrapporter\w*|\bbereds\b|ska (?:beredas|utredas)", re.I)),
    ("referral", re.compile(r"överlämna\w*|remitter\w*|på remiss|remiss till|hänskjut\w*|skicka[rs]? (?:ut|vidare)|skickas till", re.I)),
    ("deferral", re.compile(
        r"bordläg\w*|återremitt\w*|skjuts? (?:upp|fram)|tas (?:upp )?(?:vid|på) (?:nästa|nästkommande|kommande|mötet)"
        r"|tas upp (?:igen|på nytt)|uppskj\w*|diskuteras vidare|beslut (?:om \w+ )?tas vid|senare sammanträde|(?:tas|skjuts|flyttas) (?:upp )?till nästa möte"
        # "… är inte redo att ta ett inriktningsbeslut": no decision yet, the matter waits
        r"|(?:inte|ej) (?:är |var )?(?:redo|beredd|berett|mogen|moget) att (?:ta|fatta)|(?:tar|fattar) (?:inget|inte något|ej något) beslut", re.I)),
    ("election", re.compile(r"^Justerare\s*:|\bväljs?\b|\bvalts?\b|\butses?\b|\butser\b|\bnyval\b|till justerare|att justera|\butsågs\b", re.I)),
    ("rejection", re.compile(r"\bavslå\w*|avstyrk\w*|\bavslag\b", re.I)),
]


def decision_kinds(decision: str | None) -> list[DecisionKind]:
    if not decision:
        return []
    rules = dict(_RULES)
    recommended = rules["recommendation"].search(decision)
    kinds: list[DecisionKind] = []
    for kind, pattern in _RULES:
        m = pattern.search(decision)
        if m and kind == "approval" and recommended and m.start() > recommended.start():
            continue  # "föreslår fullmäktige besluta att anta …": the approval is the other body's to make
        if m:
            kinds.append(kind)
    return kinds
