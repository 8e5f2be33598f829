from django.contrib import admin
from django.http import HttpRequest

from hoinghi.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read only: the runner's record of each job, a failure's traceback included."""

    list_display = ["pk", "kind", "state", "progress", "total", "attempts", "created_at", "error"]
    list_filter = ["state", "kind"]
    readonly_fields = [f.name for f in Job._meta.fields]
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
