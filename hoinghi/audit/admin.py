from django.contrib import admin
from django.http import HttpRequest

from hoinghi.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: an entry is neither added, changed nor deleted here."""

    list_display = ["at", "action_label", "actor", "agency_code", "target_type", "target_id"]
    list_filter = ["action", "agency_code"]
    search_fields = ["action", "target_id"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
    actions = None

    @admin.display(description="hành động", ordering="action")
    def action_label(self, entry: AuditEntry) -> str:
        return entry.label

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
