from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "hoinghi.reports"
    label = "reports"
    verbose_name = "Báo cáo, thống kê"

    def ready(self) -> None:
        from hoinghi.org import home
        from hoinghi.reports.home import reports_links

        home.register(reports_links)
