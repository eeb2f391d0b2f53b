"""Swedish labels for the codes stored in the register (shared by the web pages and the API)."""

from __future__ import annotations

from beslutskoll.store.search import KIND_LABELS

# the search engine's facet labels, so that a tag and a facet agree
DECISION_KINDS: dict[str, str] = KIND_LABELS

DOCUMENT_TYPES: dict[str, str] = {
    "protokoll": "Protokoll",
    "protokollsutdrag": "Protokollsutdrag",
    "kallelse": "Kallelse",
    "motesanteckningar": "Mötesanteckningar",
    "other": "Dokument",
}

# facet names of the search engine → headings on the search page
FACETS: dict[str, str] = {
    "organisation": "Organisation",
    "body": "Organ",
    "year": "År",
    "kind": "Beslutstyp",
    "party": "Parti",
}


def decision_kind(code: str) -> str:
    return DECISION_KINDS.get(code, code)


def document_type(code: str) -> str:
    return DOCUMENT_TYPES.get(code, code.capitalize() if code else "Dokument")
