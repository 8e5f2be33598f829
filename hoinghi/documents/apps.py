from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "hoinghi.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        from hoinghi.documents.home import documents_links
        from hoinghi.org import home

        home.register(documents_links)
