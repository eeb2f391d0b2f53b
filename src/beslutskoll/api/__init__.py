"""Stage 5: the read-only JSON API (django-ninja, OpenAPI at /api/docs)."""
