from django.apps import AppConfig


class ConferenceConfig(AppConfig):
    name = "hoinghi.conference"
    label = "conference"
    verbose_name = "Hội nghị"

    def ready(self) -> None:
        from hoinghi.conference.home import conference_links
        from hoinghi.org import home

        home.register(conference_links)

        from hoinghi.conference.polls import register_close_handler

        register_close_handler()  # closing a motion's poll anywhere decides the motion
        try:
            from hoinghi.conference.scenario import register
        except ImportError:  # the org scenario format is not installed yet
            return
        register()
