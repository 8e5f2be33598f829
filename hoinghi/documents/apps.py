from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "hoinghi.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        from django.core import checks

        from hoinghi.documents.fonts import check_pdf_font

        checks.register(check_pdf_font, "hoinghi")

        from hoinghi.documents.home import documents_links
        from hoinghi.org import home

        home.register(documents_links)
