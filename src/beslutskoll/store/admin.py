"""Django admin for correcting extractions. Every change is kept with who and when
(simple_history: the "Historik" button on each record); originals are never served here."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from beslutskoll.store.models import (
    AgendaItem,
    Assignment,
    Attendance,
    Body,
    BodyAlias,
    Matter,
    Meeting,
    Membership,
    Motion,
    Organisation,
    Person,
    Reference,
    SourceFile,
)

# --- inlines ---------------------------------------------------------------------------------


class BodyAliasInline(admin.TabularInline):
    model = BodyAlias
    extra = 0
    fields = ["name", "key"]
    readonly_fields = ["key"]


class BodyMembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "party", "role", "start", "end"]


class PersonMembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["body"]
    fields = ["body", "party", "role", "start", "end"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "replaces"]
    fields = ["position", "person", "group", "role", "party", "affiliation", "replaces", "presence"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    show_change_link = True
    fields = ["position", "number", "title", "case_number", "category", "page"]


class MotionInline(admin.StackedInline):
    model = Motion
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["by_name", "person", "text"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fk_name = "item"
    extra = 0
    fields = ["assignee", "task", "due", "status", "reported_in"]
    raw_id_fields = ["reported_in"]


class ReferenceInline(admin.TabularInline):
    model = Reference
    fk_name = "item"
    extra = 0
    autocomplete_fields = ["body"]
    fields = ["body_name", "body", "date", "number", "target"]
    raw_id_fields = ["target"]


# --- models ----------------------------------------------------------------------------------


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "scb_code", "county_code"]
    list_filter = ["kind", "county_code"]
    search_fields = ["name", "scb_code"]


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "kind", "organisation", "parent"]
    list_filter = ["kind", "organisation__kind"]
    search_fields = ["name", "abbreviation", "aliases__name", "organisation__name"]
    autocomplete_fields = ["organisation", "parent"]
    inlines = [BodyAliasInline, BodyMembershipInline]


@admin.register(BodyAlias)
class BodyAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "body", "key"]
    search_fields = ["name", "key", "body__name"]
    autocomplete_fields = ["body"]
    readonly_fields = ["key"]

    def save_model(self, request, obj, form, change) -> None:
        from beslutskoll.store.identity import name_key
        from beslutskoll.store.privacy import mask

        obj.key = name_key(mask(obj.name))  # the key follows the spelling, so matching stays right
        super().save_model(request, obj, form, change)


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "party", "affiliation"]
    list_filter = ["party"]
    search_fields = ["name", "affiliation"]
    inlines = [PersonMembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "body", "party", "role", "start", "end"]
    list_filter = ["role", "party", "body__organisation"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body"]
    date_hierarchy = "start"


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    """Originals are evidence: their records are read-only here (the file itself is not served)."""

    list_display = ["name", "media_type", "pages", "size", "ingested_at", "superseded_by"]
    list_filter = ["media_type", ("superseded_by", admin.EmptyFieldListFilter)]
    search_fields = ["name", "sha256", "source_path"]
    readonly_fields = ["sha256", "name", "source_path", "media_type", "size", "pages", "ingested_at",
                       "extraction", "superseded_by"]
    date_hierarchy = "ingested_at"

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "body", "date", "document_type", "location", "file"]
    list_filter = ["document_type", "body__organisation", "body", "date"]
    search_fields = ["body__name", "body__abbreviation", "location", "case_number", "items__title"]
    date_hierarchy = "date"
    autocomplete_fields = ["body", "chair", "secretary", "adjusters"]
    readonly_fields = ["file"]
    inlines = [AttendanceInline, AgendaItemInline]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["person", "meeting", "group", "role", "party", "replaces", "presence"]
    list_filter = ["group", "party", "meeting__body"]
    search_fields = ["person__name", "role", "affiliation"]
    autocomplete_fields = ["person", "replaces", "meeting"]


@admin.register(Matter)
class MatterAdmin(SimpleHistoryAdmin):
    list_display = ["case_number", "title"]
    search_fields = ["case_number", "title"]


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "case_number", "category", "page"]
    list_filter = ["category", "meeting__body", "meeting__document_type"]
    search_fields = ["title", "case_number", "decision", "summary", "meeting__body__name"]
    autocomplete_fields = ["meeting", "matter", "presenters"]
    inlines = [MotionInline, AssignmentInline, ReferenceInline]


@admin.register(Motion)
class MotionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "item"]
    search_fields = ["by_name", "text"]
    autocomplete_fields = ["item", "person"]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "assignee", "due", "status", "item"]
    list_filter = ["status", "due"]
    search_fields = ["assignee", "task"]
    autocomplete_fields = ["item"]
    raw_id_fields = ["reported_in"]


@admin.register(Reference)
class ReferenceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "item", "body", "target"]
    list_filter = ["body"]
    search_fields = ["body_name", "number"]
    autocomplete_fields = ["item", "body"]
    raw_id_fields = ["target"]
