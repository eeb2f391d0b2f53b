from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "beslutskoll.api"
    label = "api"
    verbose_name = "API"
