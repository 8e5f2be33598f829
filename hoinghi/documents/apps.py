from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "hoinghi.documents"
    label = "documents"
    verbose_name = "Văn bản"
