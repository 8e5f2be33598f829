"""Forms of the emulation pages. Dates are typed dd/mm/yyyy."""

from __future__ import annotations

from typing import Any

from django import forms

from hoinghi.emulation.vocabulary import (
    INITIATIVE_KIND_CHOICES,
    INITIATIVE_LEVEL_CHOICES,
    ISSUER_CHOICES,
    PERSON_TITLES,
    UNIT_TITLES,
)
from hoinghi.law.emulation.vocabulary import TITLE_LABELS, Title
from hoinghi.org.models import Agency, Person, Unit

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class DateField(forms.DateField):
    def __init__(self, label: str, **kwargs: Any) -> None:
        super().__init__(
            label=label,
            input_formats=DATE_FORMATS,
            widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
            error_messages={"invalid": f"{label}: nhập ngày theo dạng dd/mm/yyyy."},
            **kwargs,
        )


def title_choices(individual: bool) -> list[tuple[str, str]]:
    titles = PERSON_TITLES if individual else UNIT_TITLES
    return [(str(t), TITLE_LABELS[t]) for t in titles]


def all_title_choices() -> list[tuple[str, str]]:
    return [(str(t), TITLE_LABELS[t]) for t in Title]


class LaunchForm(forms.Form):
    launched_on = DateField("Ngày phát động")
    theme = forms.CharField(label="Chủ đề", max_length=255)
    movements = forms.CharField(
        label="Các phong trào (mỗi phong trào một dòng)", widget=forms.Textarea, required=False
    )
    registration_deadline = DateField("Hạn đăng ký thi đua", required=False)


class RegistrationForm(forms.Form):
    titles = forms.MultipleChoiceField(
        label="Danh hiệu đăng ký",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": "Danh hiệu đăng ký: «%(value)s» không dành cho cá nhân, tập thể này."
        },
    )

    def __init__(self, *args: Any, individual: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["titles"].choices = title_choices(individual)  # type: ignore[attr-defined]


class PledgeForm(forms.Form):
    signed_on = DateField("Ngày ký")
    party_a = forms.CharField(label="Bên thứ nhất", max_length=255)
    signer_a = forms.CharField(label="Người ký bên thứ nhất", max_length=120)
    party_b = forms.CharField(label="Bên thứ hai", max_length=255)
    signer_b = forms.CharField(label="Người ký bên thứ hai", max_length=120)
    commitments = forms.CharField(
        label="Nội dung cam kết (mỗi nội dung một dòng)", widget=forms.Textarea
    )

    def commitment_lines(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["commitments"].splitlines() if line.strip()
        ]


class InitiativeForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Tác giả",
        queryset=Person.objects.none(),
        empty_label="— Chọn người —",
        error_messages={"invalid_choice": "Tác giả: chọn một người trong cơ quan."},
    )
    kind = forms.ChoiceField(label="Loại", choices=INITIATIVE_KIND_CHOICES)
    name = forms.CharField(label="Tên sáng kiến, đề tài", max_length=500)
    level = forms.ChoiceField(label="Cấp công nhận", choices=INITIATIVE_LEVEL_CHOICES)
    recognised_on = DateField("Ngày công nhận")
    recognised_by = forms.CharField(label="Cơ quan công nhận", max_length=255)
    document_number = forms.CharField(label="Số văn bản công nhận", max_length=60, required=False)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(agency=agency)  # type: ignore[attr-defined]


class ProposalForm(forms.Form):
    number = forms.CharField(label="Số tờ trình", max_length=60, required=False)
    proposed_on = DateField("Ngày trình")
    subject = forms.CharField(
        label="Trích yếu", max_length=255, initial="Đề nghị công nhận danh hiệu thi đua"
    )
    titles = forms.MultipleChoiceField(
        label="Đưa vào tờ trình những người, tập thể đủ điều kiện danh hiệu",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["titles"].choices = all_title_choices()  # type: ignore[attr-defined]


class HeadDecisionForm(forms.Form):
    number = forms.CharField(label="Số quyết định", max_length=60)
    signed_on = DateField("Ngày ký")
    signer = forms.CharField(label="Người ký", max_length=120)


class ExternalDecisionForm(forms.Form):
    issuer_kind = forms.ChoiceField(label="Cấp ra quyết định", choices=ISSUER_CHOICES)
    issuer = forms.CharField(label="Cơ quan, người ra quyết định", max_length=255)
    number = forms.CharField(label="Số quyết định", max_length=60)
    signed_on = DateField("Ngày ký")
    title = forms.ChoiceField(label="Danh hiệu, hình thức")
    units = forms.ModelMultipleChoiceField(
        label="Tập thể",
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    people = forms.ModelMultipleChoiceField(
        label="Cá nhân",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].choices = all_title_choices()  # type: ignore[attr-defined]
        self.fields["units"].queryset = Unit.objects.filter(agency=agency)  # type: ignore[attr-defined]
        self.fields["people"].queryset = Person.objects.filter(agency=agency)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("units") and not data.get("people"):
            raise forms.ValidationError(
                "Chọn ít nhất một tập thể hoặc một cá nhân được khen thưởng."
            )
        return data


class EarlierTitleForm(forms.Form):
    person = forms.ModelChoiceField(
        label="Cá nhân",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— Chọn cá nhân —",
    )
    unit = forms.ModelChoiceField(
        label="Tập thể",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="— Chọn tập thể —",
    )
    year = forms.IntegerField(label="Năm", min_value=1990, max_value=2100)
    title = forms.ChoiceField(label="Danh hiệu")
    decision = forms.CharField(
        label="Quyết định (số, ngày, cơ quan)", max_length=255, required=False
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].choices = all_title_choices()  # type: ignore[attr-defined]
        self.fields["person"].queryset = Person.objects.filter(agency=agency)  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError("Chọn đúng một cá nhân hoặc một tập thể.")
        return data


class RecognitionForm(forms.Form):
    name = forms.CharField(
        label="Danh hiệu, tiêu chuẩn được công nhận",
        max_length=255,
        help_text="Ví dụ: An toàn về an ninh trật tự; Gia đình văn hóa.",
    )
    issuer = forms.CharField(label="Cơ quan công nhận", max_length=255, required=False)
    recognised_on = DateField("Ngày công nhận", required=False)


JUDGEMENT_CHOICES = [("", "Chưa đánh giá"), ("1", "Đạt"), ("0", "Không đạt")]


def judgement_value(raw: str) -> bool | None:
    return None if raw == "" else raw == "1"


class UnitJudgementForm(forms.Form):
    """The council's judgement of one collective (one form per unit on the page)."""

    unit = forms.CharField(widget=forms.HiddenInput)
    emulation_active = forms.ChoiceField(
        label="Phong trào thi đua thường xuyên, thiết thực, hiệu quả",
        choices=JUDGEMENT_CHOICES,
        required=False,
    )
    unity = forms.ChoiceField(
        label="Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật",
        choices=JUDGEMENT_CHOICES,
        required=False,
    )
    note = forms.CharField(label="Nhận xét", max_length=500, required=False)


class UpwardProposalForm(forms.Form):
    number = forms.CharField(label="Số tờ trình", max_length=60, required=False)
    proposed_on = DateField("Ngày trình")
    subject = forms.CharField(
        label="Trích yếu", max_length=255, initial="Đề nghị cấp trên khen thưởng"
    )
    recipient = forms.CharField(
        label="Cơ quan nhận đề nghị",
        max_length=255,
        required=False,
        help_text="Để trống: cơ quan cấp trên theo lịch sử cơ quan vào ngày trình (từ 01/07/2025 "
        "không còn cấp huyện). Ví dụ: Ủy ban nhân dân tỉnh; Ban Thường vụ Tỉnh ủy.",
    )
    title = forms.ChoiceField(label="Danh hiệu, hình thức đề nghị")
    units = forms.ModelMultipleChoiceField(
        label="Tập thể",
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    people = forms.ModelMultipleChoiceField(
        label="Cá nhân",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    achievement = forms.CharField(
        label="Thành tích", max_length=500, required=False, widget=forms.Textarea
    )

    def __init__(self, *args: Any, agency: Agency, titles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].choices = [(str(t), TITLE_LABELS[t]) for t in titles]  # type: ignore[attr-defined]
        self.fields["units"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            agency=agency, parent__isnull=True
        ).order_by("position", "name")
        self.fields["people"].queryset = Person.objects.filter(agency=agency).order_by(  # type: ignore[attr-defined]
            "sort_key"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("units") and not data.get("people"):
            raise forms.ValidationError("Chọn ít nhất một tập thể hoặc một cá nhân được đề nghị.")
        return data


class RevokeForm(forms.Form):
    revoked_on = DateField("Ngày thu hồi")
    basis = forms.CharField(
        label="Căn cứ thu hồi (số, ngày quyết định thu hồi và lý do)",
        max_length=500,
        widget=forms.Textarea,
        error_messages={"required": "Chưa nhập căn cứ thu hồi."},
    )
