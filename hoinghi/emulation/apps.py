from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "hoinghi.emulation"
    label = "emulation"
    verbose_name = "Thi đua, khen thưởng"
