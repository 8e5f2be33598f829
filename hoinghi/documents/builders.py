"""Builders: a type's context → a :class:`Paper`. Pure: no database, no clock.

The wording follows the seed reports and the usual samples of Decree 30/2020 Appendix III;
every free-text part is a keyed :class:`Section` the clerk may edit before issuing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hoinghi.documents.contexts import (
    AchievementContext,
    ActivityReportContext,
    AwardRow,
    ClassificationNoticeContext,
    CountingContext,
    DecisionContext,
    InvitationContext,
    Issuer,
    MinutesContext,
    PlanContext,
    PledgeContext,
    ProposalContext,
    ResolutionContext,
    ResultsLetterContext,
    UnionDecisionContext,
)
from hoinghi.documents.layout import UNION_ABBREVIATION, Letterhead, layout_for_kind
from hoinghi.documents.paper import Appendix, Header, Paper, Section, Signature, Table
from hoinghi.law.documents import DOCUMENT_TYPES, DocumentType, Layout, format_date_line

PARTY_LETTER_ABBREV = "CV"  # a Party công văn: "Số 12-CV/VPTU" (HD 36 practice, DOMAIN §4.2 [S])

STAFF = "cán bộ, công chức, viên chức, người lao động"
CONFERENCE = f"Hội nghị {STAFF}"


def header(issuer: Issuer) -> Header:
    return Header(
        layout_for_kind(issuer.kind),
        issuer.superior,
        issuer.name,
        issuer.abbreviation,
        issuer.place,
    )


def spoken_date(d: date | None) -> str:
    """ "ngày 05 tháng 01 năm 2026" (as in the date line), or dots while unknown."""
    if d is None:
        return "ngày … tháng … năm …"
    return format_date_line("x", d).split(", ", 1)[1]


def two(n: int | None) -> str:
    """Counts as the reports write them: "04", "32"."""
    return "…" if n is None else f"{n:02d}"


def head_signature(issuer: Issuer) -> Signature:
    if issuer.head is None:
        return Signature(["Thủ trưởng cơ quan"], "")
    if issuer.head.is_head:
        return Signature([issuer.head.title], issuer.head.name)
    return Signature([issuer.head.title], issuer.head.name, "KT", "Thủ trưởng cơ quan")


def union_signature(issuer: Issuer) -> Signature:
    name = issuer.union_chair.name if issuer.union_chair else ""
    return Signature(["Chủ tịch"], name, "TM", "Ban Chấp hành Công đoàn")


def recipients(issuer: Issuer, *lines: str) -> list[str]:
    """The list under "Nơi nhận:", ending "- Lưu: VT, <abbreviation>." (D5)."""
    return [*lines, f"- Lưu: VT, {issuer.abbreviation.upper()}."]


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman_headings(sections: list[Section]) -> list[Section]:
    """Number the headed sections I., II., … in order (parts may be absent)."""
    out, index = [], 0
    for section in sections:
        if section.heading:
            section = replace(section, heading=f"{ROMAN[index]}. {section.heading}")
            index += 1
        out.append(section)
    return out


def _type(doc_type: DocumentType) -> tuple[str, str | None]:
    return DOCUMENT_TYPES[doc_type]


def _paper(issuer: Issuer, doc_type: DocumentType, summary: str, **fields: object) -> Paper:
    name, abbrev = _type(doc_type)
    return Paper(
        header=header(issuer),
        type_name=name,
        type_abbrev=abbrev,
        summary=summary,
        issued_on=None,
        **fields,  # type: ignore[arg-type]
    )


def _award_table(rows: list[AwardRow], *, bonus: bool = False) -> Table:
    columns = ["STT", "Họ và tên / Tập thể", "Đơn vị", "Danh hiệu, hình thức"]
    widths = [15, 60, 50, 40]
    body = [[str(i), r.name, r.unit, r.title] for i, r in enumerate(rows, start=1)]
    if bonus:
        columns.append("Tiền thưởng (đồng)")
        widths = [12, 52, 40, 36, 25]
        body = [
            [*row, f"{r.bonus:,}".replace(",", ".") if r.bonus else ""]
            for row, r in zip(body, rows, strict=True)
        ]
    return Table(columns, body, widths)


# --- before the conference ----------------------------------------------------------------


def build_plan(c: PlanContext) -> Paper:
    when = spoken_date(c.held_on)
    agenda = "\n".join(f"{i}. {item}" for i, item in enumerate(c.agenda, start=1))
    return _paper(
        c.issuer,
        DocumentType.KE_HOACH,
        f"Tổ chức {CONFERENCE} năm {c.year}",
        sections=[
            Section(
                "purpose",
                "I. MỤC ĐÍCH, YÊU CẦU",
                f"Tổ chức {CONFERENCE} năm {c.year} nhằm đánh giá kết quả thực hiện nhiệm vụ năm "
                f"{c.year - 1}, bàn biện pháp thực hiện nhiệm vụ năm {c.year}; phát huy quyền làm "
                "chủ của " + STAFF + ".\nHội nghị được tổ chức dân chủ, thiết thực, đúng quy định.",
            ),
            Section(
                "time",
                "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
                f"Thời gian: {when}.\nĐịa điểm: {c.place or '…'}.\nHình thức: {c.form}.\n"
                f"Thành phần: toàn thể {STAFF} của cơ quan ({two(c.participants)} người).",
            ),
            Section(
                "agenda",
                "III. NỘI DUNG, CHƯƠNG TRÌNH",
                agenda or "(Chương trình sẽ thông báo sau.)",
            ),
            Section(
                "tasks",
                "IV. PHÂN CÔNG THỰC HIỆN",
                "Văn phòng chuẩn bị báo cáo, tài liệu, cơ sở vật chất.\nBan Chấp hành Công đoàn "
                "phối hợp chuẩn bị báo cáo kiểm điểm thực hiện nghị quyết, quy chế dân chủ.",
            ),
        ],
        signatures=[union_signature(c.issuer), head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Các đơn vị trong cơ quan;"),
    )


def build_invitation(c: InvitationContext) -> Paper:
    who = c.invitee or f"Toàn thể {STAFF} cơ quan"
    return _paper(
        c.issuer,
        DocumentType.GIAY_MOI,
        f"Dự {CONFERENCE} năm {c.year}",
        sections=[
            Section(
                "body",
                "",
                f"{c.issuer.name} trân trọng kính mời: {who}.\n"
                f"Tới dự {CONFERENCE} năm {c.year}.\nThời gian: {spoken_date(c.held_on)}.\n"
                f"Địa điểm: {c.place or '…'}.\nRất mong {'Ông (Bà)' if c.invitee else 'các đồng chí'} "
                "đến dự đúng giờ.",
            ),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Như trên;"),
    )


# --- at the conference ----------------------------------------------------------------------


def build_activity_report(c: ActivityReportContext) -> Paper:
    titles = (
        "; ".join(f"{t.phrase} {t.label}" for t in c.titles) or "chưa có quyết định khen thưởng"
    )
    ratings = "; ".join(f"{label}: {two(n)}" for label, n in c.ratings.items()) or "chưa có kết quả"
    targets = (
        "\n".join(f"- {t}: …" for t in c.last_targets)
        or "(Chưa có chỉ tiêu của nghị quyết Hội nghị năm trước trong hệ thống.)"
    )
    return _paper(
        c.issuer,
        DocumentType.BAO_CAO,
        f"Kết quả thực hiện nhiệm vụ năm {c.reviewed_year}, phương hướng nhiệm vụ năm {c.year} "
        f"và kiểm điểm thực hiện nghị quyết Hội nghị năm {c.reviewed_year}",
        sections=[
            Section(
                "results",
                f"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {c.reviewed_year}",
                f"Năm {c.reviewed_year}, cơ quan {c.completion.phrase}.\n"
                f"Kết quả đánh giá, xếp loại chất lượng: {ratings}.\n"
                f"Công tác thi đua, khen thưởng: {titles}.",
            ),
            Section(
                "resolution_review",
                f"II. KIỂM ĐIỂM THỰC HIỆN NGHỊ QUYẾT HỘI NGHỊ NĂM {c.reviewed_year}",
                targets,
            ),
            Section("limits", "III. HẠN CHẾ, NGUYÊN NHÂN", "…"),
            Section("directions", f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {c.year}", "…"),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Hội nghị;"),
    )


def build_minutes(c: MinutesContext) -> Paper:
    m = c.minutes
    a = m.attendance
    opened = f"{m.opened_at:%H} giờ {m.opened_at:%M}, " if m.opened_at else ""
    votes = (
        "\n".join(
            f"{v.title}: {two(v.votes_for)}/{two(v.present)} đồng ý, {two(v.votes_against)} không đồng ý, "
            f"{two(v.abstentions)} không biểu quyết ({'thông qua' if v.adopted else 'không thông qua'})."
            for v in m.votes
        )
        or "(Chưa có biểu quyết.)"
    )
    comments = (
        "\n".join(
            f"{x.author}: {x.text}" + (f" Trả lời: {x.answer}" if x.answer else "")
            for x in m.comments
        )
        or "(Không có ý kiến.)"
    )
    sections = [
        Section(
            "opening",
            "",
            f"Vào hồi {opened}{spoken_date(m.held_on)}, tại {m.place or '…'}, "
            f"{m.agency_name} tổ chức {CONFERENCE} năm {m.year} ({m.form.lower()}).",
        ),
        Section(
            "attendance",
            "THÀNH PHẦN",
            f"Tổng số được triệu tập: {two(a.convened)}; có mặt: {two(a.present)}; vắng mặt: "
            f"{two(a.convened - a.present)}"
            + (f" ({', '.join(a.absent_names)})" if a.absent_names else "")
            + f"; khách mời: {two(a.guests)}.\n"
            + (m.quorum or ""),
        ),
        Section(
            "presidium",
            "ĐOÀN CHỦ TỊCH, THƯ KÝ",
            f"Đoàn Chủ tịch: {', '.join(m.presidium) or '…'}.\nThư ký: {', '.join(m.secretaries) or '…'}.",
        ),
        Section(
            "agenda", "NỘI DUNG", "\n".join(f"{i}. {t}" for i, t in enumerate(m.agenda, 1)) or "…"
        ),
        Section(
            "reports",
            "CÁC BÁO CÁO",
            "\n".join(f"{r.title} ({r.presented_by or r.kind})." for r in m.reports) or "…",
        ),
        Section("discussion", "Ý KIẾN THẢO LUẬN", comments),
        Section("votes", "BIỂU QUYẾT", votes),
    ]
    if m.election is not None:
        elected = [x.name for x in m.election.candidates if x.elected]
        sections.append(
            Section(
                "election",
                "BẦU BAN THANH TRA NHÂN DÂN",
                f"Hội nghị bầu {two(m.election.seats)} thành viên. Trúng cử: "
                f"{', '.join(elected) or '…'}.\n{m.election.explanation}",
            )
        )
    if m.awards:
        sections.append(
            Section(
                "awards",
                "KHEN THƯỞNG",
                "",
                Table(
                    ["STT", "Tập thể, cá nhân", "Hình thức"],
                    [[str(i), who, title] for i, (title, who) in enumerate(m.awards, 1)],
                    [15, 95, 55],
                ),
                editable=False,
            )
        )
    closed = f"{m.closed_at:%H} giờ {m.closed_at:%M}" if m.closed_at else "… giờ …"
    return _paper(
        c.issuer,
        DocumentType.BIEN_BAN,
        f"{CONFERENCE} năm {m.year}",
        sections=roman_headings(sections),
        closing=f"Hội nghị kết thúc vào hồi {closed} cùng ngày. Biên bản đã được thông qua "
        "trước Hội nghị.",
        signatures=[
            Signature(["Thư ký"], m.secretaries[0] if m.secretaries else ""),
            Signature([], m.presidium[0] if m.presidium else "", "TM", "Đoàn Chủ tịch"),
        ],
    )


def build_resolution(c: ResolutionContext) -> Paper:
    r = c.resolution
    targets = (
        "\n".join(
            f"{i}. {t.text}" + (f" ({t.unit})" if t.unit else "")
            for i, t in enumerate(r.targets, 1)
        )
        or "…"
    )
    adopted = [v.title for v in r.adopted]
    board = (
        f"\nBầu Ban thanh tra nhân dân gồm: {', '.join(r.inspection_board)}."
        if r.inspection_board
        else ""
    )
    return _paper(
        c.issuer,
        DocumentType.NGHI_QUYET,
        f"{CONFERENCE} năm {r.year}",
        sections=[
            Section(
                "preamble",
                "",
                f"{CONFERENCE} {r.agency_name} năm {r.year} họp {spoken_date(r.held_on)}, "
                f"có {two(r.present)}/{two(r.convened)} người dự.",
            ),
            Section(
                "article_1",
                "Điều 1.",
                f"Thông qua báo cáo kết quả thực hiện nhiệm vụ năm "
                f"{r.reviewed_year or r.year - 1} và phương hướng nhiệm vụ năm {r.year}."
                + ("\nThông qua: " + "; ".join(adopted) + "." if adopted else "")
                + board,
            ),
            Section("article_2", "Điều 2.", f"Các chỉ tiêu chủ yếu năm {r.year}:\n{targets}"),
            Section(
                "article_3",
                "Điều 3.",
                f"Toàn thể {STAFF} cơ quan có trách nhiệm thực hiện Nghị quyết "
                "này. Ban Chấp hành Công đoàn và Ban thanh tra nhân dân giám sát việc thực hiện.",
            ),
        ],
        signatures=[Signature([], c.presidium[0] if c.presidium else "", "TM", "Đoàn Chủ tịch")],
        recipients=recipients(c.issuer, f"- Toàn thể {STAFF};"),
    )


def build_results_letter(c: ResultsLetterContext) -> Paper:
    """Công văn: "V/v …" under the number, "Kính gửi", the results, "- Như trên;" first (D30 App. I)."""
    r = c.resolution
    adopted = "; ".join(v.title for v in r.adopted) or "…"
    board = ", ".join(r.inspection_board) or "…"
    party = layout_for_kind(c.issuer.kind) is Layout.PARTY
    abbrev = c.issuer.abbreviation + (
        f"-{c.drafting_code}" if c.drafting_code and not party else ""
    )
    paper = _paper(
        c.issuer,
        DocumentType.CONG_VAN,
        f"Báo cáo kết quả {CONFERENCE} năm {r.year}",
        to_lines=[c.to],
        letter=True,
        sections=[
            Section(
                "body",
                "",
                f"{c.issuer.name} báo cáo kết quả tổ chức {CONFERENCE} năm {r.year} như sau:\n"
                f"- Thời gian: {spoken_date(r.held_on)}; số người dự: {two(r.present)}/{two(r.convened)}.\n"
                f"- Hội nghị đã thông qua: {adopted}.\n"
                f"- Ban thanh tra nhân dân được bầu: {board}.\n"
                "(Gửi kèm Nghị quyết và Biên bản Hội nghị.)",
            ),
            Section("closing", "", f"{c.issuer.name} trân trọng báo cáo."),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Như trên;", "- Ban Chấp hành Công đoàn cơ quan;"),
    )
    header = replace(paper.header, issuer_abbrev=abbrev)
    return replace(paper, header=header, type_abbrev=PARTY_LETTER_ABBREV if party else None)


def build_counting(c: CountingContext) -> Paper:
    r = c.record
    if r is not None:
        rows = [
            [str(i), x.name, two(x.votes), x.share, "Trúng cử" if x.elected else ""]
            for i, x in enumerate(r.candidates, 1)
        ]
        figures = (
            f"Số người được triệu tập: {two(r.convened)}; có mặt: {two(r.present)}.\n"
            f"Số phiếu phát ra: {two(r.ballots_issued)}; thu vào: {two(r.ballots_returned)}; "
            f"hợp lệ: {two(r.valid)}; không hợp lệ: {two(r.invalid)}.\n{r.outcome_label}."
        )
        reasons = "\n".join(r.reasons + r.citations)
    else:
        e = c.election
        assert e is not None
        rows = [
            [str(i), x.name, two(x.votes), "", "Trúng cử" if x.elected else ""]
            for i, x in enumerate(e.candidates, 1)
        ]
        figures = f"Số người có mặt: {two(e.present)}. Số thành viên cần bầu: {two(e.seats)}."
        reasons = "\n".join([e.explanation, *e.citations])
    table = Table(["STT", "Họ và tên", "Số phiếu", "Tỷ lệ", "Kết quả"], rows, [12, 68, 25, 25, 35])
    counters = c.counters or ["", ""]
    return _paper(
        c.issuer,
        DocumentType.BIEN_BAN,
        "Kiểm phiếu bầu Ban thanh tra nhân dân",
        sections=[
            Section(
                "opening",
                "",
                f"Hôm nay, {spoken_date(c.held_on)}, tại {CONFERENCE} năm {c.year}, "
                "Ban kiểm phiếu đã tiến hành kiểm phiếu bầu Ban thanh tra nhân dân.",
            ),
            Section("figures", "I. KẾT QUẢ KIỂM PHIẾU", figures),
            Section("candidates", "II. SỐ PHIẾU BẦU CHO TỪNG NGƯỜI", "", table, editable=False),
            Section("basis", "III. CĂN CỨ", reasons),
        ],
        signatures=[
            Signature(["Thành viên Ban kiểm phiếu"], counters[-1]),
            Signature(["Trưởng Ban kiểm phiếu"], counters[0]),
        ],
    )


# --- emulation ------------------------------------------------------------------------------


def _decision(c: DecisionContext, summary: str, article_1: str) -> Paper:
    paper = _paper(
        c.issuer,
        DocumentType.QUYET_DINH,
        summary,
        bases=[
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
            "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng.",
        ],
        sections=[
            Section("article_1", "Điều 1.", article_1),
            Section("article_2", "Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
            Section(
                "article_3",
                "Điều 3.",
                "Văn phòng, các đơn vị và các cá nhân có tên tại Điều 1 chịu "
                "trách nhiệm thi hành Quyết định này.",
            ),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Như Điều 3;", "- Công đoàn cơ quan;"),
        appendices=[
            Appendix(
                f"Danh sách {', '.join(c.titles).lower()} năm {c.year}",
                _award_table(c.rows, bonus=any(r.bonus for r in c.rows)),
            )
        ],
    )
    return paper


def build_titles_decision(c: DecisionContext) -> Paper:
    return _decision(
        c,
        f"Về việc công nhận danh hiệu thi đua năm {c.year}",
        f"Công nhận danh hiệu {', '.join(c.titles)} năm {c.year} cho {two(len(c.rows))} "
        "tập thể, cá nhân có tên trong danh sách kèm theo.",
    )


def build_certificate_decision(c: DecisionContext) -> Paper:
    return _decision(
        c,
        f"Về việc tặng Giấy khen năm {c.year}",
        f"Tặng Giấy khen cho {two(len(c.rows))} tập thể, cá nhân có tên trong danh sách "
        f"kèm theo đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {c.year}.",
    )


def build_proposal(c: ProposalContext) -> Paper:
    return _paper(
        c.issuer,
        DocumentType.TO_TRINH,
        c.subject,
        to_lines=[c.to],
        sections=[
            Section(
                "basis",
                "",
                "Căn cứ Luật Thi đua, khen thưởng năm 2022 và kết quả bình xét thi đua "
                f"năm {c.year} của cơ quan;",
            ),
            Section(
                "request",
                "",
                f"{c.issuer.name} đề nghị khen thưởng {two(len(c.rows))} tập thể, cá "
                "nhân có tên trong danh sách kèm theo.\nKính trình xem xét, quyết định.",
            ),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Như trên;"),
        appendices=[Appendix(f"Danh sách đề nghị khen thưởng năm {c.year}", _award_table(c.rows))],
    )


def build_pledge(c: PledgeContext) -> Paper:
    commitments = "\n".join(f"{i}. {t}" for i, t in enumerate(c.commitments, 1)) or "…"
    return Paper(
        header=header(c.issuer),
        type_name="Bản giao ước thi đua",
        type_abbrev=None,
        numbered=False,
        summary=f"Năm {c.year}",
        issued_on=None,
        sections=[
            Section(
                "parties",
                "",
                f"Bên thứ nhất: {c.party_a}, do {c.signer_a or '…'} đại diện.\n"
                f"Bên thứ hai: {c.party_b}, do {c.signer_b or '…'} đại diện.",
            ),
            Section(
                "commitments",
                "Hai bên cùng giao ước thi đua thực hiện các nội dung sau:",
                commitments,
            ),
            Section(
                "review",
                "",
                f"Cuối năm {c.year}, hai bên cùng kiểm điểm, đánh giá việc thực hiện "
                "giao ước thi đua.",
            ),
        ],
        signatures=[Signature([c.party_b], c.signer_b), Signature([c.party_a], c.signer_a)],
    )


# --- evaluation -----------------------------------------------------------------------------


def build_classification_notice(c: ClassificationNoticeContext) -> Paper:
    summary = f"Kết quả đánh giá, xếp loại chất lượng năm {c.year}"
    if c.person is not None:
        p = c.person
        return _paper(
            c.issuer,
            DocumentType.THONG_BAO,
            summary,
            sections=[
                Section(
                    "result",
                    "",
                    f"{c.issuer.name} thông báo kết quả đánh giá, xếp loại chất lượng "
                    f"năm {c.year} của {p.name}"
                    + (f", {p.unit}" if p.unit else "")
                    + f": {p.rating}.",
                ),
                Section(
                    "appeal",
                    "",
                    "Nếu có ý kiến, đề nghị phản ánh với Văn phòng trong thời hạn 05 "
                    "ngày làm việc kể từ ngày nhận được Thông báo này.",
                ),
            ],
            signatures=[head_signature(c.issuer)],
            recipients=recipients(c.issuer, f"- {p.name};"),
        )
    counts = "\n".join(f"- {label}: {two(n)} người;" for label, n in c.counts)
    table = Table(
        ["STT", "Họ và tên", "Đơn vị", "Xếp loại"],
        [[str(i), r.name, r.unit, r.rating] for i, r in enumerate(c.rows, 1)],
        [15, 60, 50, 40],
    )
    return _paper(
        c.issuer,
        DocumentType.THONG_BAO,
        summary,
        sections=[
            Section(
                "result",
                "",
                f"{c.issuer.name} thông báo kết quả đánh giá, xếp loại chất lượng năm "
                f"{c.year} của {two(len(c.rows))} {STAFF} như sau:\n{counts}",
            ),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Các đơn vị;"),
        appendices=[Appendix(f"Danh sách kết quả xếp loại chất lượng năm {c.year}", table)],
    )


def build_achievement_report(c: AchievementContext) -> Paper:
    titles = "\n".join(f"- {t};" for t in c.titles) or "(Chưa có.)"
    initiatives = "; ".join(c.initiatives) or "không có"
    return Paper(
        header=header(c.issuer),
        type_name="Báo cáo thành tích",
        type_abbrev=None,
        numbered=False,
        summary=f"Đề nghị khen thưởng năm {c.year}",
        issued_on=None,
        sections=[
            Section(
                "about",
                "I. SƠ LƯỢC LÝ LỊCH",
                f"Họ và tên: {c.name}.\nNăm sinh: {c.birth_year or '…'}.\nChức vụ: {c.position or '…'}.\n"
                f"Đơn vị: {c.unit or '…'}.\nNgày vào cơ quan: "
                f"{c.joined_on.strftime('%d/%m/%Y') if c.joined_on else '…'}.",
            ),
            Section(
                "achievements",
                "II. THÀNH TÍCH ĐẠT ĐƯỢC",
                f"Năm {c.year}, {c.completion.phrase}.\nKết quả xếp loại chất lượng: {c.rating or '…'}.\n"
                f"Sáng kiến, giải pháp: {initiatives}.",
            ),
            Section("titles", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", titles),
        ],
        signatures=[Signature(["Người báo cáo"], c.name)],
    )


# --- the trade union (thể thức chưa xác minh, DOMAIN §4.3) ---------------------------------------


def build_union_certificate_decision(c: UnionDecisionContext) -> Paper:
    """The union's Giấy khen: its own letterhead, series and signature "TM. BAN CHẤP HÀNH"."""
    name, abbrev = _type(DocumentType.QUYET_DINH)
    issuer = c.union
    chair = issuer.union_chair.name if issuer.union_chair else ""
    table = _award_table(c.rows, bonus=any(r.bonus for r in c.rows))
    return Paper(
        header=Header(
            Layout.STATE,
            c.superior,
            issuer.name,
            UNION_ABBREVIATION,
            issuer.place,
            letterhead=Letterhead.UNION,
        ),
        type_name=name,
        type_abbrev=abbrev,
        summary=f"Về việc tặng Giấy khen năm {c.year}",
        issued_on=None,
        bases=[
            "Căn cứ Luật Công đoàn ngày 27 tháng 11 năm 2024;",
            "Căn cứ Điều lệ Công đoàn Việt Nam;",
            "Căn cứ Quy chế thi đua, khen thưởng của Ban Chấp hành " + issuer.name + ";",
            "Xét đề nghị của Ban Thường vụ (Ban Chấp hành) " + issuer.name + ".",
        ],
        sections=[
            Section(
                "article_1",
                "Điều 1.",
                f"Tặng Giấy khen của Ban Chấp hành {issuer.name} cho "
                f"{two(len(c.rows))} tập thể, cá nhân có tên trong danh sách kèm theo đã có thành tích "
                f"xuất sắc trong hoạt động công đoàn năm {c.year}.",
            ),
            Section("article_2", "Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
            Section(
                "article_3",
                "Điều 3.",
                "Các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            ),
        ],
        signatures=[Signature(["Chủ tịch"], chair, "TM", "Ban Chấp hành")],
        recipients=["- Như Điều 3;", "- Thủ trưởng cơ quan;", f"- Lưu: VT, {UNION_ABBREVIATION}."],
        appendices=[Appendix(f"Danh sách tặng Giấy khen năm {c.year}", table)],
    )
