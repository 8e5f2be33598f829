from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "hoinghi.emulation"
    label = "emulation"
    verbose_name = "Thi đua, khen thưởng"

    def ready(self) -> None:
        from hoinghi.emulation.home import emulation_links
        from hoinghi.org import home

        home.register(emulation_links)
