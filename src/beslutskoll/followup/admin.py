"""Admin: superusers appoint coordinators here. Follow-up data is only viewed here; it is changed on
the follow-up pages, where every change goes to the audit log."""

from django.contrib import admin

from beslutskoll.followup.models import Adoption, AuditEntry, Coordinator, Recommendation


@admin.register(Coordinator)
class CoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "body"]


class _ViewOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Recommendation)
class RecommendationAdmin(_ViewOnly):
    list_display = ["__str__", "title", "source", "closed"]


@admin.register(Adoption)
class AdoptionAdmin(_ViewOnly):
    list_display = ["recommendation", "organisation", "status", "via"]
    list_filter = ["status"]


@admin.register(AuditEntry)
class AuditEntryAdmin(_ViewOnly):
    list_display = ["at", "username", "target", "field", "before", "after"]
