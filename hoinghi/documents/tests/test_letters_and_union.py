"""The Công văn (number, "V/v …" line) and the trade union's letterhead (thể thức chưa xác minh)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hoinghi.conference.models import Conference
from hoinghi.conference.selectors import ResolutionData, TargetRecord, VoteRecord
from hoinghi.documents.builders import build_results_letter
from hoinghi.documents.catalogue import kind
from hoinghi.documents.contexts import Issuer, ResultsLetterContext, Signer
from hoinghi.documents.docx_writer import render_docx
from hoinghi.documents.paper import numbered
from hoinghi.documents.services import (
    create_draft,
    issue_document,
    render_kind,
    set_register_settings,
)
from hoinghi.documents.tests.reading import full_text, load, style_of, texts
from hoinghi.emulation.models import Award
from hoinghi.emulation.services import DecisionHeader, create_decision
from hoinghi.emulation.vocabulary import Issuer as AwardIssuer
from hoinghi.law.documents import STATE_NUMBER_RE
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import AgencyKind, Person, WorkYear
from hoinghi.testing import World

ISSUED = date(2026, 1, 20)
RESOLUTION = ResolutionData(
    agency_name="Văn phòng Sở Nội vụ",
    year=2026,
    reviewed_year=2025,
    held_on=date(2026, 1, 16),
    present=30,
    convened=32,
    adopted=[
        VoteRecord("Nghị quyết Hội nghị", "Nghị quyết", "Giơ tay", 30, 30, 0, 0, True, "", [])
    ],
    rejected=[],
    targets=[TargetRecord("100% hoàn thành nhiệm vụ", "%", "")],
    inspection_board=["Nguyễn Văn An", "Trần Thị Bình"],
    awards=[],
    pledge_signed=True,
)


def _letter(kind_of_agency: str, drafting: str = "TH") -> ResultsLetterContext:
    issuer = Issuer(
        "Văn phòng",
        "Sở Nội vụ tỉnh Thạch Bình",
        "VP",
        kind_of_agency,
        "Thạch Bình",
        Signer("Lê Minh Châu", "Chánh Văn phòng"),
        None,
    )
    return ResultsLetterContext(issuer, "Sở Nội vụ tỉnh Thạch Bình", drafting, RESOLUTION)


def test_a_state_letter_is_numbered_with_the_drafting_unit_and_carries_its_v_v_line() -> None:
    paper = build_results_letter(_letter(AgencyKind.STATE))
    doc = load(render_docx(numbered(paper, 12, ISSUED), year=2026))
    lines = texts(doc)
    # docs/domain/examples.md §8 E2
    assert "Số: 12/VP-TH" in lines and STATE_NUMBER_RE.fullmatch("Số: 12/VP-TH")
    v_v = next(t for t in lines if t.startswith("V/v "))
    assert lines.index(v_v) == lines.index("Số: 12/VP-TH") + 1  # under the number
    assert style_of(doc, v_v).size_pt == 12
    assert "CÔNG VĂN" not in lines  # a công văn has no type name
    assert "Kính gửi: Sở Nội vụ tỉnh Thạch Bình" in lines
    assert lines[lines.index("Nơi nhận:") + 1] == "- Như trên;"


def test_without_a_drafting_unit_the_symbol_is_the_issuer_alone() -> None:
    paper = build_results_letter(_letter(AgencyKind.STATE, drafting=""))
    assert "Số: 03/VP" in texts(load(render_docx(numbered(paper, 3, ISSUED), year=2026)))


def test_a_party_letter_uses_cv_and_an_italic_v_v_line() -> None:
    paper = build_results_letter(_letter(AgencyKind.PARTY))
    doc = load(render_docx(numbered(paper, 7, ISSUED), year=2026))
    v_v = next(t for t in texts(doc) if t.startswith("V/v "))
    assert "Số 07-CV/VP" in texts(doc) and style_of(doc, v_v).italic is True


@pytest.mark.django_db
def test_the_letter_reports_the_conference_to_the_superior(conference_2024: Conference) -> None:
    text = full_text(load(render_kind("cong-van-ket-qua-hoi-nghi", conference_2024.agency, 2024)))
    assert "Kính gửi: Huyện ủy Thạch Bình" in text
    # The Party office employs no public employees: its conference is named without them,
    # as its own news and the seed report name it.
    assert "V/v Báo cáo kết quả Hội nghị cán bộ, công chức, người lao động năm 2024" in text
    assert "viên chức" not in text
    assert "số người dự: 32/32" in text


def _union_awards(world: World) -> WorkYear:
    work_year = WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    decision = create_decision(
        work_year,
        DecisionHeader(
            AwardIssuer.UNION, "Ban Chấp hành Công đoàn", "02/QĐ-CĐ", date(2025, 12, 22)
        ),
    )
    for person in Person.objects.filter(agency=world.agency).order_by("sort_key")[:3]:
        Award.objects.create(
            decision=decision,
            work_year=work_year,
            person=person,
            title=Title.GIAY_KHEN,
            bonus_amount=500_000,
        )
    return work_year


@pytest.mark.django_db
def test_the_union_decision_has_the_union_letterhead_and_signature(world: World) -> None:
    _union_awards(world)
    doc = load(render_kind("quyet-dinh-giay-khen-cong-doan", world.agency, 2025))
    lines = texts(doc)
    assert "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" in lines  # no upper union set: the Confederation
    assert style_of(doc, "CÔNG ĐOÀN CƠ QUAN THỬ NGHIỆM").bold is True
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines and "Độc lập - Tự do - Hạnh phúc" in lines
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in lines  # even for a Party office's union
    assert "TM. BAN CHẤP HÀNH" in lines and "CHỦ TỊCH" in lines and "Hoàng Văn Đoàn" in lines
    assert "Số:        /QĐ-CĐ" in lines
    assert len(doc.tables[-1].rows) == 4  # the three union awards, not the head's
    assert "chưa xác minh" in kind("quyet-dinh-giay-khen-cong-doan").description


@pytest.mark.django_db
def test_the_union_has_its_own_series_and_upper_union(world: World) -> None:
    _union_awards(world)
    set_register_settings(
        world.agency,
        numbering="single",
        union_superior="Công đoàn Viên chức tỉnh",
        actor=world.leader,
        on=date(2026, 1, 2),
    )
    union = issue_document(
        create_draft(world.agency, "quyet-dinh-giay-khen-cong-doan", year=2025, actor=world.clerk),
        actor=world.clerk,
        on=date(2026, 1, 5),
        confirm_empty=True,
    )
    notice = issue_document(
        create_draft(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk),
        actor=world.clerk,
        on=date(2026, 1, 5),
        confirm_empty=True,
    )
    assert (union.number_text, union.register_key) == ("Số: 01/QĐ-CĐ", "cong_doan:chung")
    assert notice.number_text == "Số 01-TB/CQTN"  # the agency's series is another one
    lines = texts(load(union.file.open("rb").read()))
    assert "CÔNG ĐOÀN VIÊN CHỨC TỈNH" in lines and "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" not in lines


def test_a_state_header_is_unchanged_by_the_union_option() -> None:
    paper = build_results_letter(_letter(AgencyKind.STATE))
    assert paper.header.letterhead == "state" and replace(paper.header).letterhead == "state"


@pytest.mark.django_db
def test_an_agency_employing_public_employees_names_them_in_its_conference(
    conference_2024: Conference,
) -> None:
    from hoinghi.org.models import Person, StaffCategory

    agency = conference_2024.agency
    Person.objects.filter(agency=agency, staff_code="HU05").update(
        category=StaffCategory.PUBLIC_EMPLOYEE
    )
    letter = full_text(load(render_kind("cong-van-ket-qua-hoi-nghi", agency, 2024)))
    assert "Hội nghị cán bộ, công chức, viên chức, người lao động năm 2024" in letter
    minutes = full_text(load(render_kind("bien-ban-hoi-nghi", agency, 2024)))
    assert "tổ chức Hội nghị cán bộ, công chức, viên chức, người lao động năm 2024" in minutes
