"""Forms of targets and tasks; labels in Vietnamese, dates dd/mm/yyyy."""

from __future__ import annotations

from django import forms

from hoinghi.org.models import Person, Unit
from hoinghi.plans.models import ItemKind, ItemSource

DATE_INPUT = ["%d/%m/%Y", "%Y-%m-%d"]


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ItemKind.choices)
    code = forms.CharField(label="Số thứ tự, mã", max_length=30, required=False)
    title = forms.CharField(
        label="Nội dung", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    source = forms.ChoiceField(label="Nguồn", choices=ItemSource.choices)
    unit = forms.ModelChoiceField(
        label="Đơn vị thực hiện",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="Cơ quan (chung)",
    )
    person = forms.ModelChoiceField(
        label="Người thực hiện",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— Chọn người —",
    )
    measure = forms.CharField(label="Đơn vị tính", max_length=60, required=False)
    target_value = forms.DecimalField(
        label="Giá trị chỉ tiêu", required=False, max_digits=14, decimal_places=2
    )
    due_on = forms.DateField(
        label="Hạn hoàn thành (dd/mm/yyyy)", required=False, input_formats=DATE_INPUT
    )

    def __init__(
        self, *args: object, units: object = None, people: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class ProgressForm(forms.Form):
    progress_percent = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100)
    achieved_value = forms.DecimalField(
        label="Giá trị đạt được", required=False, max_digits=14, decimal_places=2
    )
    completed_on = forms.DateField(
        label="Ngày hoàn thành (dd/mm/yyyy)", required=False, input_formats=DATE_INPUT
    )
    quality_ok = forms.BooleanField(label="Bảo đảm chất lượng", required=False, initial=True)
    exceeded = forms.BooleanField(label="Vượt mức yêu cầu", required=False)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="Giao cho đơn vị",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="— Chọn đơn vị —",
    )
    person = forms.ModelChoiceField(
        label="Giao cho người",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— Chọn người —",
    )
    due_on = forms.DateField(
        label="Hạn hoàn thành (dd/mm/yyyy)", required=False, input_formats=DATE_INPUT
    )

    def __init__(
        self, *args: object, units: object = None, people: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class EvidenceForm(forms.Form):
    file = forms.FileField(label="Tệp minh chứng")
    name = forms.CharField(label="Tên tài liệu", max_length=255, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
