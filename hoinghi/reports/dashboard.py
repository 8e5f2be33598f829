"""The dashboard's tables and charts: one agency's year, a province's agencies, the years.

Every chart is drawn from the table beside it; the same tables are exported as XLSX.
"""

from __future__ import annotations

from dataclasses import dataclass

from hoinghi.org.models import Agency, WorkYear
from hoinghi.reports.numbers import percent, ratio
from hoinghi.reports.selectors import YearSummary, province_rows, work_years_of, year_summary
from hoinghi.reports.svg import Part, bar_chart, donut, stacked_bar
from hoinghi.reports.tables import Table

DONE, NOT_DONE = "Hoàn thành", "Chưa hoàn thành"


@dataclass(frozen=True)
class Dashboard:
    agency: Agency
    year: int
    summary: YearSummary
    tables: list[Table]


def completion_table(s: YearSummary) -> Table:
    rows: list[list[object]] = [
        ["Chỉ tiêu", s.targets_total, s.targets_done, s.targets_total - s.targets_done],
        ["Nhiệm vụ", s.tasks_total, s.tasks_done, s.tasks_total - s.tasks_done],
    ]
    chart = stacked_bar(
        "chi-tieu",
        f"Chỉ tiêu, nhiệm vụ năm {s.year}",
        [
            (str(r[0]), [Part(DONE, int(r[2])), Part(NOT_DONE, int(r[3]))])  # type: ignore[call-overload]
            for r in rows
        ],
    )
    return Table("chi-tieu", "Chỉ tiêu, nhiệm vụ", ["Loại", "Tổng số", DONE, NOT_DONE], rows, chart)


def unit_ratings_table(s: YearSummary) -> Table:
    rows: list[list[object]] = [[name, g.label] for g in s.unit_ratings for name in g.names]
    chart = (
        bar_chart(
            "xep-loai-don-vi",
            f"Xếp loại đơn vị năm {s.year}",
            [Part(g.label, g.count) for g in s.unit_ratings],
        )
        if rows
        else ""
    )
    note = f"Cơ quan quyết định: {s.unit_issuer}." if s.unit_issuer else ""
    return Table(
        "xep-loai-don-vi", "Xếp loại đơn vị", ["Đơn vị", "Mức xếp loại"], rows, chart, note
    )


def people_ratings_table(s: YearSummary) -> Table:
    total = sum(g.count for g in s.people_ratings)
    rows: list[list[object]] = [
        [g.label, g.count, percent(g.count, total)] for g in s.people_ratings
    ]
    chart = (
        donut(
            "xep-loai-ca-nhan",
            f"Xếp loại cá nhân năm {s.year}",
            [Part(g.label, g.count) for g in s.people_ratings],
        )
        if rows
        else ""
    )
    return Table(
        "xep-loai-ca-nhan",
        "Xếp loại cá nhân",
        ["Mức xếp loại", "Số người", "Tỷ lệ"],
        rows,
        chart,
        footer=["Cộng", total, "100%" if total else ""] if rows else [],
    )


def titles_table(s: YearSummary) -> Table:
    rows: list[list[object]] = [
        [
            f.label,
            "Tập thể" if f.collective else "Cá nhân",
            f.awarded,
            f.base,
            percent(f.awarded, f.base),
        ]
        for f in s.titles
    ]
    rows += [
        [
            r.name,
            {"people": "Cá nhân", "units": "Tập thể"}.get(r.scope, "Cơ quan"),
            r.count,
            r.base,
            percent(r.count, r.base),
        ]
        for r in s.recognitions
    ]
    chart = (
        bar_chart(
            "danh-hieu",
            f"Danh hiệu thi đua năm {s.year}",
            [Part(str(r[0]), int(r[2])) for r in rows],  # type: ignore[call-overload]
        )
        if rows
        else ""
    )
    return Table(
        "danh-hieu",
        "Danh hiệu thi đua, công nhận",
        ["Danh hiệu", "Đối tượng", "Số đạt", "Trên tổng số", "Tỷ lệ"],
        rows,
        chart,
    )


def training_table(s: YearSummary) -> Table:
    rows: list[list[object]] = [
        ["Lượt tham gia đào tạo, bồi dưỡng", s.training_courses],
        ["Số người tham gia", s.training_people],
    ]
    return Table(
        "dao-tao",
        "Đào tạo, bồi dưỡng",
        ["Chỉ số", "Số lượng"],
        rows,
        bar_chart(
            "dao-tao",
            f"Đào tạo, bồi dưỡng năm {s.year}",
            [Part(str(r[0]), int(r[1])) for r in rows],  # type: ignore[call-overload]
        ),
    )


def conference_table(s: YearSummary) -> Table:
    c = s.conference
    if c is None:
        return Table(
            "hoi-nghi",
            "Hội nghị",
            ["Nội dung", "Có mặt", "Tán thành", "Không tán thành", "Không biểu quyết", "Kết quả"],
            [],
            note="Chưa có Hội nghị tổng kết năm này.",
        )
    rows: list[list[object]] = [
        ["Người dự (có mặt/triệu tập)", c.present, "", "", "", ratio(c.present, c.convened)]
    ]
    rows += [
        [
            v.title,
            v.present,
            v.votes_for,
            v.votes_against,
            v.abstentions,
            ("Thông qua" if v.adopted else "Không thông qua")
            + f" ({percent(v.votes_for, v.present)})",
        ]
        for v in c.votes
    ]
    chart = stacked_bar(
        "hoi-nghi",
        f"Hội nghị năm {c.year}: dự và biểu quyết",
        [
            ("Người dự", [Part("Có mặt", c.present), Part("Vắng", c.convened - c.present)]),
            *[
                (
                    v.title,
                    [
                        Part("Tán thành", v.votes_for),
                        Part("Không tán thành", v.votes_against),
                        Part("Không biểu quyết", v.abstentions),
                    ],
                )
                for v in c.votes
            ],
        ],
    )
    return Table(
        "hoi-nghi",
        f"Hội nghị năm {c.year} ({c.held_on:%d/%m/%Y})",
        ["Nội dung", "Có mặt", "Tán thành", "Không tán thành", "Không biểu quyết", "Kết quả"],
        rows,
        chart,
    )


def agency_dashboard(work_year: WorkYear) -> Dashboard:
    s = year_summary(work_year)
    tables = [
        completion_table(s),
        unit_ratings_table(s),
        people_ratings_table(s),
        titles_table(s),
        training_table(s),
        conference_table(s),
    ]
    return Dashboard(work_year.agency, work_year.year, s, tables)


def _title_count(s: YearSummary, title: str) -> int:
    return next((f.awarded for f in s.titles if f.title == title), 0)


def _row(label: object, s: YearSummary) -> list[object]:
    c = s.conference
    return [
        label,
        s.staff,
        s.targets_done,
        s.targets_total,
        s.tasks_done,
        s.tasks_total,
        _title_count(s, "ldtt"),
        _title_count(s, "cstdcs"),
        c.present if c else "",
        c.convened if c else "",
    ]


HEADERS = [
    "",
    "Số người",
    "Chỉ tiêu hoàn thành",
    "Tổng chỉ tiêu",
    "Nhiệm vụ hoàn thành",
    "Tổng nhiệm vụ",
    "Lao động tiên tiến",
    "Chiến sĩ thi đua cơ sở",
    "Dự Hội nghị",
    "Triệu tập",
]


def trends_table(agency: Agency) -> Table:
    """The agency's figures year by year (every work year on record)."""
    summaries = [year_summary(y) for y in work_years_of(agency)]
    rows = [_row(s.year, s) for s in summaries]
    chart = (
        stacked_bar(
            "qua-cac-nam",
            "Nhiệm vụ hoàn thành qua các năm",
            [
                (
                    f"Năm {s.year}",
                    [Part(DONE, s.tasks_done), Part(NOT_DONE, s.tasks_total - s.tasks_done)],
                )
                for s in summaries
            ],
        )
        if rows
        else ""
    )
    return Table("qua-cac-nam", "Qua các năm", ["Năm", *HEADERS[1:]], rows, chart)


def province_table(agency: Agency, year: int) -> Table:
    """The agencies under ``agency`` (a province), each with its year, and their totals."""
    rows = province_rows(agency, year)
    totals = [0] * (len(HEADERS) - 1)
    for row in rows:
        totals = [
            t + (v if isinstance(v, int) else 0) for t, v in zip(totals, row[1:], strict=True)
        ]
    chart = (
        stacked_bar(
            "toan-tinh",
            f"Nhiệm vụ hoàn thành năm {year}, theo cơ quan",
            [
                (
                    str(r[0]),
                    [
                        Part(DONE, int(r[4]) if r[4] != "" else 0),  # type: ignore[call-overload]
                        Part(NOT_DONE, int(r[5]) - int(r[4]) if r[5] != "" else 0),  # type: ignore[call-overload]
                    ],
                )
                for r in rows
            ],
        )
        if rows
        else ""
    )
    return Table(
        "toan-tinh",
        f"Các cơ quan trực thuộc năm {year}",
        ["Cơ quan", *HEADERS[1:]],
        rows,
        chart,
        footer=["Cộng", *totals] if rows else [],
    )
