"""The leaders' edit of the news item: headline, lead and body (paragraphs by blank lines), byline."""

from __future__ import annotations

from django import forms

from hoinghi.reports.services import MAX_HEADLINE, MAX_TEXT


class NewsForm(forms.Form):
    headline = forms.CharField(label="Tiêu đề", max_length=MAX_HEADLINE)
    text = forms.CharField(
        label="Sa-pô và thân bài",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text="Đoạn đầu là sa-pô (thời gian, địa điểm, thành phần); các đoạn cách nhau một "
        "dòng trống.",
        strip=False,
    )
    byline = forms.CharField(label="Tác giả", max_length=MAX_HEADLINE, required=False)
