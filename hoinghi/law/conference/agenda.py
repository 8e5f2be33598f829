"""The order of business (C8) and the emulation pledge (C9), Law 10/2022 Art 51.3–51.4.

:func:`agenda_template` gives the app the items of Art 51.4 a–i, in order, with their
Vietnamese titles, to prefill a Conference agenda. docs/domain/conference.md §1.7 gives no order of business for
the old regime (Decree 04/2015), so these rules start on 01/07/2023.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from hoinghi.law.citations import Citation, cite
from hoinghi.law.conference._common import L10_FROM, reason
from hoinghi.law.instruments import L10
from hoinghi.law.options import ConferenceOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.law.registry import rule
from hoinghi.law.results import Reason, Result


class AgendaItem(enum.StrEnum):
    """An item of the order of business of L10 Art 51.4 (``OTHER``: Art 51.3.g)."""

    HEAD_REPORT = "head_report"
    UNION_REPORT = "union_report"
    DISCUSSION = "discussion"
    ANSWERS = "answers"
    INSPECTION_BOARD_REPORT = "inspection_board_report"
    STAFF_DECISIONS = "staff_decisions"
    AWARDS_AND_LAUNCH = "awards_and_launch"
    PLEDGE = "pledge"
    RESOLUTION = "resolution"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class AgendaTemplateItem:
    item: AgendaItem
    point: str  # điểm of L10 Art 51.4: "a" … "i"
    title: str  # Vietnamese title for the agenda
    citation: Citation
    # When the item may be left out: "" (never), or the condition in Vietnamese.
    optional_when: str = ""


_L10_AGENDA: tuple[AgendaTemplateItem, ...] = tuple(
    AgendaTemplateItem(item, point, title, cite(L10, 51, 4, point), optional)
    for item, point, title, optional in (
        (
            AgendaItem.HEAD_REPORT,
            "a",
            "Người đứng đầu cơ quan, đơn vị báo cáo kết quả thực hiện nhiệm vụ năm, phương hướng "
            "nhiệm vụ năm tới",
            "",
        ),
        (
            AgendaItem.UNION_REPORT,
            "b",
            "Đại diện Ban Chấp hành Công đoàn báo cáo kết quả thực hiện nghị quyết Hội nghị năm "
            "trước, quy chế thực hiện dân chủ và việc giám sát, hỗ trợ thực hiện dân chủ",
            "",
        ),
        (
            AgendaItem.DISCUSSION,
            "c",
            "Cán bộ, công chức, viên chức, người lao động thảo luận, đóng góp ý kiến, kiến nghị",
            "",
        ),
        (
            AgendaItem.ANSWERS,
            "d",
            "Người đứng đầu và Chủ tịch Công đoàn tiếp thu, giải trình, trả lời ý kiến, kiến nghị; "
            "thống nhất biện pháp cải thiện điều kiện làm việc, chăm lo đời sống và thực hiện kế "
            "hoạch năm tới",
            "",
        ),
        (
            AgendaItem.INSPECTION_BOARD_REPORT,
            "đ",
            "Đại diện Ban thanh tra nhân dân báo cáo kết quả hoạt động năm và chương trình công tác "
            "năm tới",
            "không có Ban thanh tra nhân dân",
        ),
        (
            AgendaItem.STAFF_DECISIONS,
            "e",
            "Hội nghị quyết định những nội dung cán bộ, công chức, viên chức, người lao động bàn và "
            "quyết định, kể cả bầu, miễn nhiệm thành viên Ban thanh tra nhân dân",
            "không có nội dung cần quyết định",
        ),
        (
            AgendaItem.AWARDS_AND_LAUNCH,
            "g",
            "Khen thưởng tập thể, cá nhân; phát động phong trào thi đua",
            "",
        ),
        (AgendaItem.PLEDGE, "h", "Người đứng đầu và Công đoàn ký kết giao ước thi đua", ""),
        (AgendaItem.RESOLUTION, "i", "Thông qua nghị quyết Hội nghị", ""),
    )
)

OTHER_BUSINESS = AgendaTemplateItem(
    AgendaItem.OTHER,
    "g",
    "Nội dung khác do Hội nghị quyết định",
    cite(L10, 51, 3, "g"),
    "luôn có thể thêm",
)


def agenda_template(*, on: date) -> tuple[AgendaTemplateItem, ...]:
    """The order of business in force on ``on`` (L10 Art 51.4), to prefill an agenda."""
    if on < L10_FROM:
        raise NotInForce(
            f"conference.agenda: không có trình tự Hội nghị đã xác minh cho ngày {on:%d/%m/%Y} "
            "(chế độ Nghị định 04/2015)"
        )
    return _L10_AGENDA


# --- C8 Agenda completeness ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgendaFacts:
    items: tuple[AgendaItem, ...]  # the agenda as planned or held, in order
    has_inspection_board: bool = True
    has_staff_decisions: bool = True  # there are matters for the Conference to decide


@rule(
    code="conference.agenda",
    version="L10",
    title="Trình tự Hội nghị",
    cites=(cite(L10, 51, 3), cite(L10, 51, 4)),
    valid_from=L10_FROM,
    facts=AgendaFacts,
)
def check_agenda_l10(
    facts: AgendaFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 3, 4 Điều 51 Luật 10/2022: đủ các nội dung a–i, theo đúng trình tự."""
    template = agenda_template(on=on)
    skippable = set()
    if not facts.has_inspection_board:
        skippable.add(AgendaItem.INSPECTION_BOARD_REPORT)
    if not facts.has_staff_decisions:
        skippable.add(AgendaItem.STAFF_DECISIONS)
    reasons: list[Reason] = []
    for entry in template:
        if entry.item not in facts.items and entry.item not in skippable:
            reasons.append(
                reason(
                    "conference.agenda.missing",
                    "Thiếu nội dung bắt buộc: {title}",
                    entry.citation,
                    item=entry.item.value,
                    point=entry.point,
                    title=entry.title,
                )
            )
    order = {entry.item: index for index, entry in enumerate(template)}
    seen = [item for item in facts.items if item in order]
    for before, after in zip(seen, seen[1:], strict=False):
        if order[after] < order[before]:
            reasons.append(
                reason(
                    "conference.agenda.out_of_order",
                    "Nội dung điểm {after_point} được đặt sau nội dung điểm "
                    "{before_point}, trái trình tự",
                    cite(L10, 51, 4),
                    before=before.value,
                    after=after.value,
                    before_point=template[order[before]].point,
                    after_point=template[order[after]].point,
                )
            )
    ok = not reasons
    if ok:
        reasons.append(
            reason(
                "conference.agenda.complete",
                "Chương trình Hội nghị có đủ các nội dung bắt buộc, đúng trình tự",
                cite(L10, 51, 4),
            )
        )
    missing = [r.params["item"] for r in reasons if r.code == "conference.agenda.missing"]
    return Result("conference.agenda", "L10", on, ok, {"missing": missing}, tuple(reasons))


# --- C9 Emulation pledge -------------------------------------------------------------------


class PledgeSigner(enum.StrEnum):
    HEAD = "head"  # người đứng đầu
    UNION_CHAIR = "union_chair"  # Chủ tịch Công đoàn
    UNION_REPRESENTATIVE = "union_representative"  # đại diện Ban Chấp hành Công đoàn
    DEPUTY_HEAD = "deputy_head"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PledgeFacts:
    signers: tuple[PledgeSigner, ...]


@rule(
    code="conference.pledge_signers",
    version="L10",
    title="Người ký giao ước thi đua",
    cites=(cite(L10, 51, 4, "h"),),
    valid_from=L10_FROM,
    facts=PledgeFacts,
)
def check_pledge_signers_l10(
    facts: PledgeFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Điểm h khoản 4 Điều 51 Luật 10/2022: người đứng đầu và Công đoàn ký giao ước thi đua."""
    citation = cite(L10, 51, 4, "h")
    reasons: list[Reason] = []
    if PledgeSigner.HEAD not in facts.signers:
        reasons.append(
            reason(
                "conference.pledge.no_head",
                "Giao ước thi đua thiếu chữ ký của người đứng đầu",
                citation,
            )
        )
    union = {PledgeSigner.UNION_CHAIR, PledgeSigner.UNION_REPRESENTATIVE}
    if not union.intersection(facts.signers):
        reasons.append(
            reason(
                "conference.pledge.no_union",
                "Giao ước thi đua thiếu chữ ký của đại diện Công đoàn",
                citation,
            )
        )
    ok = not reasons
    if ok:
        reasons.append(
            reason(
                "conference.pledge.signed",
                "Giao ước thi đua được người đứng đầu và Công đoàn ký kết",
                citation,
            )
        )
    return Result("conference.pledge_signers", "L10", on, ok, {}, tuple(reasons))
