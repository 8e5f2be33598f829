from django.apps import AppConfig
from django.core import checks


class OrgConfig(AppConfig):
    name = "hoinghi.org"
    label = "org"
    verbose_name = "Tổ chức, nhân sự"

    def ready(self) -> None:
        from hoinghi.org.checks import check_law_registry

        checks.register(check_law_registry, "hoinghi")

        from hoinghi.org import home
        from hoinghi.org.imports.home import staff_import_links

        home.register(staff_import_links)
