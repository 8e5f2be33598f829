from django.apps import AppConfig


class ConferenceConfig(AppConfig):
    name = "hoinghi.conference"
    label = "conference"
    verbose_name = "Hội nghị"
