"""Forms of the conference pages: labels in Vietnamese, errors naming the field."""

from __future__ import annotations

from django import forms

from hoinghi.conference.models import (
    AnswerKind,
    ConferenceKind,
    DraftKind,
    MotionKind,
    ParticipantRole,
)


class ConferenceForm(forms.Form):
    year = forms.IntegerField(label="Hội nghị năm", min_value=2000, max_value=2100)
    held_on = forms.DateField(label="Ngày tổ chức (dd/mm/yyyy)", input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    kind = forms.ChoiceField(label="Loại", choices=ConferenceKind.choices)
    place = forms.CharField(label="Địa điểm", required=False, max_length=255)
    delegates = forms.BooleanField(label="Hội nghị đại biểu", required=False)
    dispersed = forms.BooleanField(label="Làm việc phân tán", required=False)
    proposers = forms.IntegerField(label="Số người đề nghị (Hội nghị bất thường)", min_value=0,
                                   required=False)
    union_proposed = forms.BooleanField(label="Ban Chấp hành Công đoàn đề nghị", required=False)
    head_proposed = forms.BooleanField(label="Người đứng đầu đề nghị", required=False)


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label="Loại tài liệu", choices=DraftKind.choices)
    title = forms.CharField(label="Tiêu đề", max_length=255)
    text = forms.CharField(label="Nội dung", widget=forms.Textarea, required=False)
    file = forms.FileField(label="Tệp đính kèm", required=False)
    comments_until = forms.DateField(label="Nhận góp ý đến (dd/mm/yyyy)", required=False,
                                     input_formats=["%d/%m/%Y", "%Y-%m-%d"])


class CommentForm(forms.Form):
    text = forms.CharField(label="Ý kiến góp ý", widget=forms.Textarea, max_length=5000)


class AnswerForm(forms.Form):
    topic = forms.CharField(label="Nhóm vấn đề", max_length=120, required=False)
    answer_kind = forms.ChoiceField(label="Hình thức trả lời",
                                    choices=[("", "— chưa trả lời —"), *AnswerKind.choices],
                                    required=False)
    answer = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea, required=False)


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="Nội dung", max_length=255)


class MotionForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=MotionKind.choices)
    title = forms.CharField(label="Nội dung biểu quyết", max_length=255)


class CountsForm(forms.Form):
    votes_for = forms.IntegerField(label="Tán thành", min_value=0)
    votes_against = forms.IntegerField(label="Không tán thành", min_value=0, initial=0)
    abstentions = forms.IntegerField(label="Không biểu quyết", min_value=0, initial=0)


class CodeForm(forms.Form):
    code = forms.CharField(label="Mã mời (8 ký tự trên giấy mời)", max_length=12)

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        return code.strip().upper().replace(" ", "")


class AwardForm(forms.Form):
    title = forms.CharField(label="Danh hiệu, hình thức khen thưởng", max_length=255)
    recipient_name = forms.CharField(label="Tập thể, cá nhân", max_length=255)
    decision_ref = forms.CharField(label="Quyết định số", max_length=120, required=False)


class TargetForm(forms.Form):
    text = forms.CharField(label="Chỉ tiêu nghị quyết", max_length=500)
    measure = forms.CharField(label="Mức chỉ tiêu", max_length=120, required=False)


class ReopenForm(forms.Form):
    reason = forms.CharField(label="Lý do mở lại", max_length=500)


class GuestForm(forms.Form):
    role = forms.ChoiceField(label="Tư cách", choices=ParticipantRole.choices)
