from django.apps import AppConfig


class VotingConfig(AppConfig):
    name = "hoinghi.voting"
    label = "voting"
    verbose_name = "Biểu quyết, bầu cử"

    def ready(self) -> None:
        from hoinghi.org import home
        from hoinghi.voting.home import voting_links

        home.register(voting_links)

        from hoinghi.org.imports import guards
        from hoinghi.org.models import Agency
        from hoinghi.voting.models import Poll, PollState

        def refuse_imports_while_a_poll_is_open(
            agency: Agency,
        ) -> str | None:  # electors come from the staff
            poll = Poll.objects.filter(agency=agency, state=PollState.OPEN).only("title").first()
            return (
                f"Cuộc biểu quyết «{poll.title}» đang mở: chưa nhập danh sách cán bộ được cho đến khi đóng."
                if poll
                else None
            )

        guards.register(refuse_imports_while_a_poll_is_open)
