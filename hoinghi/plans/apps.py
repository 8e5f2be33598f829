from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "hoinghi.plans"
    label = "plans"
    verbose_name = "Chỉ tiêu, nhiệm vụ"

    def ready(self) -> None:
        from hoinghi.org import home
        from hoinghi.plans.home_links import plans_links

        home.register(plans_links)
