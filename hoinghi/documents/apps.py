from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "hoinghi.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        from django.core import checks

        from hoinghi.documents.fonts import check_pdf_font
        from hoinghi.documents.signing import check_certificates

        checks.register(check_pdf_font, "hoinghi")
        checks.register(check_certificates, "hoinghi")

        from hoinghi.documents.home import documents_links
        from hoinghi.org import home

        home.register(documents_links)

        import hoinghi.documents.jobs  # noqa: F401 - registers the batch's job handler
