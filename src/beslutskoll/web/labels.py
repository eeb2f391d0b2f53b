"""Swedish labels for the codes stored in the register (shared by the web pages and the API)."""

from __future__ import annotations

# the same labels as the search engine's facets (store.search.KIND_LABELS), so a tag and a facet agree
DECISION_KINDS: dict[str, str] = {
    "approval": "Godkännande",
    "rejection": "Avslag",
    "information": "Information",
    "recommendation": "Förslag till annat organ",
    "assignment": "Uppdrag",
    "referral": "Remiss",
    "deferral": "Bordläggning",
    "election": "Val",
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
