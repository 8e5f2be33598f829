from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "hoinghi.reports"
    label = "reports"
    verbose_name = "Báo cáo, thống kê"
