from django.contrib import admin

from hoinghi.emulation.models import (
    Award,
    Commitment,
    Decision,
    EarlierTitle,
    Eligibility,
    FactSet,
    Initiative,
    Launch,
    Pledge,
    Proposal,
    ProposalItem,
    ReasonSet,
    Recognition,
    Registration,
    UnitJudgement,
)


@admin.register(Launch)
class LaunchAdmin(admin.ModelAdmin):
    list_display = ["work_year", "launched_on", "theme"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["work_year", "person", "unit", "title", "registered_on"]
    list_filter = ["title"]
    raw_id_fields = ["person", "unit"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["work_year", "kind", "party_a", "party_b", "signed_on", "reviewed_on"]
    inlines = [CommitmentInline]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["pledge", "position", "text", "met"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "kind", "level", "recognised_on", "recognised_by"]
    list_filter = ["kind", "level"]
    raw_id_fields = ["person"]


@admin.register(EarlierTitle)
class EarlierTitleAdmin(admin.ModelAdmin):
    list_display = ["year", "person", "unit", "title", "decision"]
    list_filter = ["title", "year"]
    raw_id_fields = ["person", "unit"]


@admin.register(Recognition)
class RecognitionAdmin(admin.ModelAdmin):
    list_display = ["work_year", "name", "person", "unit", "issuer"]


@admin.register(Eligibility)
class EligibilityAdmin(admin.ModelAdmin):
    list_display = ["work_year", "person", "unit", "title", "outcome", "rule", "rule_version"]
    list_filter = ["title", "outcome"]
    raw_id_fields = ["person", "unit", "reason_set", "fact_set"]


class ProposalItemInline(admin.TabularInline):
    model = ProposalItem
    extra = 0
    raw_id_fields = ["person", "unit"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["subject", "work_year", "kind", "number", "proposed_on", "state"]
    inlines = [ProposalItemInline]


@admin.register(ProposalItem)
class ProposalItemAdmin(admin.ModelAdmin):
    list_display = ["proposal", "person", "unit", "title", "votes_for", "approved"]
    raw_id_fields = ["person", "unit"]


class AwardInline(admin.TabularInline):
    model = Award
    extra = 0
    raw_id_fields = ["person", "unit"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "signed_on", "issuer", "issuer_kind", "work_year"]
    list_filter = ["issuer_kind"]
    inlines = [AwardInline]


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["decision", "person", "unit", "title", "bonus_amount", "revoked_on"]
    list_filter = ["title"]
    raw_id_fields = ["person", "unit"]


@admin.register(ReasonSet)
class ReasonSetAdmin(admin.ModelAdmin):
    list_display = ["digest", "__str__"]


@admin.register(FactSet)
class FactSetAdmin(admin.ModelAdmin):
    list_display = ["digest"]


@admin.register(UnitJudgement)
class UnitJudgementAdmin(admin.ModelAdmin):
    list_display = ["work_year", "unit", "emulation_active", "unity", "judged_on"]
