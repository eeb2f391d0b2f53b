"""Word context: a few rules for Swedish words that differ only in a diacritic.

A bonus (in log10 units, like zipf frequencies) for a candidate given its neighbours.
"""

from __future__ import annotations


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words after which "år" (year) is expected rather than "är" (is)
_YEAR_BEFORE = _word_set(
    "varje detta per nästa förra samma hela innevarande kommande föregående första andra tredje "
    "sista två tre fyra fem sex sju åtta nio tio elva tolv femton tjugo flera många några ett i "
    "under om efter inom"
)
# words after which "stöd" (support) is expected rather than "stod" (stood)
_SUPPORT_BEFORE = _word_set(
    "till ett för med om av utan och ge ger gett få får fått ökat ökad eget bra ekonomiskt "
    "ekonomisk socialt praktiskt särskilt samordnat stärkt visst något behov behöver erbjuda "
    "erbjuds söka söker sökt ansöka beviljas beviljat"
)
_SUBJECT_BEFORE = _word_set("jag du han hon den det vi ni de dom man som här där")
# words after which "vår" (our, spring) is expected rather than "var" (was, where, each)
_OUR_BEFORE = _word_set("i till under på inför från för denna nästa förra hela med av om")
_NUMERIC_WORDS = frozenset(["två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"])


def _is_number(token: str | None) -> bool:
    # a plain count ("3 år"), not a year ("2023 är")
    if token is None:
        return False
    return (token.isdigit() and len(token) < 4) or token in _NUMERIC_WORDS


def bonus(prev: str | None, cand: str, nxt: str | None) -> float:
    """Context bonus for lowercase candidate ``cand`` between lowercase neighbours."""
    if cand == "år":
        return 1.8 if prev in _YEAR_BEFORE or _is_number(prev) else 0.0
    if cand == "är":
        return -1.0 if prev in _YEAR_BEFORE or _is_number(prev) else 0.0
    if cand == "stöd":
        if prev in _SUPPORT_BEFORE:
            return 1.5
        return -1.0 if prev in _SUBJECT_BEFORE else 0.0
    if cand == "stod":
        return 1.0 if prev in _SUBJECT_BEFORE else 0.0
    if cand == "vår":
        return 1.5 if prev in _OUR_BEFORE else 0.0
    if cand == "var":
        return 1.0 if nxt in ("och", "tredje", "fjärde", "femte") else 0.0
    if cand == "sa":
        return 1.5 if prev in _SUBJECT_BEFORE else 0.0
    return 0.0
