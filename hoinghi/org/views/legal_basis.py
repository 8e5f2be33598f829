"""Cơ sở pháp lý: the rules in force on a date, with their citations."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from hoinghi.law.citations import Confidence
from hoinghi.law.instruments import all_instruments
from hoinghi.law.registry import load_all, rules_in_force

CONFIDENCE_LABELS = {
    Confidence.PRIMARY: "Đã đối chiếu văn bản gốc",
    Confidence.SECONDARY: "Theo nguồn thứ cấp, cần đối chiếu Công báo",
    Confidence.UNVERIFIED: "Chưa xác minh: áp dụng theo lựa chọn của cơ quan",
}


def parse_day(raw: str | None, default: date) -> tuple[date, str]:
    """The date asked for, or the default with a Vietnamese message when it cannot be read."""
    if not raw:
        return default, ""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, fmt).date(), ""  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    return (
        default,
        f"Không đọc được ngày “{raw}”: xin nhập theo dạng ngày/tháng/năm, ví dụ 15/01/2024.",
    )


def legal_basis(request: HttpRequest) -> HttpResponse:
    on, error = parse_day(request.GET.get("ngay"), timezone.localdate())
    load_all()
    rules = sorted(rules_in_force(on), key=lambda r: r.code)
    groups: dict[str, list[object]] = {}
    for rule in rules:
        groups.setdefault(rule.code.split(".")[0], []).append(rule)
    return render(
        request,
        "org/legal_basis.html",
        {
            "on": on,
            "error": error,
            "groups": sorted(groups.items()),
            "rule_count": len(rules),
            "confidence_labels": {k.value: v for k, v in CONFIDENCE_LABELS.items()},
            "instruments": [i for i in all_instruments() if i.in_force(on)],
        },
    )
