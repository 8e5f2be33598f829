from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "hoinghi.evaluation"
    label = "evaluation"
    verbose_name = "Đánh giá, xếp loại"

    def ready(self) -> None:
        from hoinghi.evaluation.home_links import evaluation_links
        from hoinghi.org import home

        home.register(evaluation_links)
