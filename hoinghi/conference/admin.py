from django.contrib import admin

from hoinghi.conference import models


class ParticipantInline(admin.TabularInline):
    model = models.Participant
    extra = 0
    raw_id_fields = ["person", "checked_in_by"]


class AgendaInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0
    raw_id_fields = ["speaker"]


@admin.register(models.Conference)
class ConferenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "held_on", "kind", "form", "state"]
    list_filter = ["state", "kind", "agency"]
    inlines = [AgendaInline, ParticipantInline]
    filter_horizontal = ["presidium", "secretaries"]
    readonly_fields = ["form_decision", "trigger_decision", "window_decision", "live_version"]


for model in (
    models.DelegateQuota,
    models.QuorumCheck,
    models.SpeakerRequest,
    models.Draft,
    models.Comment,
    models.Motion,
    models.Election,
    models.Candidate,
    models.Award,
    models.Pledge,
    models.ResolutionTarget,
    models.Reminder,
    models.Participant,
    models.AgendaItem,
):
    admin.site.register(model)
