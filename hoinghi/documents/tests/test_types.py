"""Every document type rendered from the demo agencies and from data built through services."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.conference import services as conference_services
from hoinghi.conference.models import Conference
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.documents.catalogue import KINDS, kind
from hoinghi.documents.services import DocumentError, render_kind
from hoinghi.documents.tests.reading import full_text, load, texts
from hoinghi.emulation.models import Award
from hoinghi.emulation.services import DecisionHeader, create_decision
from hoinghi.emulation.vocabulary import Issuer
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import Agency, Person, WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
NEEDS_CONFERENCE = {
    "bien-ban-hoi-nghi",
    "nghi-quyet-hoi-nghi",
    "bien-ban-kiem-phieu",
    "cong-van-ket-qua-hoi-nghi",
}


def test_every_type_has_a_unique_slug() -> None:
    slugs = [k.slug for k in KINDS]
    assert len(slugs) == len(set(slugs)) == 14


def test_every_type_renders_for_the_demo_party_office(demo: Agency) -> None:
    clerk = Person.objects.get(agency=demo, staff_code="HU05")
    for doc_kind in KINDS:
        if doc_kind.slug in NEEDS_CONFERENCE:
            continue
        doc = load(render_kind(doc_kind.slug, demo, 2024, person=clerk))
        text = full_text(doc)
        if doc_kind.issuer == "union" or doc_kind.slug == "bao-cao-thanh-tich":
            # the union's letterhead or a person's own report: under the national title
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, doc_kind.slug
            assert "HUYỆN ỦY THẠCH BÌNH" not in texts(doc), doc_kind.slug
            continue
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text, doc_kind.slug
        assert "HUYỆN ỦY THẠCH BÌNH" in texts(doc), doc_kind.slug
        assert "Thạch Bình, ngày      tháng      năm 2024" in texts(doc), doc_kind.slug


def test_types_that_need_a_conference_say_so(demo: Agency) -> None:
    with pytest.raises(DocumentError, match="Chưa có Hội nghị năm 2024"):
        render_kind("bien-ban-hoi-nghi", demo, 2024)


def test_the_achievement_report_needs_a_person(demo: Agency) -> None:
    with pytest.raises(DocumentError, match="cần chọn một người"):
        render_kind("bao-cao-thanh-tich", demo, 2024)


def test_the_minutes_of_the_2024_conference_record_attendance_and_the_vote(
    conference_2024: Conference,
) -> None:
    doc = load(render_kind("bien-ban-hoi-nghi", conference_2024.agency, 2024))
    text = full_text(doc)
    assert "BIÊN BẢN" in texts(doc)
    assert "ngày 19 tháng 01 năm 2024" in text and "Hội trường Huyện ủy" in text
    assert "Tổng số được triệu tập: 32; có mặt: 32; vắng mặt: 00" in text
    assert "32/32 đồng ý" in text and "thông qua" in text
    assert "Báo cáo đánh giá kết quả hoạt động của cơ quan năm 2023" in text
    assert "T/M ĐOÀN CHỦ TỊCH" in texts(doc)
    assert "Số       -BB/HU" in texts(doc)


def test_the_resolution_carries_the_targets(conference_2024: Conference) -> None:
    doc = load(render_kind("nghi-quyet-hoi-nghi", conference_2024.agency, 2024))
    text = full_text(doc)
    assert "NGHỊ QUYẾT" in texts(doc)
    assert 'Cơ quan đạt tiêu chuẩn "An toàn về an ninh trật tự"' in text
    assert "có 32/32 người dự" in text


def test_next_years_activity_report_reviews_the_2024_resolution(
    conference_2024: Conference,
) -> None:
    doc = load(render_kind("bao-cao-hoat-dong", conference_2024.agency, 2025))
    text = full_text(doc)
    assert "KIỂM ĐIỂM THỰC HIỆN NGHỊ QUYẾT HỘI NGHỊ NĂM 2024" in text
    assert '- Thực hiện Quy chế dân chủ đạt loại "Tốt".' in text
    assert "…" not in text


def test_the_pledge_has_both_signers(conference_2024: Conference) -> None:
    doc = load(render_kind("giao-uoc-thi-dua", conference_2024.agency, 2024))
    text = full_text(doc)
    assert "BẢN GIAO ƯỚC THI ĐUA" in texts(doc)
    assert "Giao ước thi đua năm 2024 giữa Thủ trưởng cơ quan và Công đoàn cơ quan" in text
    assert not any(t.startswith("Số") for t in texts(doc))


def test_the_counting_record_lists_votes_per_candidate(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    candidates = [
        world.person(u) for u in (world.colleague, world.outsider, world.inspector, world.council)
    ]
    election = conference_services.set_up_election(
        conference, seats=3, candidates=candidates, actor=world.clerk
    )
    votes = {candidates[0].pk: 9, candidates[1].pk: 8, candidates[2].pk: 7, candidates[3].pk: 2}
    conference_services.record_election_result(
        election, votes=votes, actor=world.clerk, valid_ballots=9
    )
    doc = load(render_kind("bien-ban-kiem-phieu", world.agency, 2024))
    text = full_text(doc)
    assert "Kiểm phiếu bầu Ban thanh tra nhân dân" in text
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Họ và tên", "Số phiếu", "Tỷ lệ so với phiếu hợp lệ", "Kết quả"]
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Đỗ Văn Bình"][2] == "09" and by_name["Đỗ Văn Bình"][4] == "Trúng cử"
    assert by_name["Đỗ Văn Bình"][3] == "100,00%" and by_name["Bùi Thị Hội"][3] == "22,22%"
    assert by_name["Bùi Thị Hội"][4] == ""
    assert "Những người trúng cử: Đỗ Văn Bình (09 phiếu)" in text
    assert "Những người không trúng cử: Bùi Thị Hội (02 phiếu)." in text
    assert "Số phiếu hợp lệ: 09." in text
    assert "I. SỐ PHIẾU" in texts(doc) and "III. KẾT QUẢ" in texts(doc)  # no empty part counted
    election.refresh_from_db()
    message = str(election.result_decision)
    assert "Đỗ Văn Bình trúng cử với 9 phiếu" in message  # the election's messages name people
    for code in (world.colleague, world.outsider, world.inspector, world.council):
        assert world.person(code).staff_code not in text  # names, never staff codes
        assert world.person(code).staff_code not in message


def _decision_with_awards(world: World, title: Title, count: int) -> WorkYear:
    work_year = WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    decision = create_decision(
        work_year, DecisionHeader(Issuer.HEAD, "Thủ trưởng", "07/QĐ-CQTN", date(2025, 12, 20))
    )
    people = list(Person.objects.filter(agency=world.agency).order_by("sort_key"))[:count]
    for person in people:
        Award.objects.create(
            decision=decision,
            work_year=work_year,
            person=person,
            title=title,
            bonus_amount=1_170_000 if title == Title.GIAY_KHEN else None,
        )
    return work_year


def test_the_titles_decision_lists_the_awarded_in_an_appendix(world: World) -> None:
    _decision_with_awards(world, Title.LAO_DONG_TIEN_TIEN, 4)
    doc = load(render_kind("quyet-dinh-cong-nhan-danh-hieu", world.agency, 2025))
    text = full_text(doc)
    assert "Công nhận danh hiệu Lao động tiên tiến năm 2025 cho 04 cá nhân có tên" in text
    table = doc.tables[-1]
    assert len(table.rows) == 5 and table.rows[1].cells[3].text == "Lao động tiên tiến"
    assert "DANH SÁCH LAO ĐỘNG TIÊN TIẾN NĂM 2025" in texts(doc)


def test_a_holder_of_two_titles_is_counted_once_in_the_article(world: World) -> None:
    """A Chiến sĩ thi đua cơ sở is listed again as Lao động tiên tiến; the article counts people
    and collectives, not rows: 4 rows, 3 people; a unit with both collective titles, once."""
    work_year = _decision_with_awards(world, Title.LAO_DONG_TIEN_TIEN, 3)
    award = Award.objects.filter(work_year=work_year).select_related("decision").first()
    assert award is not None
    Award.objects.create(
        decision=award.decision,
        work_year=work_year,
        person=award.person,
        title=Title.CHIEN_SI_THI_DUA_CO_SO,
    )
    for title in (Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC):
        Award.objects.create(
            decision=award.decision, work_year=work_year, unit=world.office, title=title
        )
    doc = load(render_kind("quyet-dinh-cong-nhan-danh-hieu", world.agency, 2025))
    assert "cho 01 tập thể và 03 cá nhân có tên" in full_text(doc)
    assert len(doc.tables[-1].rows) == 1 + 6  # the list still has a row per title


def test_the_certificate_decision_shows_the_bonus(world: World) -> None:
    _decision_with_awards(world, Title.GIAY_KHEN, 2)
    doc = load(render_kind("quyet-dinh-giay-khen", world.agency, 2025))
    header = [c.text for c in doc.tables[-1].rows[0].cells]
    assert header[-1] == "Tiền thưởng (đồng)"
    assert doc.tables[-1].rows[1].cells[-1].text == "1.170.000"
    assert "Tặng Giấy khen cho 02 cá nhân có tên" in full_text(doc)


def test_the_proposal_is_addressed_to_the_superior(demo: Agency) -> None:
    doc = load(render_kind("to-trinh-khen-thuong", demo, 2024))
    assert "Kính gửi: Huyện ủy Thạch Bình" in texts(doc)
    assert kind("to-trinh-khen-thuong").doc_type == "to_trinh"


def test_a_personal_notice_names_the_person(demo: Agency) -> None:
    person = Person.objects.get(agency=demo, staff_code="HU05")
    text = full_text(load(render_kind("thong-bao-xep-loai", demo, 2024, person=person)))
    assert person.full_name in text and "Chưa có kết quả" in text


def test_the_minutes_read_the_conference_in_a_bounded_number_of_queries(
    conference_2024: Conference, django_assert_max_num_queries: object
) -> None:
    render_kind("bien-ban-hoi-nghi", conference_2024.agency, 2024)  # warm: content types, caches
    # +1: the documents regulation; +1: whether the agency employs public employees (its name)
    with django_assert_max_num_queries(24):  # type: ignore[operator]
        render_kind("bien-ban-hoi-nghi", conference_2024.agency, 2024)
