"""The papers of awards: the head's decisions on titles and Giấy khen, the union's Giấy khen,
the proposal (tờ trình) to the council or the superior, each with its list in an appendix."""

from __future__ import annotations

from hoinghi.documents.builders import (
    compose_paper,
    head_signature,
    recipients,
    signer_notes,
    two,
    type_names,
)
from hoinghi.documents.contexts import (
    AwardRow,
    DecisionContext,
    ProposalContext,
    UnionDecisionContext,
)
from hoinghi.documents.layout import UNION_ABBREVIATION, UNION_UNVERIFIED, Letterhead
from hoinghi.documents.paper import Appendix, Header, Paper, Section, Signature, Table
from hoinghi.law.bases import BasisSet
from hoinghi.law.documents import DocumentType, Layout


def counted(rows: list[AwardRow]) -> str:
    """ "03 tập thể và 12 cá nhân": the holders the list names, each once (a Chiến sĩ thi đua
    cơ sở is listed again as Lao động tiên tiến, a unit as TTLĐTT and TTLĐXS)."""
    holders = {r.holder or (r.collective, r.name, r.unit): r.collective for r in rows}
    collectives = sum(1 for collective in holders.values() if collective)
    people = len(holders) - collectives
    parts = [f"{two(collectives)} tập thể"] if collectives else []
    parts += [f"{two(people)} cá nhân"] if people else []
    return " và ".join(parts) or "các tập thể, cá nhân"


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


def _empty_list_note(rows: list[AwardRow], what: str) -> list[str]:
    if rows:
        return []
    return [f"Danh sách {what} đang trống: chỉ ban hành khi đã xác nhận ban hành danh sách trống."]


# --- before the conference ----------------------------------------------------------------


def _decision(c: DecisionContext, summary: str, article_1: str, what: str) -> Paper:
    notes = _empty_list_note(c.rows, what)
    if c.from_eligibility:
        notes.append(
            "Chưa có quyết định khen thưởng ghi trong thi đua: danh sách lấy từ những người đủ "
            "điều kiện, cần rà soát."
        )
    return compose_paper(
        c.issuer,
        DocumentType.QUYET_DINH,
        summary,
        law_bases=BasisSet.EMULATION,
        suggested_on=c.signed_on,
        bases=["Xét đề nghị của Hội đồng Thi đua - Khen thưởng."],
        decides="QUYẾT ĐỊNH:",
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
        list_name=what,
        notes=notes,
    )


def build_titles_decision(c: DecisionContext) -> Paper:
    return _decision(
        c,
        f"Về việc công nhận danh hiệu thi đua năm {c.year}",
        f"Công nhận danh hiệu {', '.join(c.titles)} năm {c.year} cho {counted(c.rows)} "
        "có tên trong danh sách kèm theo.",
        "công nhận danh hiệu",
    )


def build_certificate_decision(c: DecisionContext) -> Paper:
    return _decision(
        c,
        f"Về việc tặng Giấy khen năm {c.year}",
        f"Tặng Giấy khen cho {counted(c.rows)} có tên trong danh sách kèm theo đã có thành "
        f"tích xuất sắc trong thực hiện nhiệm vụ năm {c.year}.",
        "tặng Giấy khen",
    )


def build_proposal(c: ProposalContext) -> Paper:
    return compose_paper(
        c.issuer,
        DocumentType.TO_TRINH,
        c.subject,
        to_lines=[c.to],
        law_bases=BasisSet.EMULATION,
        bases=[f"Căn cứ kết quả bình xét thi đua năm {c.year} của cơ quan,"],
        sections=[
            Section(
                "request",
                "",
                f"{c.issuer.name} đề nghị khen thưởng {counted(c.rows)} có tên trong danh sách "
                "kèm theo.\nKính trình xem xét, quyết định.",
            ),
        ],
        signatures=[head_signature(c.issuer)],
        recipients=recipients(c.issuer, "- Như trên;"),
        appendices=[Appendix(f"Danh sách đề nghị khen thưởng năm {c.year}", _award_table(c.rows))],
        list_name="đề nghị khen thưởng",
        notes=_empty_list_note(c.rows, "đề nghị khen thưởng"),
    )


def build_union_certificate_decision(c: UnionDecisionContext) -> Paper:
    """The union's Giấy khen: its own letterhead, series and signature "TM. BAN CHẤP HÀNH"."""
    name, abbrev = type_names(DocumentType.QUYET_DINH)
    issuer = c.union
    chair = issuer.union_chair.name if issuer.union_chair else ""
    table = _award_table(c.rows, bonus=any(r.bonus for r in c.rows))
    signatures = [Signature(["Chủ tịch"], chair, "TM", "Ban Chấp hành")]
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
        law_bases=BasisSet.UNION,
        suggested_on=c.signed_on,
        bases=[
            "Căn cứ Quy chế thi đua, khen thưởng của Ban Chấp hành " + issuer.name + ";",
            "Xét đề nghị của Ban Thường vụ " + issuer.name + ".",
        ],
        decides="QUYẾT ĐỊNH:",
        sections=[
            Section(
                "article_1",
                "Điều 1.",
                f"Tặng Giấy khen của Ban Chấp hành {issuer.name} cho {counted(c.rows)} có tên "
                f"trong danh sách kèm theo đã có thành tích xuất sắc trong hoạt động công đoàn "
                f"năm {c.year}.",
            ),
            Section("article_2", "Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
            Section(
                "article_3",
                "Điều 3.",
                "Các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            ),
        ],
        signatures=signatures,
        recipients=["- Như Điều 3;", "- Thủ trưởng cơ quan;", f"- Lưu: VT, {UNION_ABBREVIATION}."],
        appendices=[Appendix(f"Danh sách tặng Giấy khen năm {c.year}", table)],
        list_name="tặng Giấy khen",
        notes=[
            UNION_UNVERIFIED,
            *signer_notes(signatures),
            *_empty_list_note(c.rows, "tặng Giấy khen"),
        ],
    )
