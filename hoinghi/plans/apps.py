from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "hoinghi.plans"
    label = "plans"
    verbose_name = "Chỉ tiêu, nhiệm vụ"

    def ready(self) -> None:
        from hoinghi.org import home
        from hoinghi.org.scenario import register_section
        from hoinghi.plans.home_links import plans_links
        from hoinghi.plans.scenario import dump_plans, load_plans

        home.register(plans_links)
        register_section("plans", load=load_plans, dump=dump_plans, order=10, per_year=True)
