"""Stage 5: the Swedish web UI (server-rendered Django views)."""
