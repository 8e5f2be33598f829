from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hoinghi.audit"
    label = "audit"
    verbose_name = "Nhật ký"

    def ready(self) -> None:
        from hoinghi.audit import logins

        logins.connect()
