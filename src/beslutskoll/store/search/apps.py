from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "beslutskoll.store.search"
    label = "search"
    verbose_name = "Sökindex"

    def ready(self) -> None:
        from beslutskoll.store.search import signals  # noqa: F401  (connects the receivers)
