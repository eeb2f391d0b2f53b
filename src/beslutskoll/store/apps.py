from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save


class StoreConfig(AppConfig):
    name = "beslutskoll.store"
    label = "store"
    verbose_name = "Register"

    def ready(self) -> None:
        from beslutskoll.store import models

        post_migrate.connect(_load_organisations, sender=self)
        # every save of a register record, also a correction in the admin, is masked; bulk_create
        # skips signals, so ingest masks the extraction itself before it creates anything
        for model in (models.Organisation, models.Body, models.BodyAlias, models.Person, models.Membership,
                      models.SourceFile, models.Meeting, models.Attendance, models.Matter, models.AgendaItem,
                      models.Motion, models.Assignment, models.Reference):
            pre_save.connect(_mask, sender=model, dispatch_uid=f"mask-{model.__name__}")


def _mask(sender, instance, **kwargs) -> None:
    from beslutskoll.store.privacy import mask_instance

    mask_instance(instance)


def _load_organisations(sender, using="default", **kwargs) -> None:
    """All län, regions and kommuner with their SCB codes, after every migrate (idempotent)."""
    from django.db import connections

    if "store_organisation" not in connections[using].introspection.table_names():
        return
    from beslutskoll.store.organisations import load

    load(using)
