"""Forms of the conference pages: labels in Vietnamese, errors naming the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet

from hoinghi.conference.models import (
    AnswerKind,
    Conference,
    ConferenceKind,
    DraftKind,
    MotionKind,
    ParticipantRole,
)
from hoinghi.org.models import Agency, Person, Unit


class ConferenceForm(forms.Form):
    year = forms.IntegerField(label="Hội nghị năm", min_value=2000, max_value=2100)
    held_on = forms.DateField(
        label="Ngày tổ chức (dd/mm/yyyy)", input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )
    kind = forms.ChoiceField(label="Loại", choices=ConferenceKind.choices)
    place = forms.CharField(label="Địa điểm", required=False, max_length=255)
    delegates = forms.BooleanField(label="Hội nghị đại biểu", required=False)
    dispersed = forms.BooleanField(label="Làm việc phân tán", required=False)
    proposers = forms.IntegerField(
        label="Số người đề nghị (Hội nghị bất thường)", min_value=0, required=False
    )
    union_proposed = forms.BooleanField(label="Ban Chấp hành Công đoàn đề nghị", required=False)
    head_proposed = forms.BooleanField(label="Người đứng đầu đề nghị", required=False)


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label="Loại tài liệu", choices=DraftKind.choices)
    title = forms.CharField(label="Tiêu đề", max_length=255)
    text = forms.CharField(label="Nội dung", widget=forms.Textarea, required=False)
    file = forms.FileField(label="Tệp đính kèm", required=False)
    comments_until = forms.DateField(
        label="Nhận góp ý đến (dd/mm/yyyy)", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )


class CommentForm(forms.Form):
    text = forms.CharField(label="Ý kiến góp ý", widget=forms.Textarea, max_length=5000)


class AnswerForm(forms.Form):
    topic = forms.CharField(label="Nhóm vấn đề", max_length=120, required=False)
    answer_kind = forms.ChoiceField(
        label="Hình thức trả lời",
        choices=[("", "— chưa trả lời —"), *AnswerKind.choices],
        required=False,
    )
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


class PersonChoiceField(forms.ModelChoiceField):
    """A person by name; the empty choice asks in Vietnamese (Django's is «---------»)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", "— Chọn người —")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


# A clock time as people type it: 07:30, 7:30, 7h30, 7 giờ 30.
HOUR_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M", "%Hg%M", "%H giờ %M", "%H giờ"]


def people_of(agency: Agency) -> QuerySet[Person]:
    return Person.objects.filter(agency=agency, left_on__isnull=True).order_by("sort_key", "pk")


class PresidiumForm(forms.Form):
    """Đoàn Chủ tịch and thư ký: people of the agency, by name order."""

    presidium = PeopleChoiceField(
        label="Đoàn Chủ tịch", queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    secretaries = PeopleChoiceField(
        label="Thư ký Hội nghị", queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    presidium_head = PersonChoiceField(
        label="Chủ trì Đoàn Chủ tịch (ký «TM. Đoàn Chủ tịch»)",
        queryset=Person.objects.none(),
        required=False,
        empty_label="(mặc định: người đứng đầu cơ quan nếu ở trong Đoàn Chủ tịch)",
    )
    starts_at = forms.TimeField(
        label="Giờ khai mạc dự kiến (giờ Việt Nam, in trên giấy mời)",
        required=False,
        input_formats=HOUR_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("presidium", "secretaries", "presidium_head"):
            self.fields[name].queryset = people_of(agency)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        head, members = data.get("presidium_head"), data.get("presidium") or []
        if head is not None and members and head not in members:
            self.add_error(
                "presidium_head",
                f"{head.full_name} không ở trong Đoàn Chủ tịch: chọn người chủ trì trong Đoàn Chủ tịch.",
            )
        return data


class HoursForm(forms.Form):
    """The opening and closing the secretary noted, printed in the minutes (Vietnam time)."""

    minutes_opened_at = forms.TimeField(
        label="Giờ khai mạc (giờ Việt Nam)",
        required=False,
        input_formats=HOUR_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    minutes_closed_at = forms.TimeField(
        label="Giờ bế mạc (giờ Việt Nam)",
        required=False,
        input_formats=HOUR_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )


class InviteForm(forms.Form):
    """Invite delegates, ex-officio members or guests (guests may come from subordinate units)."""

    role = forms.ChoiceField(label="Tư cách", choices=ParticipantRole.choices)
    people = PeopleChoiceField(
        label="Người được mời", queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency = conference.agency
        self.fields["people"].queryset = (  # type: ignore[attr-defined]
            Person.objects.filter(Q(agency=agency) | Q(agency__parent=agency), left_on__isnull=True)
            .exclude(conference_participations__conference=conference)
            .select_related("agency")
            .order_by("sort_key", "pk")
        )


class QuotaForm(forms.Form):
    """Phân bổ đại biểu: the delegate count and one number per top-level unit."""

    delegate_count = forms.IntegerField(label="Số đại biểu được triệu tập", min_value=1)

    def __init__(
        self, *args: Any, units: list[Unit], initial_quotas: dict[int, int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.units = units
        for unit in units:
            self.fields[f"unit_{unit.pk}"] = forms.IntegerField(
                label=unit.name, min_value=0, initial=initial_quotas.get(unit.pk, 0)
            )

    def quotas(self) -> dict[Unit, int]:
        return {unit: self.cleaned_data[f"unit_{unit.pk}"] or 0 for unit in self.units}


class SpeakerForm(forms.Form):
    speaker = PersonChoiceField(
        label="Người trình bày",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— chưa phân công —",
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = people_of(agency)  # type: ignore[attr-defined]


class ElectionForm(forms.Form):
    """Bầu Ban thanh tra nhân dân: board size, deputies and candidates from the agency's staff."""

    seats = forms.IntegerField(
        label="Số thành viên Ban thanh tra nhân dân", min_value=1, max_value=99, initial=3
    )
    deputies = forms.IntegerField(label="Số Phó Trưởng ban dự kiến", min_value=0, initial=0)
    special_or_dispersed = forms.BooleanField(
        label="Đơn vị đặc thù, phân tán (Ban Chấp hành Công đoàn đề nghị trên 9 thành viên)",
        required=False,
    )
    max_rounds = forms.IntegerField(
        label="Số vòng bầu tối đa theo quy chế bầu cử (khi chưa bầu đủ số thành viên)",
        min_value=1,
        max_value=9,
        initial=2,
        required=False,
    )
    candidates = PeopleChoiceField(
        label="Ứng cử viên (do Ban Chấp hành Công đoàn giới thiệu)",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = people_of(agency)  # type: ignore[attr-defined]


class PledgeForm(forms.Form):
    text = forms.CharField(
        label="Nội dung giao ước thi đua", widget=forms.Textarea, max_length=5000
    )
    signed_on = forms.DateField(
        label="Ngày ký (dd/mm/yyyy)", input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )


class SignerForm(forms.Form):
    signer = PersonChoiceField(label="Người ký", queryset=Person.objects.none())

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = people_of(agency)  # type: ignore[attr-defined]


class ClosingSpeechForm(forms.Form):
    speaker = PersonChoiceField(
        label="Người phát biểu kết luận", queryset=Person.objects.none(), required=False
    )
    points = forms.CharField(
        label="Ý chính phát biểu kết luận (mỗi ý một dòng)",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        required=False,
    )
    quote = forms.CharField(label="Câu trích (nếu có)", max_length=500, required=False)
    awards_by = PersonChoiceField(
        label="Người trao khen thưởng (để trống: Chủ tịch Công đoàn)",
        queryset=Person.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("speaker", "awards_by"):
            self.fields[name].queryset = people_of(agency)  # type: ignore[attr-defined]


class ReminderDoneForm(forms.Form):
    reminder = forms.IntegerField(widget=forms.HiddenInput)
    done_on = forms.DateField(
        label="Đã làm ngày (dd/mm/yyyy)", input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )
