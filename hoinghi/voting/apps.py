from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "hoinghi.voting"
    label = "voting"
    verbose_name = "Biểu quyết, bầu cử"
