from django.urls import path
from ninja import NinjaAPI

api = NinjaAPI(title="Beslutskoll API", version="1", description="Läs registret över beslut (endast läsning).")


@api.get("/health")
def health(request) -> dict:
    return {"status": "ok"}


api.add_router("/uppfoljning", "beslutskoll.followup.api.router")
urlpatterns = [path("", api.urls)]
