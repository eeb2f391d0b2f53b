"""The read-only JSON API: /api/, OpenAPI at /api/openapi.json, documentation at /api/docs."""

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from beslutskoll.api.endpoints import router


class Renderer(JSONRenderer):
    # Swedish letters as they are, not as \u escapes
    json_dumps_params = {"ensure_ascii": False}  # noqa: RUF012


api = NinjaAPI(
    renderer=Renderer(),
    title="Beslutskoll API",
    version="1",
    description=(
        "Läs registret över beslut från offentliga sammanträden: organisationer, organ, sammanträden, "
        "ärenden, personer och sökning. Endast läsning. Listor sidindelas med `limit` och `offset` och "
        "anger totalt antal i `count`. Sökningen använder samma sökmotor och filter som webbsidans sökning."
    ),
    urls_namespace="api",
)


@api.get("/health", summary="Hälsokontroll", description="Svarar `ok` när tjänsten är uppe.", tags=["Drift"])
def health(request) -> dict:
    return {"status": "ok"}


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # our endpoints say in Swedish what is missing; Django's own messages are English
    message = str(exc) if exc.args and "matches the given query" not in str(exc) else "Finns inte"
    return api.create_response(request, {"detail": message}, status=404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": "Ogiltiga parametrar", "errors": exc.errors}, status=422)


api.add_router("/", router)
api.add_router("/uppfoljning", "beslutskoll.followup.api.router")
urlpatterns = [path("", api.urls)]
