from django.contrib import admin

from hoinghi.plans.models import Evidence, PlanItem


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0


@admin.register(PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "work_year", "unit", "person", "due_on", "status", "exceeded"]
    list_filter = ["kind", "status", "source", "work_year__agency"]
    search_fields = ["title", "code"]
    raw_id_fields = ["parent", "person", "unit", "work_year"]
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["name", "item", "uploaded_at"]
    raw_id_fields = ["item"]
