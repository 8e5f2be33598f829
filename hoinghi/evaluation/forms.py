"""Forms of the evaluation steps; labels in Vietnamese, dates dd/mm/yyyy."""

from __future__ import annotations

from django import forms

from hoinghi.evaluation.models import CRITERIA_CHOICES, RATING_CHOICES

DATE_INPUT = ["%d/%m/%Y", "%Y-%m-%d"]


class SelfAssessmentForm(forms.Form):
    text = forms.CharField(label="Bản tự đánh giá (ưu điểm, hạn chế, kết quả thực hiện nhiệm vụ)",
                           widget=forms.Textarea(attrs={"rows": 6}))
    score = forms.DecimalField(label="Tự chấm điểm (thang 100)", required=False, min_value=0, max_value=100,
                               max_digits=5, decimal_places=2)
    general_criteria = forms.ChoiceField(label="Tiêu chí chung", choices=CRITERIA_CHOICES, initial="dat")
    tasks_assigned = forms.IntegerField(label="Số nhiệm vụ được giao", min_value=0, initial=0)
    tasks_on_time = forms.IntegerField(label="Hoàn thành đúng hạn, bảo đảm chất lượng", min_value=0, initial=0)
    tasks_exceeded = forms.IntegerField(label="Hoàn thành vượt mức", min_value=0, initial=0)
    tasks_short = forms.IntegerField(label="Còn hạn chế về chất lượng, tiến độ", min_value=0, initial=0)
    self_rating = forms.ChoiceField(label="Tự xếp loại", choices=RATING_CHOICES)

    def __init__(self, *args: object, scored: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if scored:
            for name in ("tasks_assigned", "tasks_on_time", "tasks_exceeded", "tasks_short"):
                del self.fields[name]
        else:
            del self.fields["score"]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        assigned = data.get("tasks_assigned")
        for name in ("tasks_on_time", "tasks_exceeded", "tasks_short"):
            value = data.get(name)
            if assigned is not None and value is not None and value > assigned:  # type: ignore[operator]
                self.add_error(name, "Không được lớn hơn số nhiệm vụ được giao.")
        return data


class ProposalForm(forms.Form):
    rating = forms.ChoiceField(label="Mức đề xuất", choices=RATING_CHOICES)
    note = forms.CharField(label="Nhận xét", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="Ngày họp (dd/mm/yyyy)", input_formats=DATE_INPUT)
    present = forms.IntegerField(label="Số người dự", min_value=0)
    convened = forms.IntegerField(label="Số người được triệu tập", min_value=1)
    summary = forms.CharField(label="Tóm tắt ý kiến, kết quả biểu quyết", widget=forms.Textarea(attrs={"rows": 3}))
