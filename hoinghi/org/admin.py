from django import forms
from django.contrib import admin

from hoinghi.org.models import (
    Agency,
    AgencyPeriod,
    AgencyRegulation,
    Person,
    Position,
    RoleAssignment,
    StaffImport,
    Training,
    Unit,
    WorkYear,
)
from hoinghi.org.regulations import build_options
from hoinghi.security.forms import AdminSignInForm

admin.site.site_header = "hoinghi — Quản trị"
admin.site.site_title = "hoinghi"
admin.site.index_title = "Quản trị dữ liệu"
admin.site.login_form = AdminSignInForm  # a leaver is refused here too


class UnitInline(admin.TabularInline):
    model = Unit
    fk_name = "agency"
    extra = 0
    fields = ["code", "name", "abbreviation", "kind", "parent", "position", "task_group"]


class AgencyPeriodInline(admin.TabularInline):
    """The agency's kind and superior body by date (no district level from 01/07/2025)."""

    model = AgencyPeriod
    extra = 0
    fields = ["valid_from", "kind", "superior_level", "superior_name", "note"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "abbreviation", "kind", "parent"]
    search_fields = ["name", "code"]
    list_filter = ["kind"]
    inlines = [AgencyPeriodInline, UnitInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "kind", "parent", "position", "task_group"]
    list_filter = ["agency", "kind"]
    search_fields = ["name", "code"]


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0


class TrainingInline(admin.TabularInline):
    model = Training
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "staff_code", "agency", "category", "party_member", "union_member"]
    list_filter = ["agency", "category", "gender", "party_member"]
    search_fields = ["search_text", "staff_code"]
    inlines = [PositionInline, TrainingInline]
    raw_id_fields = ["user"]


@admin.register(WorkYear)
class WorkYearAdmin(admin.ModelAdmin):
    list_display = ["agency", "year", "starts_on", "ends_on", "state"]
    list_filter = ["state", "agency"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "agency", "unit"]
    list_filter = ["role", "agency"]
    raw_id_fields = ["user"]


@admin.register(StaffImport)
class StaffImportAdmin(admin.ModelAdmin):
    """Previews and applied staff imports: read only, the rows are checked data."""

    list_display = [
        "filename",
        "agency",
        "uploaded_by",
        "state",
        "row_count",
        "created_at",
        "applied_at",
    ]
    list_filter = ["state", "agency"]
    readonly_fields = [f.name for f in StaffImport._meta.fields if f.name != "payload"]
    exclude = ["payload"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


class AgencyRegulationForm(forms.ModelForm):
    class Meta:
        model = AgencyRegulation
        fields = ["agency", "domain", "values", "regulation", "valid_from"]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("domain") and isinstance(cleaned.get("values"), dict):
            build_options(str(cleaned["domain"]), cleaned["values"])
        return cleaned


@admin.register(AgencyRegulation)
class AgencyRegulationAdmin(admin.ModelAdmin):
    form = AgencyRegulationForm
    list_display = ["agency", "domain", "regulation", "valid_from"]
    list_filter = ["domain", "agency"]
