from django.apps import AppConfig
from django.core import checks


class OrgConfig(AppConfig):
    name = "hoinghi.org"
    label = "org"
    verbose_name = "Tổ chức, nhân sự"

    def ready(self) -> None:
        from hoinghi.org import lookups
        from hoinghi.org.checks import check_law_registry, check_secret_key

        lookups.register()

        checks.register(check_law_registry, "hoinghi")
        checks.register(check_secret_key, checks.Tags.security, deploy=True)

        from hoinghi.org import home
        from hoinghi.org.imports.home import staff_import_links

        home.register(staff_import_links)

        from django.contrib.auth.signals import user_logged_in

        from hoinghi.security.home import lockout_links
        from hoinghi.security.leavers import mark_last_day
        from hoinghi.security.sessions import mark_signed_in

        home.register(lockout_links)
        user_logged_in.connect(mark_signed_in, dispatch_uid="hoinghi.security.signed_in")
        user_logged_in.connect(mark_last_day, dispatch_uid="hoinghi.security.last_day")

        import hoinghi.org.imports.jobs  # noqa: F401 - registers the staff import's job handler
