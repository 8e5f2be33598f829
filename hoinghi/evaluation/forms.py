"""Forms of the evaluation steps; labels in Vietnamese, dates dd/mm/yyyy."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from hoinghi.evaluation.models import (
    CRITERIA_CHOICES,
    DISCIPLINE_CHOICES,
    GROUND_CHOICES,
    LEAVE_CHOICES,
    RATING_CHOICES,
)
from hoinghi.org.models import Person, Unit

DATE_INPUT = ["%d/%m/%Y", "%Y-%m-%d"]


class SelfAssessmentForm(forms.Form):
    text = forms.CharField(
        label="Bản tự đánh giá (ưu điểm, hạn chế, kết quả thực hiện nhiệm vụ)",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    score = forms.DecimalField(
        label="Tự chấm điểm (thang 100)",
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
    )
    general_criteria = forms.ChoiceField(
        label="Tiêu chí chung", choices=CRITERIA_CHOICES, initial="dat"
    )
    tasks_assigned = forms.IntegerField(label="Số nhiệm vụ được giao", min_value=0, initial=0)
    tasks_on_time = forms.IntegerField(
        label="Hoàn thành đúng hạn, bảo đảm chất lượng", min_value=0, initial=0
    )
    tasks_exceeded = forms.IntegerField(label="Hoàn thành vượt mức", min_value=0, initial=0)
    tasks_short = forms.IntegerField(
        label="Còn hạn chế về chất lượng, tiến độ", min_value=0, initial=0
    )
    self_rating = forms.ChoiceField(
        label="Tự xếp loại", choices=[("", "— Chọn mức tự xếp loại —"), *RATING_CHOICES]
    )

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
            if assigned is not None and value is not None and value > assigned:
                self.add_error(name, "Không được lớn hơn số nhiệm vụ được giao.")
        return data


class ProposalForm(forms.Form):
    rating = forms.ChoiceField(label="Mức đề xuất", choices=RATING_CHOICES)
    note = forms.CharField(
        label="Nhận xét", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="Ngày họp (dd/mm/yyyy)", input_formats=DATE_INPUT)
    present = forms.IntegerField(label="Số người dự", min_value=0)
    convened = forms.IntegerField(label="Số người được triệu tập", min_value=1)
    summary = forms.CharField(
        label="Tóm tắt ý kiến, kết quả biểu quyết", widget=forms.Textarea(attrs={"rows": 3})
    )


def person_choices(people: Iterable[Person]) -> list[tuple[str, str]]:
    return [("", "— Chọn người —")] + [
        (p.staff_code, f"{p.full_name} ({p.staff_code})") for p in people
    ]


class PersonField(forms.ChoiceField):
    """A staff member of the agency, chosen by staff code (names in Vietnamese order)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(
            *args,
            label="Người",
            error_messages={
                "required": "Chọn người.",
                "invalid_choice": "Người được chọn không thuộc cơ quan.",
            },
            **kwargs,
        )


class AbsenceForm(forms.Form):
    person = PersonField()
    kind = forms.ChoiceField(label="Loại nghỉ", choices=LEAVE_CHOICES)
    starts_on = forms.DateField(
        label="Từ ngày (dd/mm/yyyy)",
        input_formats=DATE_INPUT,
        error_messages={
            "required": "Nhập ngày bắt đầu nghỉ.",
            "invalid": "Ngày bắt đầu không hợp lệ (viết dd/mm/yyyy).",
        },
    )
    ends_on = forms.DateField(
        label="Đến ngày (dd/mm/yyyy)",
        input_formats=DATE_INPUT,
        error_messages={
            "required": "Nhập ngày kết thúc nghỉ.",
            "invalid": "Ngày kết thúc không hợp lệ (viết dd/mm/yyyy).",
        },
    )
    note = forms.CharField(label="Ghi chú (số quyết định, giấy tờ)", required=False, max_length=255)

    def __init__(self, *args: Any, people: Iterable[Person] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = person_choices(people)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "Ngày kết thúc phải sau ngày bắt đầu nghỉ.")
        return data


class DisciplineForm(forms.Form):
    person = PersonField()
    level = forms.ChoiceField(label="Hình thức kỷ luật", choices=DISCIPLINE_CHOICES)
    ground = forms.ChoiceField(label="Lý do", choices=GROUND_CHOICES)
    decided_on = forms.DateField(
        label="Ngày quyết định (dd/mm/yyyy)",
        input_formats=DATE_INPUT,
        error_messages={
            "required": "Nhập ngày quyết định kỷ luật.",
            "invalid": "Ngày quyết định không hợp lệ (viết dd/mm/yyyy).",
        },
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    counted_elsewhere = forms.BooleanField(
        label="Hành vi đã được tính khi xếp loại năm khác", required=False
    )

    def __init__(self, *args: Any, people: Iterable[Person] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = person_choices(people)  # type: ignore[attr-defined]


class UnitDecisionForm(forms.Form):
    """The decision on the units' levels: one level per unit, who decided, number and date."""

    issuer = forms.CharField(
        label="Cơ quan, người quyết định",
        max_length=160,
        error_messages={"required": "Ghi cơ quan, người quyết định."},
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    decided_on = forms.DateField(
        label="Ngày quyết định (dd/mm/yyyy)",
        input_formats=DATE_INPUT,
        error_messages={
            "required": "Nhập ngày quyết định.",
            "invalid": "Ngày quyết định không hợp lệ (viết dd/mm/yyyy).",
        },
    )

    def __init__(
        self, *args: Any, units: Iterable[Unit] = (), party: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.units = list(units)
        for unit in self.units:
            self.fields[f"rating_{unit.code}"] = forms.ChoiceField(
                label=unit.name,
                required=False,
                choices=[("", "— Chưa quyết định —"), *RATING_CHOICES],
            )
        if party:
            self.fields["decision_number"].required = True
            self.fields["decision_number"].error_messages["required"] = (
                "Cơ quan Đảng: ghi số quyết định của cấp ủy cấp trên."
            )

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[f"rating_{u.code}"] for u in self.units]

    def ratings(self) -> dict[Unit, str]:
        return {
            u: self.cleaned_data[f"rating_{u.code}"]
            for u in self.units
            if self.cleaned_data.get(f"rating_{u.code}")
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.units and not any(data.get(f"rating_{u.code}") for u in self.units):
            raise forms.ValidationError("Chọn mức xếp loại cho ít nhất một đơn vị.")
        return data
