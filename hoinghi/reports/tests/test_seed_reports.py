"""The news reports of the two demo agencies carry the seed reports' figures."""

from __future__ import annotations

import pytest

from hoinghi.reports.news import compose_news, write_news
from hoinghi.reports.selectors import year_summary
from hoinghi.reports.tests.seed_years import ban_dan_van_2020, district_2023

pytestmark = pytest.mark.django_db


def test_the_district_office_2023_reads_as_its_seed_report() -> None:
    text = write_news(year_summary(district_2023()))
    print(text)
    for figure in (
        "Ngày 19/01/2024",
        "năm 2024",
        "4/4 chỉ tiêu",
        "27/27 nhiệm vụ",
        "Ban Thường vụ Huyện ủy đánh giá, xếp loại 02 đơn vị Hoàn thành xuất sắc nhiệm vụ "
        "(Văn phòng Huyện ủy, Ban Tuyên giáo Huyện ủy)",
        "03 đơn vị Hoàn thành tốt nhiệm vụ (Ban Tổ chức Huyện ủy, Ban Dân vận Huyện ủy, "
        "Ủy ban Kiểm tra Huyện ủy)",
        "Chủ tịch Ủy ban nhân dân huyện công nhận 05/05 tập thể đạt danh hiệu “Tập thể lao động tiên tiến”",
        "trong đó Văn phòng Huyện ủy, Ban Tuyên giáo Huyện ủy đạt danh hiệu “Tập thể lao động xuất sắc”",
        "100% (32/32) cán bộ, công chức, người lao động đạt danh hiệu “Lao động tiên tiến”",
        "trong đó có 04 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”",
        "Cơ quan Huyện ủy đạt “An toàn về an ninh trật tự”",
        "100% (32/32) cán bộ, công chức, người lao động đạt “Gia đình văn hóa”",
        "Dự hội nghị có 32/32",
        "Hội nghị nhất trí 100% Nghị quyết Hội nghị cán bộ, công chức, người lao động năm 2024",
        "báo cáo tài chính năm 2023",
        "Ban thanh tra nhân dân",
    ):
        assert figure in text


def test_the_ban_dan_van_2020_reads_as_its_seed_report() -> None:
    text = write_news(year_summary(ban_dan_van_2020()))
    print(text)
    for figure in (
        "Ngày 25/12/2020, Ban Dân vận Tỉnh ủy tổ chức Hội nghị",
        "năm 2021",
        "Dự hội nghị có 15/15",
        "27/27 nhiệm vụ",
        "08 lượt",
        "báo cáo của Ban Chấp hành Công đoàn cơ quan năm 2020",
        "Ban thanh tra nhân dân năm 2020",
        "dự thảo sửa đổi, bổ sung nội quy, quy chế cơ quan",
        "Hội nghị nhất trí 100% Nghị quyết",
        "phát động phong trào thi đua năm 2021",
        "“Chiến sĩ thi đua cơ sở năm 2020”",
    ):
        assert figure in text


def test_the_news_item_has_a_headline_a_lead_a_body_in_order_and_the_closing_speech() -> None:
    item = compose_news(year_summary(ban_dan_van_2020()), byline="Ngô Thanh Bình")
    assert item.headline == (
        "Ban Dân vận Tỉnh ủy tổ chức Hội nghị cán bộ, công chức, người lao động năm 2021"
    )
    assert item.lead.startswith("Ngày 25/12/2020, Ban Dân vận Tỉnh ủy tổ chức Hội nghị")
    assert " tại Hội trường " in item.lead and "Dự hội nghị có 15/15" in item.lead
    order = [
        "Hội nghị được tiến hành theo đúng quy định của Nghị định số 04/2015/NĐ-CP ngày "
        "09/01/2015 của Chính phủ về thực hiện dân chủ trong hoạt động của cơ quan hành chính "
        "nhà nước và đơn vị sự nghiệp công lập.",
        "Tại hội nghị, các đại biểu đã nghe",
        "đã hoàn thành 27/27 nhiệm vụ",
        "08 lượt",
        "Hội nghị nhất trí 100% Nghị quyết",
        "đã trao danh hiệu thi đua",
        "phát động phong trào thi đua năm 2021",
        "Phát biểu kết luận hội nghị, đồng chí Phạm Văn Quang - Trưởng Ban đã biểu dương",
        "“Dân vận khéo thì việc gì cũng thành công”",
    ]
    text = item.text
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "; đề nghị cán bộ, công chức, người lao động cơ quan tiếp tục phát huy" in text
    # A collective is not counted among the people; the pledge's own text is not pasted in.
    assert "“Tập thể lao động xuất sắc năm 2020” cho 01 tập thể (Ban Dân vận Tỉnh ủy)" in text
    assert "“Chiến sĩ thi đua cơ sở năm 2020” cho 01 cá nhân (" in text
    assert "giao ước thi đua:" not in text and "…" not in text and item.byline == "Ngô Thanh Bình"


def test_the_union_chair_hands_the_awards_and_the_staff_are_named_as_employed() -> None:
    summary = year_summary(district_2023())
    text = write_news(summary)
    assert " - Chủ tịch Công đoàn cơ quan đã trao danh hiệu thi đua" in text
    # Held on 19/01/2024: under the 2022 law and its decree, no longer Decree 04/2015.
    assert (
        "theo đúng quy định của Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định" in text
    )
    assert "59/2023/NĐ-CP ngày 14/08/2023 của Chính phủ quy định chi tiết" in text
    assert "04/2015" not in text
    assert summary.staff_noun == "cán bộ, công chức, người lao động"  # no public employees


def test_the_presidium_is_introduced_head_first_when_no_one_is_recorded_as_chairing() -> None:
    """The agency's head, then the deputies, then the others: not the alphabet (Hà before
    Khoa), which put the Phó Chánh Văn phòng first."""
    summary_year = district_2023()
    conference = summary_year.agency.conferences.get(held_on__year=2024)
    conference.presidium_head = None
    conference.save(update_fields=["presidium_head"])
    text = write_news(year_summary(summary_year))
    assert (
        "do đồng chí Trần Minh Khoa - Chánh Văn phòng và đồng chí Lê Thị Thu Hà - "
        "Phó Chánh Văn phòng đồng chủ trì"
    ) in text
    # The minutes list the presidium in the same order (one rule: conference.selectors).
    from hoinghi.documents.services import render_kind
    from hoinghi.documents.tests.test_types import full_text, load

    minutes = full_text(load(render_kind("bien-ban-hoi-nghi", conference.agency, 2024)))
    assert "Đoàn Chủ tịch: Trần Minh Khoa, Chánh Văn phòng; Lê Thị Thu Hà" in minutes
