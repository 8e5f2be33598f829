from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "hoinghi.jobs"
    label = "jobs"
    verbose_name = "Việc chạy nền"
