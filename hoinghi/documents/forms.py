from __future__ import annotations

from typing import Any

from django import forms

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
    """One text box per editable section of the draft."""

    def __init__(self, *args: Any, sections: list[Section], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
