"""The names of the document types, by slug: the list the models' ``kind`` fields offer.

Kept apart from the catalogue (which joins each type to its context and builder, and through
them to every app's selectors and to this app's models) so the models need nothing above them.
"""

from __future__ import annotations

KIND_NAMES: dict[str, str] = {
    "ke-hoach-hoi-nghi": "Kế hoạch tổ chức Hội nghị",
    "giay-moi": "Giấy mời dự Hội nghị",
    "bao-cao-hoat-dong": "Báo cáo kết quả thực hiện nhiệm vụ năm và kiểm điểm nghị quyết Hội nghị năm trước",
    "bien-ban-hoi-nghi": "Biên bản Hội nghị",
    "nghi-quyet-hoi-nghi": "Nghị quyết Hội nghị",
    "cong-van-ket-qua-hoi-nghi": "Công văn báo cáo kết quả Hội nghị lên cấp trên",
    "bien-ban-kiem-phieu": "Biên bản kiểm phiếu bầu Ban thanh tra nhân dân",
    "quyet-dinh-cong-nhan-danh-hieu": "Quyết định công nhận danh hiệu thi đua",
    "quyet-dinh-giay-khen": "Quyết định tặng Giấy khen",
    "quyet-dinh-giay-khen-cong-doan": "Quyết định tặng Giấy khen của Công đoàn cơ quan",
    "to-trinh-khen-thuong": "Tờ trình đề nghị khen thưởng",
    "giao-uoc-thi-dua": "Bản giao ước thi đua",
    "thong-bao-xep-loai": "Thông báo kết quả xếp loại chất lượng",
    "bao-cao-thanh-tich": "Báo cáo thành tích cá nhân",
}
