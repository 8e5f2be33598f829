from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "hoinghi.evaluation"
    label = "evaluation"
    verbose_name = "Đánh giá, xếp loại"

    def ready(self) -> None:
        from hoinghi.evaluation.home_links import evaluation_links
        from hoinghi.evaluation.scenario import dump_evaluation, load_evaluation
        from hoinghi.org import home
        from hoinghi.org.scenario import register_section

        home.register(evaluation_links)
        register_section(
            "evaluation", load=load_evaluation, dump=dump_evaluation, order=20, per_year=True
        )
