from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "hoinghi.plans"
    label = "plans"
    verbose_name = "Chỉ tiêu, nhiệm vụ"
