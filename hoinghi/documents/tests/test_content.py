"""What a clerk reads on paper: the law's bases by date, names, no engine text, Word styles."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest

from hoinghi.conference.models import Conference
from hoinghi.documents.catalogue import KINDS
from hoinghi.documents.layout import Letterhead
from hoinghi.documents.services import DocumentError, compose_kind, render_kind
from hoinghi.documents.tests.conftest import make_state_agency
from hoinghi.documents.tests.reading import full_text, load, style_name_of, texts
from hoinghi.law.bases import BasisSet, bases_on
from hoinghi.org.models import Agency, Person, WorkYear

pytestmark = pytest.mark.django_db

ENGINE_TEXT = re.compile(r"chưa xác minh|…|\.\.\.|khách mời: 00|Trúng cử: \.|\bHU\d\d\b")


@pytest.mark.parametrize(
    ("on", "law", "decree"),
    [
        (date(2020, 12, 1), "ngày 26 tháng 11 năm 2003", "91/2017/NĐ-CP"),
        (date(2023, 12, 31), "ngày 26 tháng 11 năm 2003", "91/2017/NĐ-CP"),
        (date(2024, 1, 1), "ngày 15 tháng 6 năm 2022", "98/2023/NĐ-CP"),
        (date(2025, 6, 30), "ngày 15 tháng 6 năm 2022", "98/2023/NĐ-CP"),
        (date(2025, 7, 1), "ngày 15 tháng 6 năm 2022", "152/2025/NĐ-CP"),
    ],
)
def test_a_decision_cites_the_texts_in_force_on_its_date(on: date, law: str, decree: str) -> None:
    agency = make_state_agency()
    WorkYear.objects.create(
        agency=agency, year=on.year, starts_on=date(on.year, 1, 1), ends_on=date(on.year, 12, 31)
    )
    paper = compose_kind("quyet-dinh-giay-khen", agency, on.year, on=on)
    joined = "\n".join(paper.bases)
    assert law in paper.bases[0] and decree in joined
    assert joined.count("Căn cứ Luật Thi đua") == 1
    assert all(b.citation.instrument.in_force(on) for b in bases_on(BasisSet.EMULATION, on))


@pytest.mark.parametrize(
    ("on", "expected", "absent"),
    [
        (date(2025, 6, 30), "ngày 20 tháng 6 năm 2012", "2024"),
        (date(2025, 7, 1), "ngày 27 tháng 11 năm 2024", "2012"),
    ],
)
def test_a_union_decision_cites_the_union_law_in_force(
    on: date, expected: str, absent: str
) -> None:
    agency = make_state_agency()
    WorkYear.objects.create(agency=agency, year=2025, starts_on=date(2025, 1, 1), ends_on=on)
    paper = compose_kind("quyet-dinh-giay-khen-cong-doan", agency, 2025, on=on)
    union_law = [b for b in paper.bases if "Luật Công đoàn" in b]
    assert len(union_law) == 1 and expected in union_law[0] and absent not in union_law[0]
    assert not any("chưa xác minh" in b.lower() for b in paper.bases)
    assert any("chưa xác minh" in n.lower() for n in paper.notes)  # on the screen, not paper


def _every_type(agency: Agency, year: int, person: Person | None) -> dict[str, bytes]:
    out = {}
    for doc_kind in KINDS:
        try:
            out[doc_kind.slug] = render_kind(
                doc_kind.slug, agency, year, person=person, on=date(year, 12, 31)
            )
        except DocumentError:
            assert doc_kind.slug in {"bien-ban-hoi-nghi", "nghi-quyet-hoi-nghi"} or (
                "kiem-phieu" in doc_kind.slug or "cong-van" in doc_kind.slug
            ), doc_kind.slug
    return out


def _check_paper(slug: str, data: bytes) -> None:
    doc = load(data)
    text = full_text(doc)
    assert not ENGINE_TEXT.search(text), (slug, ENGINE_TEXT.search(text))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts(doc) or "ĐẢNG CỘNG SẢN VIỆT NAM" in (
        texts(doc)
    )
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("word/styles.xml").decode()
        core = package.read("docProps/core.xml").decode()
    assert 'w:lang w:val="vi-VN"' in styles and "en-US" not in styles, slug
    assert "<dc:title>" in core and "<dc:creator>" in core and "dcterms:created" in core
    names = {p.style.name for p in doc.paragraphs if p.style is not None}
    assert "HN Body" in names or "HN Heading" in names, (slug, names)
    assert "Normal" not in {p.style.name for p in doc.paragraphs if p.text.strip() and p.style}


def test_every_type_of_a_party_office_reads_clean(conference_2024: Conference) -> None:
    agency = conference_2024.agency
    person = Person.objects.filter(agency=agency).order_by("sort_key").first()
    papers = _every_type(agency, 2024, person)
    assert {k.slug for k in KINDS} - set(papers) <= {"bien-ban-kiem-phieu"}  # no election held
    for slug, data in papers.items():
        _check_paper(slug, data)
    union = full_text(load(papers["quyet-dinh-giay-khen-cong-doan"]))
    assert "cho 01 cá nhân có tên" in union and "Đinh Văn Sơn" in union  # as the minutes list
    minutes = load(papers["bien-ban-hoi-nghi"])
    assert style_name_of(minutes, "BIÊN BẢN") == "HN Type Name"
    resolution = full_text(load(papers["nghi-quyet-hoi-nghi"]))
    assert "QUYẾT NGHỊ:" in resolution and "Thông qua: Nghị quyết Hội nghị" not in resolution
    assert re.search(r"^Điều 1\. Thông qua", resolution, re.M)


def test_every_type_of_a_state_agency_reads_clean() -> None:
    agency = make_state_agency()
    WorkYear.objects.create(
        agency=agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    person = Person.objects.create(agency=agency, staff_code="SNV01", full_name="Lê Thị Hoa")
    papers = _every_type(agency, 2025, person)
    for slug, data in papers.items():
        _check_paper(slug, data)
    decision = load(papers["quyet-dinh-giay-khen"])
    assert "QUYẾT ĐỊNH:" in texts(decision)
    assert any(t.startswith("Điều 1. Tặng Giấy khen") for t in texts(decision))
    report = texts(load(papers["bao-cao-thanh-tich"]))
    assert "SỞ NỘI VỤ" not in report  # a person's report has no letterhead


def test_the_personal_report_has_no_letterhead() -> None:
    agency = make_state_agency()
    WorkYear.objects.create(
        agency=agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    person = Person.objects.create(agency=agency, staff_code="SNV02", full_name="Phan Văn Tư")
    paper = compose_kind("bao-cao-thanh-tich", agency, 2025, person=person)
    assert paper.letterhead is False and paper.header.letterhead is Letterhead.STATE


def test_a_party_summary_writes_ve_viec_in_lower_case(demo: Agency) -> None:
    WorkYear.objects.get_or_create(
        agency=demo,
        year=2024,
        defaults={"starts_on": date(2024, 1, 1), "ends_on": date(2024, 12, 31)},
    )
    doc = load(render_kind("quyet-dinh-giay-khen", demo, 2024))
    assert "về việc tặng Giấy khen năm 2024" in texts(doc)


def test_the_minutes_print_vietnam_time_and_names(conference_2024: Conference) -> None:
    from datetime import UTC, datetime

    conference_2024.opened_at = datetime(2024, 1, 19, 1, 30, tzinfo=UTC)  # 08:30 in Hà Nội
    conference_2024.closed_at = datetime(2024, 1, 19, 4, 15, tzinfo=UTC)
    conference_2024.save(update_fields=["opened_at", "closed_at"])
    text = full_text(load(render_kind("bien-ban-hoi-nghi", conference_2024.agency, 2024)))
    assert "Vào hồi 08 giờ 30, ngày 19 tháng 01 năm 2024" in text
    assert "kết thúc vào hồi 11 giờ 15 cùng ngày" in text
    assert "khách mời: 00" not in text
    assert "Đoàn Chủ tịch: Trần Minh Khoa, Chánh Văn phòng; Lê Thị Thu Hà" in text  # head first


BOUNDARIES = [
    (date(2023, 12, 31), "ngày 26 tháng 11 năm 2003", "91/2017/NĐ-CP", "ngày 20 tháng 6 năm 2012"),
    (date(2024, 1, 1), "ngày 15 tháng 6 năm 2022", "98/2023/NĐ-CP", "ngày 20 tháng 6 năm 2012"),
    (date(2025, 6, 30), "ngày 15 tháng 6 năm 2022", "98/2023/NĐ-CP", "ngày 20 tháng 6 năm 2012"),
    (date(2025, 7, 1), "ngày 15 tháng 6 năm 2022", "152/2025/NĐ-CP", "ngày 27 tháng 11 năm 2024"),
]


@pytest.mark.parametrize(("on", "law", "decree", "union_law"), BOUNDARIES)
def test_every_type_with_legal_bases_cites_the_texts_of_its_date(
    on: date, law: str, decree: str, union_law: str
) -> None:
    agency = make_state_agency()
    WorkYear.objects.create(
        agency=agency, year=on.year, starts_on=date(on.year, 1, 1), ends_on=date(on.year, 12, 31)
    )
    person = Person.objects.create(agency=agency, staff_code="SNV09", full_name="Đinh Văn Chín")
    cited = 0
    for doc_kind in KINDS:
        try:
            paper = compose_kind(doc_kind.slug, agency, on.year, person=person, on=on)
        except DocumentError:
            continue
        if not paper.law_bases:
            assert not any(b.startswith("Căn cứ Luật") for b in paper.bases), doc_kind.slug
            continue
        cited += 1
        text = "\n".join(
            full_text(
                load(render_kind(doc_kind.slug, agency, on.year, person=person, on=on))
            ).splitlines()
        )
        if doc_kind.issuer == "union":
            assert union_law in text and "Thi đua" not in "".join(paper.bases[:1]), doc_kind.slug
        else:
            assert law in text and decree in text, doc_kind.slug
    assert cited == 4  # two decisions, the proposal, the union's decision


def test_the_invitation_gives_the_hour_and_the_presidium_head_signs(
    conference_2024: Conference,
) -> None:
    from datetime import time

    members = list(conference_2024.presidium.order_by("sort_key"))
    assert len(members) >= 2
    head = members[-1]  # not the first by name
    conference_2024.starts_at = time(7, 30)
    conference_2024.presidium_head = head
    conference_2024.save(update_fields=["starts_at", "presidium_head"])
    agency = conference_2024.agency
    invitation = full_text(load(render_kind("giay-moi", agency, 2024)))
    assert "Thời gian: 07 giờ 30, ngày 19 tháng 01 năm 2024." in invitation
    resolution = texts(load(render_kind("nghi-quyet-hoi-nghi", agency, 2024)))
    at = resolution.index("T/M ĐOÀN CHỦ TỊCH")
    assert head.full_name in resolution[at:] and members[0].full_name not in resolution[at:]
