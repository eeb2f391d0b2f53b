from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "beslutskoll.followup"
    label = "followup"
    verbose_name = "Uppföljning"

    def ready(self) -> None:
        from beslutskoll.followup.signals import connect

        connect()
