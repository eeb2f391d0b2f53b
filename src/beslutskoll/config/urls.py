from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Beslutskoll – administration"
admin.site.site_title = "Beslutskoll"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("beslutskoll.api.urls")),
    path("uppfoljning/", include("beslutskoll.followup.urls")),
    path("", include("beslutskoll.web.urls")),
]
