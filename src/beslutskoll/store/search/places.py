"""The names of the index's places (a body with its organisation), kept in memory for the facets.

Every search names the places among its matches; they change only when a body or an
organisation is renamed (the admin, in the serving process) or a place is added, and then
signals.py forgets them all.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db import connection

# place id → (body id, body label, organisation id, organisation name)
PlaceLabels = tuple[int | None, str, int | None, str]
_known: dict[int, PlaceLabels] = {}


def place_labels(ids: Collection[int]) -> dict[int, PlaceLabels]:
    """Labels of the given places (and of any read before): looked up once, then from memory."""
    from beslutskoll.store.models import Body, Organisation
    from beslutskoll.store.search.models import Place

    missing = [i for i in ids if i not in _known]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT p.id, p.body_id, b.name, b.abbreviation, p.organisation_id, o.name "
                f"FROM {Place._meta.db_table} p LEFT JOIN {Body._meta.db_table} b ON b.id = p.body_id "
                f"LEFT JOIN {Organisation._meta.db_table} o ON o.id = p.organisation_id "
                f"WHERE p.id IN ({', '.join(['%s'] * len(missing))})",
                missing,
            )
            for place, body, name, abbreviation, organisation, org_name in cursor.fetchall():
                label = f"{name} ({abbreviation})" if abbreviation else name or str(body)
                _known[place] = (body, label, organisation, org_name or str(organisation))
    return _known


def forget() -> None:
    _known.clear()
