from django.contrib import admin

from hoinghi.reports.models import PublishedSummary


@admin.register(PublishedSummary)
class PublishedSummaryAdmin(admin.ModelAdmin):
    list_display = ["agency", "year", "published_at", "published_by"]
    list_filter = ["year"]
    readonly_fields = ["published_at", "published_by", "figures"]
