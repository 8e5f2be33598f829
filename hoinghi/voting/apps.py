from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "hoinghi.voting"
    label = "voting"
    verbose_name = "Biểu quyết, bầu cử"

    def ready(self) -> None:
        from hoinghi.org import home
        from hoinghi.voting.home import voting_links

        home.register(voting_links)
