"""Stage 4: the register. Extractions stored with Django's ORM (SQLite or PostgreSQL)."""
