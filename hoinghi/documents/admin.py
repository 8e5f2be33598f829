from django.contrib import admin

from hoinghi.documents.models import Document, DocumentBatch, DocumentCounter


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["number_text", "kind", "agency", "year", "state", "issued_on"]
    list_filter = ["state", "kind", "agency"]
    search_fields = ["number_text", "summary"]
    readonly_fields = ["number", "number_year", "number_text", "issued_on", "issued_by", "file"]


@admin.register(DocumentCounter)
class DocumentCounterAdmin(admin.ModelAdmin):
    list_display = ["agency", "register_key", "year", "last_number"]
    list_filter = ["agency", "year"]
    readonly_fields = ["last_number"]


@admin.register(DocumentBatch)
class DocumentBatchAdmin(admin.ModelAdmin):
    list_display = ["kind", "agency", "year", "state", "done", "total", "created_at"]
    list_filter = ["state", "kind"]
