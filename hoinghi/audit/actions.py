"""Every action the audit log records, in one place, with what it means in Vietnamese.

:func:`hoinghi.audit.services.record` refuses a name that is not here, so a new action is
registered once, beside the others, and shows in the administrator's log with its meaning.
"""

from __future__ import annotations

ACTIONS: dict[str, str] = {
    # Đăng nhập
    "auth.login": "Đăng nhập",
    "auth.login_failed": "Đăng nhập sai",
    "auth.locked_out": "Tài khoản bị tạm khóa do đăng nhập sai nhiều lần",
    "auth.unlocked": "Mở khóa đăng nhập",
    "auth.leaver_refused": "Từ chối tài khoản của người đã thôi việc",
    # Tổ chức, cán bộ, năm công tác
    "org.open_work_year": "Mở năm công tác",
    "org.close_work_year": "Khóa sổ năm công tác",
    "org.import_staff": "Nhập danh sách cán bộ",
    "org.import_staff_started": "Bắt đầu nhập danh sách cán bộ",
    "org.import_staff_failed": "Nhập danh sách cán bộ không thành công",
    "org.load_scenario": "Nạp kịch bản dữ liệu",
    "org.create_accounts": "Tạo tài khoản cho cán bộ",
    "org.deactivate_account": "Khóa tài khoản",
    "org.deactivate_leavers": "Khóa tài khoản của người đã nghỉ",
    "org.grant_role": "Giao vai trò",
    "org.revoke_role": "Thu hồi vai trò",
    "org.set_password_with_letter": "Đặt mật khẩu qua thư đăng nhập",
    "org.reactivate_account": "Mở lại tài khoản",
    # Chỉ tiêu, nhiệm vụ
    "plans.create_item": "Giao chỉ tiêu, nhiệm vụ",
    "plans.assign_item": "Giao lại chỉ tiêu, nhiệm vụ",
    "plans.cancel_item": "Hủy chỉ tiêu, nhiệm vụ",
    "plans.record_progress": "Cập nhật tiến độ",
    "plans.add_evidence": "Thêm minh chứng",
    "plans.carry_targets": "Chuyển chỉ tiêu từ nghị quyết Hội nghị",
    "plans.import_items": "Nhập chỉ tiêu, nhiệm vụ từ tệp",
    # Đánh giá, xếp loại
    "evaluation.read": "Xem hồ sơ đánh giá",
    "evaluation.self_assess": "Tự đánh giá",
    "evaluation.record_meeting": "Ghi kết quả họp đơn vị",
    "evaluation.propose": "Đề xuất mức xếp loại",
    "evaluation.propose_unit": "Đề xuất xếp loại tập thể",
    "evaluation.approve": "Quyết định xếp loại",
    "evaluation.decide_units": "Quyết định xếp loại tập thể",
    "evaluation.record_absence": "Ghi thời gian nghỉ",
    "evaluation.record_discipline": "Ghi kỷ luật",
    # Thi đua, khen thưởng
    "emulation.launch": "Phát động phong trào thi đua",
    "emulation.register": "Đăng ký thi đua",
    "emulation.sign_pledge": "Ký giao ước thi đua",
    "emulation.review_pledge": "Đánh giá thực hiện giao ước",
    "emulation.record_initiative": "Ghi sáng kiến",
    "emulation.record_recognition": "Ghi hình thức khen thưởng khác",
    "emulation.record_earlier_title": "Ghi danh hiệu các năm trước",
    "emulation.compute_eligibility": "Xét điều kiện danh hiệu",
    "emulation.judge_unit": "Hội đồng đánh giá tập thể",
    "emulation.propose": "Đề nghị danh hiệu, khen thưởng",
    "emulation.open_council_vote": "Mở bỏ phiếu Hội đồng Thi đua - Khen thưởng",
    "emulation.close_council_vote": "Kết thúc bỏ phiếu Hội đồng Thi đua - Khen thưởng",
    "emulation.decide_titles": "Quyết định công nhận danh hiệu",
    "emulation.record_decision": "Ghi quyết định khen thưởng của cấp khác",
    "emulation.propose_upward": "Đề nghị cấp trên khen thưởng",
    "emulation.submit_upward": "Gửi hồ sơ đề nghị cấp trên",
    "emulation.revoke_award": "Thu hồi danh hiệu, khen thưởng",
    # Biểu quyết, bầu cử
    "voting.create": "Tạo cuộc biểu quyết",
    "voting.open": "Mở biểu quyết",
    "voting.vote": "Bỏ phiếu",
    "voting.close": "Kết thúc biểu quyết",
    "voting.hands": "Ghi kết quả giơ tay",
    "voting.issued": "Ghi số phiếu phát ra",
    "voting.paper_entry": "Nhập phiếu giấy",
    # Hội nghị
    "conference.create": "Tạo Hội nghị",
    "conference.presidium.set": "Cử Đoàn Chủ tịch, thư ký",
    "conference.presidium_head": "Chọn người chủ trì trong Đoàn Chủ tịch",
    "conference.hours": "Ghi giờ khai mạc, bế mạc",
    "conference.quota.set": "Phân bổ đại biểu",
    "conference.participants.add": "Thêm người dự",
    "conference.agenda.build": "Lập chương trình Hội nghị",
    "conference.agenda.add": "Thêm mục chương trình",
    "conference.agenda.move": "Đổi thứ tự chương trình",
    "conference.agenda.speaker": "Đăng ký phát biểu",
    "conference.item.start": "Bắt đầu mục chương trình",
    "conference.speaker.request": "Xin phát biểu",
    "conference.speaker.spoken": "Đã phát biểu",
    "conference.draft.add": "Thêm dự thảo lấy ý kiến",
    "conference.draft.publish": "Công bố dự thảo",
    "conference.comment.add": "Góp ý dự thảo",
    "conference.comment.answer": "Tiếp thu, giải trình ý kiến",
    "conference.comment.group": "Gộp ý kiến",
    "conference.open": "Khai mạc Hội nghị",
    "conference.checkin": "Điểm danh",
    "conference.checkin.undo": "Hủy điểm danh",
    "conference.checkin.refused": "Nhập sai mã hội trường khi tự điểm danh",
    "conference.hall_code.rotate": "Đổi mã hội trường",
    "conference.projector.rotate": "Đổi mã màn hình chiếu",
    "conference.quorum": "Xác định số đại biểu có mặt",
    "conference.motion.add": "Thêm nội dung biểu quyết",
    "conference.motion.decide": "Ghi kết quả biểu quyết",
    "conference.election.set_up": "Chuẩn bị bầu Ban thanh tra nhân dân",
    "conference.election.open": "Mở bầu cử",
    "conference.election.decide": "Ghi kết quả bầu cử",
    "conference.election.unfinished_decision": "Quyết định khi chưa bầu đủ",
    "conference.award.add": "Ghi khen thưởng tại Hội nghị",
    "conference.award.import": "Lấy danh sách khen thưởng",
    "conference.pledge.text": "Nội dung giao ước thi đua",
    "conference.pledge.signer": "Người ký giao ước",
    "conference.pledge.sign": "Ký giao ước thi đua",
    "conference.target.add": "Thêm chỉ tiêu nghị quyết",
    "conference.target.carry": "Chuyển chỉ tiêu sang năm sau",
    "conference.closing_speech": "Ghi phát biểu bế mạc",
    "conference.close": "Bế mạc Hội nghị",
    "conference.reopen": "Mở lại Hội nghị",
    "conference.reminder.done": "Hoàn thành việc sau Hội nghị",
    # Văn bản
    "documents.create_draft": "Tạo dự thảo văn bản",
    "documents.edit_draft": "Sửa dự thảo văn bản",
    "documents.issue": "Ban hành văn bản",
    "documents.attach_signed_copy": "Đính kèm bản đã ký",
    "documents.set_starting_number": "Đặt số bắt đầu của sổ văn bản",
    "documents.set_register_settings": "Thiết lập sổ văn bản đi",
    "documents.start_batch": "Tạo loạt văn bản",
    "documents.recover_batch": "Khôi phục loạt văn bản",
    # Báo cáo
    "reports.edit_news": "Sửa bản tin",
    "reports.discard_news": "Bỏ bản sửa của bản tin",
    "reports.publish_summary": "Đăng bản tin",
}


class UnknownAction(ValueError):
    """A name the audit log does not know: register it in ``ACTIONS`` first."""


def label(action: str) -> str:
    """The Vietnamese meaning of an action; the name itself for an entry written before."""
    return ACTIONS.get(action, action)


def check(action: str) -> str:
    """The name, if registered; else :class:`UnknownAction`."""
    if action not in ACTIONS:
        raise UnknownAction(
            f"Hành động «{action}» chưa được đăng ký trong hoinghi/audit/actions.py."
        )
    return action
