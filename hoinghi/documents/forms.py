from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from hoinghi.documents.catalogue import KINDS, SLUG_CHOICES
from hoinghi.documents.models import RegisterSettings
from hoinghi.documents.paper import Section

PERSONAL_CHOICES = [(k.slug, k.name) for k in KINDS if k.person != "no"]


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label="Loại văn bản", choices=SLUG_CHOICES)
    year = forms.IntegerField(label="Năm công tác", min_value=2000, max_value=2100)
    person = forms.CharField(label="Mã cán bộ (văn bản cá nhân)", max_length=40, required=False)


class BatchForm(forms.Form):
    kind = forms.ChoiceField(label="Loại văn bản", choices=PERSONAL_CHOICES)
    year = forms.IntegerField(label="Năm công tác", min_value=2000, max_value=2100)
    with_pdf = forms.BooleanField(label="Kèm bản PDF", required=False)


class SectionsForm(forms.Form):
    """One text box per editable part of the draft: sections, then summary, date, bases,
    recipients, signers and lists (``parts``: key, label, current text)."""

    def __init__(
        self,
        *args: Any,
        sections: list[Section],
        parts: list[tuple[str, str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for key, label, text in parts or []:
            self.fields[key] = forms.CharField(
                label=label,
                initial=text,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": max(1, min(12, text.count("\n") + 1))}),
            )
        for section in sections:
            self.fields[section.key] = forms.CharField(
                label=section.heading or "Nội dung",
                initial=section.text,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": max(3, len(section.paragraphs) + 1)}),
            )


class RegisterSettingsForm(forms.ModelForm):
    class Meta:
        model = RegisterSettings
        fields = ["numbering", "decided_by", "drafting_code", "union_name", "union_superior"]
        widgets = {"numbering": forms.RadioSelect}


class IssueForm(forms.Form):
    """The confirmation step of "Ban hành": the date, a number from the paper register, copies."""

    issued_on = forms.DateField(
        label="Ngày ban hành (dd/mm/yyyy)",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(
            format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
        ),
    )
    number = forms.IntegerField(
        label="Số (chỉ ghi khi lấy số theo sổ giấy; để trống để cấp số tiếp theo)",
        required=False,
        min_value=1,
        max_value=99_999,
    )
    copies = forms.IntegerField(label="Số lượng bản", min_value=1, max_value=999, initial=1)
    confirm_empty = forms.BooleanField(
        label="Xác nhận ban hành dù danh sách kèm theo đang trống", required=False
    )
    confirm = forms.BooleanField(
        label="Tôi đã kiểm tra bản xem trước và đồng ý ban hành", required=True
    )

    def clean_issued_on(self) -> date:
        chosen: date = self.cleaned_data["issued_on"]
        today = timezone.localdate()
        if chosen > today:
            raise forms.ValidationError(
                f"Ngày ban hành {chosen:%d/%m/%Y} ở sau hôm nay ({today:%d/%m/%Y})."
            )
        return chosen


class SignedCopyForm(forms.Form):
    file = forms.FileField(label="Bản đã ký (PDF, ảnh JPEG) hoặc bản sửa bằng Word (DOCX)")


class StartingNumberForm(forms.Form):
    register_key = forms.CharField(label="Dãy số (sổ)", max_length=60)
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    next_number = forms.IntegerField(label="Số tiếp theo", min_value=1, max_value=99_999)
