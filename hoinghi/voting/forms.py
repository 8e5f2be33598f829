"""Forms of the voter's and the secretary's pages. Labels in Vietnamese."""

from __future__ import annotations

from typing import Any

from django import forms

from hoinghi.voting import receipts
from hoinghi.voting.models import Candidate, Poll
from hoinghi.voting.vocabulary import MOTION_CHOICE_LABELS


def motion_choices() -> list[tuple[str, str]]:
    return [(k.value, v) for k, v in MOTION_CHOICE_LABELS.items()]


def candidate_choices(candidates: list[Candidate]) -> list[tuple[str, str]]:
    return [(str(c.pk), f"{c.name} — {c.note}" if c.note else c.name) for c in candidates]


class VoteForm(forms.Form):
    """One ballot: a choice for a motion, the names kept for an election (unticked = struck)."""

    key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, poll: Poll, candidates: list[Candidate], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"key": receipts.new_key()})
        super().__init__(*args, **kwargs)
        if poll.is_election:
            self.fields["kept"] = forms.MultipleChoiceField(
                label=f"Giữ lại tối đa {poll.seats} người (bỏ chọn là gạch tên)",
                choices=candidate_choices(candidates),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        else:
            self.fields["choice"] = forms.ChoiceField(
                label="Ý kiến của đồng chí",
                choices=motion_choices(),
                widget=forms.RadioSelect,
                error_messages={"required": "Hãy chọn một ý kiến."},
            )


class OpenForm(forms.Form):
    present = forms.IntegerField(label="Số người có mặt", min_value=0)
    convened = forms.IntegerField(label="Số người (đại biểu) được triệu tập", min_value=0)


class HandCountForm(forms.Form):
    votes_for = forms.IntegerField(label="Tán thành", min_value=0)
    votes_against = forms.IntegerField(label="Không tán thành", min_value=0)
    abstentions = forms.IntegerField(label="Không biểu quyết", min_value=0)


class IssuedForm(forms.Form):
    ballots_issued = forms.IntegerField(label="Số phiếu phát ra", min_value=0)


class PaperEntryForm(forms.Form):
    sheet = forms.IntegerField(label="Số thứ tự phiếu", min_value=1)
    spoiled = forms.BooleanField(
        label="Phiếu không hợp lệ (sai mẫu, ghi thêm tên…)", required=False
    )

    def __init__(self, *args: Any, poll: Poll, candidates: list[Candidate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if poll.is_election:
            self.fields["kept"] = forms.MultipleChoiceField(
                label="Tên còn lại trên phiếu (không bị gạch)",
                choices=candidate_choices(candidates),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        else:
            self.fields["choice"] = forms.ChoiceField(
                label="Ý kiến trên phiếu", choices=[("", "—"), *motion_choices()], required=False
            )
