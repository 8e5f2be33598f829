"""The news reports of the two demo agencies carry the seed reports' figures."""

from __future__ import annotations

import pytest

from hoinghi.reports.news import write_news
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
