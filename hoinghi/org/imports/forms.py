from __future__ import annotations

from django import forms


class StaffFileForm(forms.Form):
    file = forms.FileField(
        label="Tệp danh sách cán bộ (.xlsx hoặc .csv)",
        error_messages={"required": "Hãy chọn tệp để tải lên.", "empty": "Tệp rỗng."},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
