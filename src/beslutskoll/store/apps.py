from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "beslutskoll.store"
    label = "store"
    verbose_name = "Register"
