from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "beslutskoll.web"
    label = "web"
    verbose_name = "Webbgränssnitt"
