from django.contrib import admin

from hoinghi.voting.models import (
    Ballot,
    Candidate,
    Elector,
    HandCount,
    LiveState,
    PaperEntry,
    Participation,
    Poll,
    PollResult,
)


class CandidateInline(admin.TabularInline):
    model = Candidate
    extra = 0
    fields = ["position", "name", "note", "person"]
    raw_id_fields = ["person"]


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "agency",
        "kind",
        "secrecy",
        "method",
        "state",
        "ballots_cast",
        "electorate_size",
    ]
    list_filter = ["agency", "kind", "secrecy", "method", "state"]
    search_fields = ["title", "subject_kind", "subject_id"]
    readonly_fields = [
        "state",
        "electorate_size",
        "present",
        "convened",
        "electorate_digest",
        "ballots_cast",
        "revision",
        "created_by",
        "created_at",
    ]
    filter_horizontal = ["managers"]
    inlines = [CandidateInline]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["name", "poll", "position"]
    raw_id_fields = ["person", "poll"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Votes are written by the services only: the admin can look, never edit."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Elector)
class ElectorAdmin(ReadOnlyAdmin):
    list_display = ["person", "poll"]
    list_filter = ["poll"]


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyAdmin):
    list_display = ["person", "poll"]
    list_filter = ["poll"]


@admin.register(Ballot)
class BallotAdmin(ReadOnlyAdmin):
    list_display = ["receipt", "poll", "choice", "valid"]
    list_filter = ["poll"]


@admin.register(HandCount)
class HandCountAdmin(ReadOnlyAdmin):
    list_display = ["poll", "votes_for", "votes_against", "abstentions"]


@admin.register(PaperEntry)
class PaperEntryAdmin(ReadOnlyAdmin):
    list_display = ["poll", "sheet", "round", "choice", "spoiled", "entered_by"]
    list_filter = ["poll", "round"]


@admin.register(PollResult)
class PollResultAdmin(ReadOnlyAdmin):
    list_display = ["poll", "outcome", "rule", "rule_version", "closed_at"]


@admin.register(LiveState)
class LiveStateAdmin(ReadOnlyAdmin):
    list_display = ["key", "version"]
