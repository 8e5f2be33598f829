from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "hoinghi.emulation"
    label = "emulation"
    verbose_name = "Thi đua, khen thưởng"

    def ready(self) -> None:
        from hoinghi.emulation.home import emulation_links
        from hoinghi.emulation.scenario import dump_emulation, load_emulation
        from hoinghi.org import home
        from hoinghi.org.scenario import register_section

        home.register(emulation_links)
        register_section(
            "emulation", load=load_emulation, dump=dump_emulation, order=50, per_year=True
        )
