"""Builders: a type's context → a :class:`Paper`. Pure: no database, no clock.

The wording follows the seed reports and the usual samples of Decree 30/2020 Appendix III;
every free-text part is a keyed :class:`Section` the clerk may edit before issuing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

from hoinghi.conference.selectors import ElectionRecord, MinutesData
from hoinghi.documents.contexts import (
    AchievementContext,
    ActivityReportContext,
    ClassificationNoticeContext,
    InvitationContext,
    Issuer,
    MinutesContext,
    PlanContext,
    PledgeContext,
    ResolutionContext,
    ResultsLetterContext,
)
from hoinghi.documents.layout import (
    layout_for_kind,
)
from hoinghi.documents.paper import Appendix, Header, Paper, Section, Signature, Table
from hoinghi.law.documents import DOCUMENT_TYPES, DocumentType, Layout, format_date_line

# A Party công văn: "Số 12-CV/VPTU" (HD 36 practice, docs/domain/documents.md §4.2 [S]).
PARTY_LETTER_ABBREV = "CV"


def header(issuer: Issuer) -> Header:
    return Header(
        layout_for_kind(issuer.kind),
        issuer.superior,
        issuer.name,
        issuer.abbreviation,
        issuer.place,
        number_padding=issuer.party_number_padding,
    )


def spoken_date(d: date | None) -> str:
    """ "ngày 05 tháng 01 năm 2026" (as in the date line); "" while unknown."""
    if d is None:
        return ""
    return format_date_line("x", d).split(", ", 1)[1]


def clock(t: time | None) -> str:
    """ "08 giờ 00" (Vietnam time, as the secretary recorded it); "" while unknown."""
    return f"{t:%H} giờ {t:%M}" if t is not None else ""


def two(n: int | None) -> str:
    """Counts as the reports write them: "04", "32"."""
    return "" if n is None else f"{n:02d}"


NO_SIGNER = (
    "Chưa có người ký: tài khoản lãnh đạo cơ quan chưa được gán. Ghi họ tên người ký "
    "ở phần «Người ký» trước khi ban hành."
)


def head_signature(issuer: Issuer) -> Signature:
    """The head signs; a deputy signs "KT." for the head. Always with a name before issuing."""
    if issuer.head is None:
        return Signature(["Thủ trưởng cơ quan"], "")
    if issuer.head.is_head:
        return Signature([issuer.head.title], issuer.head.name)
    return Signature([issuer.head.title], issuer.head.name, "KT", "Thủ trưởng cơ quan")


def union_signature(issuer: Issuer) -> Signature:
    name = issuer.union_chair.name if issuer.union_chair else ""
    return Signature(["Chủ tịch"], name, "TM", "Ban Chấp hành Công đoàn")


def signer_notes(signatures: list[Signature]) -> list[str]:
    return [NO_SIGNER] if any(not s.name for s in signatures) else []


def recipients(issuer: Issuer, *lines: str) -> list[str]:
    """The list under "Nơi nhận:", ending "- Lưu: VT, <drafting unit>." (D30 App. I)."""
    unit = (issuer.drafting_code or issuer.abbreviation).upper()
    return [*lines, f"- Lưu: VT, {unit}."]


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


def type_names(doc_type: DocumentType) -> tuple[str, str | None]:
    return DOCUMENT_TYPES[doc_type]


def compose_paper(issuer: Issuer, doc_type: DocumentType, summary: str, **fields: object) -> Paper:
    name, abbrev = type_names(doc_type)
    signatures: list[Signature] = fields.get("signatures", [])  # type: ignore[assignment]
    extra: list[str] = fields.pop("notes", [])  # type: ignore[assignment]
    notes = [*extra, *signer_notes(signatures)]
    return Paper(
        header=header(issuer),
        type_name=name,
        type_abbrev=abbrev,
        summary=summary,
        issued_on=None,
        notes=notes,
        **fields,  # type: ignore[arg-type]
    )


def _when(held_on: date | None, starts_at: time | None) -> str:
    """ "08 giờ 00, ngày 19 tháng 01 năm 2024"; the parts known."""
    return ", ".join(x for x in (clock(starts_at), spoken_date(held_on)) if x)


def _time_notes(held_on: date | None, starts_at: time | None, place: str) -> list[str]:
    notes = []
    if held_on is None:
        notes.append("Chưa có Hội nghị trong hệ thống: ngày tổ chức chưa biết.")
    if starts_at is None:
        notes.append("Chưa có giờ khai mạc của Hội nghị: ghi giờ vào phần nội dung.")
    if not place:
        notes.append("Chưa có địa điểm của Hội nghị.")
    return notes


def build_plan(c: PlanContext) -> Paper:
    agenda = "\n".join(f"{i}. {item}" for i, item in enumerate(c.agenda, start=1))
    when = _when(c.held_on, c.starts_at)
    time_lines = [f"Thời gian: {when}." if when else "", f"Địa điểm: {c.place}." if c.place else ""]
    return compose_paper(
        c.issuer,
        DocumentType.KE_HOACH,
        f"Tổ chức {c.issuer.conference} năm {c.year}",
        sections=[
            Section(
                "purpose",
                "I. MỤC ĐÍCH, YÊU CẦU",
                f"Tổ chức {c.issuer.conference} năm {c.year} nhằm đánh giá kết quả thực hiện nhiệm vụ năm "
                f"{c.reviewed_year}, bàn biện pháp thực hiện nhiệm vụ năm {c.year}; phát huy quyền "
                "làm chủ của "
                + c.issuer.staff
                + ".\nHội nghị được tổ chức dân chủ, thiết thực, đúng quy "
                "định.",
            ),
            Section(
                "time",
                "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
                "\n".join(
                    [
                        *(x for x in time_lines if x),
                        f"Hình thức: {c.form}.",
                        f"Thành phần: toàn thể {c.issuer.staff} của cơ quan ({two(c.participants)} người).",
                    ]
                ),
            ),
            Section("agenda", "III. NỘI DUNG, CHƯƠNG TRÌNH", agenda),
            Section(
                "tasks",
                "IV. PHÂN CÔNG THỰC HIỆN",
                "Văn phòng chuẩn bị báo cáo, tài liệu, cơ sở vật chất.\nBan Chấp hành Công đoàn "
                "phối hợp chuẩn bị báo cáo kiểm điểm thực hiện nghị quyết, quy chế dân chủ.",
            ),
        ],
        signatures=[union_signature(c.issuer), head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Các đơn vị trong cơ quan;"),
        notes=_time_notes(c.held_on, c.starts_at, c.place)
        + ([] if agenda else ["Chưa có chương trình Hội nghị: soạn phần III."]),
    )


def build_invitation(c: InvitationContext) -> Paper:
    who = c.invitee or f"Toàn thể {c.issuer.staff} cơ quan"
    when = _when(c.held_on, c.starts_at)
    lines = [
        f"{c.issuer.name} trân trọng kính mời: {who}.",
        f"Tới dự {c.issuer.conference} năm {c.year}.",
        f"Thời gian: {when}." if when else "",
        f"Địa điểm: {c.place}." if c.place else "",
        f"Rất mong {'Ông (Bà)' if c.invitee else 'các đồng chí'} đến dự đúng giờ.",
        f"Mã mời điểm danh: {c.code}." if c.code else "",
        f"Điểm danh bằng điện thoại tại địa chỉ: {c.checkin_url}." if c.checkin_url else "",
    ]
    return compose_paper(
        c.issuer,
        DocumentType.GIAY_MOI,
        f"Dự {c.issuer.conference} năm {c.year}",
        sections=[Section("body", "", "\n".join(x for x in lines if x))],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Như trên;"),
        notes=_time_notes(c.held_on, c.starts_at, c.place)
        + ([NO_PUBLIC_ADDRESS] if c.code and not c.checkin_url else []),
        qr_url=c.checkin_url,
    )


NO_PUBLIC_ADDRESS = (
    "Chưa cấu hình địa chỉ công khai của máy chủ (HOINGHI_PUBLIC_URL): giấy mời có mã mời "
    "nhưng không có mã QR và địa chỉ điểm danh."
)


# --- at the conference ----------------------------------------------------------------------


def build_activity_report(c: ActivityReportContext) -> Paper:
    ratings = "; ".join(f"{label}: {two(n)}" for label, n in c.ratings.items() if n)
    lines = [f"Năm {c.reviewed_year}, cơ quan {c.completion.phrase}."]
    if ratings:
        lines.append(f"Kết quả đánh giá, xếp loại chất lượng: {ratings}.")
    if c.titles:
        lines.append(
            "Công tác thi đua, khen thưởng: "
            + "; ".join(f"{t.phrase} {t.label}" for t in c.titles)
            + "."
        )
    targets = "\n".join(f"- {t}." for t in c.last_targets)
    notes = [
        "Phần III (hạn chế, nguyên nhân) và phần IV (phương hướng) chưa có nội dung: "
        "soạn trước khi ban hành; phần trống không được in."
    ]
    if not targets:
        notes.append("Chưa có chỉ tiêu của nghị quyết Hội nghị năm trước: soạn phần II.")
    return compose_paper(
        c.issuer,
        DocumentType.BAO_CAO,
        f"Kết quả thực hiện nhiệm vụ năm {c.reviewed_year}, phương hướng nhiệm vụ năm {c.year} "
        f"và kiểm điểm thực hiện nghị quyết Hội nghị năm {c.reviewed_year}",
        sections=[
            Section(
                "results", f"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM {c.reviewed_year}", "\n".join(lines)
            ),
            Section(
                "resolution_review",
                f"II. KIỂM ĐIỂM THỰC HIỆN NGHỊ QUYẾT HỘI NGHỊ NĂM {c.reviewed_year}",
                targets,
            ),
            Section("limits", "III. HẠN CHẾ, NGUYÊN NHÂN", ""),
            Section("directions", f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {c.year}", ""),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Hội nghị;"),
        notes=notes,
    )


def _votes_text(m: MinutesData) -> str:
    out = []
    for v in m.votes:
        if v.votes_for is None:
            continue
        tail = "thông qua" if v.adopted else "không thông qua"
        out.append(
            f"{v.title}: {two(v.votes_for)}/{two(v.present)} đồng ý, "
            f"{two(v.votes_against or 0)} không đồng ý, {two(v.abstentions or 0)} không biểu quyết "
            f"({tail})."
        )
    return "\n".join(out)


def election_lines(e: ElectionRecord) -> list[str]:
    """The result in words, by name: who was elected with how many votes, who was not; round by
    round when the seats took more than one, then the presidium's decision on empty seats."""
    if len(e.rounds) > 1:
        lines = [f"Hội nghị bầu Ban thanh tra nhân dân qua {two(len(e.rounds))} vòng."]
        for entry in e.rounds:
            lines += _round_lines(entry)
    elif any(x.votes is not None for x in e.candidates):
        lines = [f"Hội nghị bầu {two(e.seats)} thành viên Ban thanh tra nhân dân."]
        lines += last_round_lines(e)
    else:
        return []
    if e.unfinished_decision:
        lines.append(f"Đoàn Chủ tịch quyết định: {e.unfinished_decision.rstrip('.')}.")
    return lines


def last_round_lines(e: ElectionRecord) -> list[str]:
    """The recorded round by name: the elected and the others with their votes, the outcome."""
    lines = _named_results(
        [(x.name, x.votes) for x in e.candidates if x.elected],
        [(x.name, x.votes) for x in e.candidates if not x.elected],
    )
    if e.outcome_label and e.outcome != "complete":
        lines.append(f"{e.outcome_label}.")
    return lines


def _round_lines(entry: dict[str, Any]) -> list[str]:
    people = entry.get("candidates", [])
    lines = [f"Vòng {entry.get('round')}: bầu {two(entry.get('seats') or 0)} thành viên."]
    return lines + _named_results(
        [(c["name"], c["votes"]) for c in people if c.get("elected")],
        [(c["name"], c["votes"]) for c in people if not c.get("elected")],
    )


def _named_results(
    elected: list[tuple[str, int | None]], others: list[tuple[str, int | None]]
) -> list[str]:
    def listed(found: list[tuple[str, int | None]]) -> str:
        return "; ".join(f"{name} ({two(votes or 0)} phiếu)" for name, votes in found) + "."

    lines = []
    if elected:
        lines.append("Những người trúng cử: " + listed(elected))
    if others:
        lines.append("Những người không trúng cử: " + listed(others))
    return lines


def build_minutes(c: MinutesContext) -> Paper:
    m = c.minutes
    a = m.attendance
    notes = []
    opened = clock(c.opened)
    if not opened:
        notes.append("Chưa có giờ khai mạc do thư ký ghi: ghi vào phần mở đầu.")
    if c.closed is None:
        notes.append("Chưa có giờ bế mạc do thư ký ghi: ghi vào câu kết thúc.")
    start = (
        f"Vào hồi {opened}, {spoken_date(m.held_on)}"
        if opened
        else (f"Vào {spoken_date(m.held_on)}")
    )
    place = f", tại {m.place}" if m.place else ""
    absent = a.convened - a.present
    attendance = (
        f"Tổng số được triệu tập: {two(a.convened)}; có mặt: {two(a.present)}; vắng mặt: "
        f"{two(absent)}" + (f" ({', '.join(a.absent_names)})" if a.absent_names else "")
    )
    if a.guests:
        attendance += f"; khách mời: {two(a.guests)}"
    people = []
    if c.presidium or m.presidium:
        people.append(f"Đoàn Chủ tịch: {'; '.join(c.presidium or m.presidium)}.")
    if m.secretaries:
        people.append(f"Thư ký: {', '.join(m.secretaries)}.")
    comments = "\n".join(
        f"{x.author}: {x.text}" + (f" Trả lời: {x.answer}" if x.answer else "") for x in m.comments
    )
    sections = [
        Section(
            "opening",
            "",
            f"{start}{place}, {m.agency_name} tổ chức {c.issuer.conference} năm {m.year} "
            f"({m.form.lower()}).",
        ),
        Section("attendance", "THÀNH PHẦN", attendance + "."),
        Section("presidium", "ĐOÀN CHỦ TỊCH, THƯ KÝ", "\n".join(people)),
        Section("agenda", "NỘI DUNG", "\n".join(f"{i}. {t}" for i, t in enumerate(m.agenda, 1))),
        Section(
            "reports",
            "CÁC BÁO CÁO",
            "\n".join(
                f"{r.title}" + (f" (trình bày: {r.presented_by})" if r.presented_by else "") + "."
                for r in m.reports
            ),
        ),
        Section("discussion", "Ý KIẾN THẢO LUẬN", comments),
        Section("votes", "BIỂU QUYẾT", _votes_text(m)),
    ]
    if m.election is not None and election_lines(m.election):
        sections.append(
            Section("election", "BẦU BAN THANH TRA NHÂN DÂN", "\n".join(election_lines(m.election)))
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
    sections = [s for s in sections if s.text or s.table is not None]
    closing = (
        f"Hội nghị kết thúc vào hồi {clock(c.closed)} cùng ngày. " if c.closed else ""
    ) + "Biên bản đã được thông qua trước Hội nghị."
    return compose_paper(
        c.issuer,
        DocumentType.BIEN_BAN,
        f"{c.issuer.conference} năm {m.year}",
        sections=roman_headings(sections),
        closing=closing,
        signatures=[
            Signature(["Thư ký"], m.secretaries[0] if m.secretaries else ""),
            Signature([], c.presidium_head, "TM", "Đoàn Chủ tịch"),
        ],
        notes=notes,
    )


RESOLUTION_KIND = "Nghị quyết Hội nghị"


def build_resolution(c: ResolutionContext) -> Paper:
    r = c.resolution
    targets = "\n".join(
        f"{i}. {t.text}" + (f" ({t.unit})" if t.unit else "") for i, t in enumerate(r.targets, 1)
    )
    adopted = [v.title for v in r.adopted if v.kind != RESOLUTION_KIND]  # not itself
    reviewed = r.reviewed_year or r.year - 1
    article_1 = [
        f"Thông qua báo cáo kết quả thực hiện nhiệm vụ năm {reviewed} và phương hướng nhiệm "
        f"vụ năm {r.year}."
    ]
    if adopted:
        article_1.append("Thông qua: " + "; ".join(adopted) + ".")
    if r.inspection_board:
        article_1.append(f"Bầu Ban thanh tra nhân dân gồm: {', '.join(r.inspection_board)}.")
    sections = [
        Section(
            "preamble",
            "",
            f"{c.issuer.conference} {r.agency_name} năm {r.year} họp {spoken_date(r.held_on)}, "
            f"có {two(r.present)}/{two(r.convened)} người dự,",
        ),
        Section("article_1", "Điều 1.", "\n".join(article_1)),
    ]
    articles = 2
    if targets:
        sections.append(
            Section("article_2", "Điều 2.", f"Các chỉ tiêu chủ yếu năm {r.year}:\n{targets}")
        )
        articles = 3
    sections.append(
        Section(
            f"article_{articles}",
            f"Điều {articles}.",
            f"Toàn thể {c.issuer.staff} cơ quan có trách nhiệm thực hiện Nghị quyết này. Ban Chấp hành "
            "Công đoàn và Ban thanh tra nhân dân giám sát việc thực hiện.",
        )
    )
    signature = Signature([], c.presidium_head, "TM", "Đoàn Chủ tịch")
    return compose_paper(
        c.issuer,
        DocumentType.NGHI_QUYET,
        f"{c.issuer.conference} năm {r.year}",
        sections=sections,
        decides="QUYẾT NGHỊ:",
        signatures=[signature],
        recipients=recipients(c.issuer, f"- Toàn thể {c.issuer.staff};"),
    )


def build_results_letter(c: ResultsLetterContext) -> Paper:
    """Công văn: "V/v …" under the number, "Kính gửi", the results, "- Như trên;" first (D30 App. I)."""
    r = c.resolution
    adopted = "; ".join(v.title for v in r.adopted)
    party = layout_for_kind(c.issuer.kind) is Layout.PARTY
    abbrev = c.issuer.abbreviation + (
        f"-{c.drafting_code}" if c.drafting_code and not party else ""
    )
    lines = [
        f"{c.issuer.name} báo cáo kết quả tổ chức {c.issuer.conference} năm {r.year} như sau:",
        f"- Thời gian: {spoken_date(r.held_on)}; số người dự: {two(r.present)}/{two(r.convened)}.",
        f"- Hội nghị đã thông qua: {adopted}." if adopted else "",
        f"- Ban thanh tra nhân dân được bầu: {', '.join(r.inspection_board)}."
        if r.inspection_board
        else "",
        "(Gửi kèm Nghị quyết và Biên bản Hội nghị.)",
    ]
    paper = compose_paper(
        c.issuer,
        DocumentType.CONG_VAN,
        f"Báo cáo kết quả {c.issuer.conference} năm {r.year}",
        to_lines=[c.to],
        letter=True,
        sections=[
            Section("body", "", "\n".join(x for x in lines if x)),
            Section("closing", "", f"{c.issuer.name} trân trọng báo cáo."),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Như trên;", "- Ban Chấp hành Công đoàn cơ quan;"),
    )
    header = replace(paper.header, issuer_abbrev=abbrev)
    return replace(paper, header=header, type_abbrev=PARTY_LETTER_ABBREV if party else None)


# --- emulation ------------------------------------------------------------------------------


def build_pledge(c: PledgeContext) -> Paper:
    commitments = "\n".join(f"{i}. {t}" for i, t in enumerate(c.commitments, 1))
    signatures = [Signature([c.party_b], c.signer_b), Signature([c.party_a], c.signer_a)]
    notes = signer_notes(signatures)
    if not commitments:
        notes.append("Chưa có nội dung giao ước: soạn phần các nội dung giao ước.")
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
                f"Bên thứ nhất: {c.party_a}"
                + (f", do {c.signer_a} đại diện." if c.signer_a else ".")
                + f"\nBên thứ hai: {c.party_b}"
                + (f", do {c.signer_b} đại diện." if c.signer_b else "."),
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
        signatures=signatures,
        notes=notes,
    )


# --- evaluation -----------------------------------------------------------------------------


def build_classification_notice(c: ClassificationNoticeContext) -> Paper:
    summary = f"Kết quả đánh giá, xếp loại chất lượng năm {c.year}"
    if c.person is not None:
        p = c.person
        return compose_paper(
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
    return compose_paper(
        c.issuer,
        DocumentType.THONG_BAO,
        summary,
        sections=[
            Section(
                "result",
                "",
                f"{c.issuer.name} thông báo kết quả đánh giá, xếp loại chất lượng năm "
                f"{c.year} của {two(len(c.rows))} {c.issuer.staff} như sau:\n{counts}",
            ),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Các đơn vị;"),
        appendices=[Appendix(f"Danh sách kết quả xếp loại chất lượng năm {c.year}", table)],
        list_name="kết quả xếp loại",
        notes=[] if c.rows else ["Chưa có kết quả xếp loại được công bố."],
    )


def build_achievement_report(c: AchievementContext) -> Paper:
    """A person's own report: under the national title, with no issuing body (no letterhead)."""
    about = [
        f"Họ và tên: {c.name}.",
        f"Năm sinh: {c.birth_year}." if c.birth_year else "",
        f"Chức vụ: {c.position}." if c.position else "",
        f"Đơn vị: {c.unit}." if c.unit else "",
        f"Ngày vào cơ quan: {c.joined_on:%d/%m/%Y}." if c.joined_on else "",
    ]
    achievements = [f"Năm {c.year}, {c.completion.phrase}."]
    if c.rating:
        achievements.append(f"Kết quả xếp loại chất lượng: {c.rating}.")
    if c.initiatives:
        achievements.append(f"Sáng kiến, giải pháp: {'; '.join(c.initiatives)}.")
    sections = [
        Section("about", "I. SƠ LƯỢC LÝ LỊCH", "\n".join(x for x in about if x)),
        Section("achievements", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "\n".join(achievements)),
    ]
    if c.titles:
        sections.append(
            Section(
                "titles",
                "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
                "\n".join(f"- {t};" for t in c.titles),
            )
        )
    return Paper(
        header=header(c.issuer),
        type_name="Báo cáo thành tích",
        type_abbrev=None,
        numbered=False,
        letterhead=False,
        summary=f"Đề nghị khen thưởng năm {c.year}",
        issued_on=None,
        sections=sections,
        signatures=[Signature(["Người báo cáo"], c.name)],
    )


# --- the trade union ------------------------------------------------------------------------------
