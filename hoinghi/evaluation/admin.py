from django.contrib import admin

from hoinghi.evaluation.models import (
    Absence,
    Discipline,
    PersonEvaluation,
    UnitEvaluation,
    UnitMeeting,
)


@admin.register(Absence)
class AbsenceAdmin(admin.ModelAdmin):
    list_display = ["person", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    raw_id_fields = ["person"]


@admin.register(Discipline)
class DisciplineAdmin(admin.ModelAdmin):
    list_display = ["person", "level", "ground", "decided_on", "decision_number"]
    raw_id_fields = ["person"]


@admin.register(UnitMeeting)
class UnitMeetingAdmin(admin.ModelAdmin):
    list_display = ["unit", "work_year", "held_on", "present", "convened"]


@admin.register(PersonEvaluation)
class PersonEvaluationAdmin(admin.ModelAdmin):
    list_display = [
        "person",
        "work_year",
        "unit",
        "stage",
        "self_rating",
        "proposed_rating",
        "rating",
    ]
    list_filter = ["stage", "rating", "regime"]
    raw_id_fields = ["person", "unit", "meeting", "work_year"]
    readonly_fields = ["rule_code", "rule_version", "citations", "reasons", "facts"]


@admin.register(UnitEvaluation)
class UnitEvaluationAdmin(admin.ModelAdmin):
    list_display = ["unit", "work_year", "rating", "issuer", "decision_number", "decided_on"]
    readonly_fields = ["rule_code", "rule_version", "citations", "reasons", "facts"]
