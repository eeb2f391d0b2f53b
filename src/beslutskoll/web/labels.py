"""Swedish labels for the codes stored in the register (shared by the web pages and the API)."""

from __future__ import annotations

DECISION_KINDS: dict[str, str] = {
    "information": "Information",
    "approval": "Godkännande",
    "recommendation": "Rekommendation",
    "assignment": "Uppdrag",
    "referral": "Remiss eller överlämnande",
    "deferral": "Bordläggning eller återremiss",
    "election": "Val",
    "rejection": "Avslag",
}

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
