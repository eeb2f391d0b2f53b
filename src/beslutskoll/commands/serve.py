"""`beslutskoll serve`: the web UI and API with waitress (a production WSGI server)."""

from __future__ import annotations


def run_serve(*, db: str | None, host: str, port: int) -> int:
    from beslutskoll.config import setup

    setup(db)
    from waitress import serve

    from beslutskoll.config.wsgi import application

    print(f"Beslutskoll körs på http://{host}:{port}/ (avsluta med Ctrl+C)", flush=True)
    serve(application, host=host, port=port, threads=8, _quiet=True)
    return 0
