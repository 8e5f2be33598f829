"""The ballot-counting record (biên bản kiểm phiếu): every round of an election, its ballots,
the votes of each candidate with their share of the valid ballots, the elected and the counting
board's signatures. Pure: no database, no clock."""

from __future__ import annotations

from hoinghi.documents.builders import (
    compose_paper,
    last_round_lines,
    roman_headings,
    spoken_date,
    two,
)
from hoinghi.documents.contexts import (
    CountingContext,
)
from hoinghi.documents.paper import Paper, Section, Signature, Table
from hoinghi.law.documents import DocumentType
from hoinghi.voting.selectors import CountingRecord


def _share(votes: int, valid: int | None) -> str:
    """Share of the valid ballots, as the records write it: "93,75%"."""
    if not valid:
        return ""
    return f"{votes * 100 / valid:.2f}".replace(".", ",") + "%"


def _round_sections(index: int, r: CountingRecord, several: bool) -> list[Section]:
    tag = f" (vòng {index})" if several else ""
    figures = (
        f"Số người được triệu tập: {two(r.convened)}; có mặt: {two(r.present)}.\n"
        + (f"Số phiếu phát ra: {two(r.ballots_issued)}.\n" if r.ballots_issued is not None else "")
        + f"Số phiếu thu vào: {two(r.ballots_returned)}.\n"
        f"Số phiếu hợp lệ: {two(r.valid)}.\nSố phiếu không hợp lệ: {two(r.invalid)}."
    )
    rows = [
        [str(i), x.name, two(x.votes), _share(x.votes, r.valid), "Trúng cử" if x.elected else ""]
        for i, x in enumerate(r.candidates, 1)
    ]
    elected = [x for x in r.candidates if x.elected]
    others = [x for x in r.candidates if not x.elected]
    result = []
    if elected:
        result.append(
            "Những người trúng cử: "
            + "; ".join(
                f"{x.name} ({two(x.votes)} phiếu, {_share(x.votes, r.valid)})" for x in elected
            )
            + "."
        )
    if others:
        result.append(
            "Những người không trúng cử: "
            + "; ".join(f"{x.name} ({two(x.votes)} phiếu)" for x in others)
            + "."
        )
    if r.outcome != "complete" and r.outcome_label:
        result.append(f"{r.outcome_label}.")
    table = Table(
        ["STT", "Họ và tên", "Số phiếu", "Tỷ lệ so với phiếu hợp lệ", "Kết quả"],
        rows,
        [12, 63, 22, 38, 30],
    )
    return [
        Section(f"figures_{index}", f"SỐ PHIẾU{tag.upper()}", figures, editable=False),
        Section(
            f"candidates_{index}",
            f"SỐ PHIẾU BẦU CHO TỪNG NGƯỜI{tag.upper()}",
            "",
            table,
            editable=False,
        ),
        Section(f"result_{index}", f"KẾT QUẢ{tag.upper()}", "\n".join(result), editable=False),
    ]


def _recorded_round(c: CountingContext) -> list[Section]:
    """An election the conference recorded by hand (no vote engine): its figures by name."""
    e = c.election
    assert e is not None
    valid = e.ballots_valid
    rows = [
        [str(i), x.name, two(x.votes), _share(x.votes or 0, valid), "Trúng cử" if x.elected else ""]
        for i, x in enumerate(e.candidates, 1)
    ]
    figures = f"Số người có mặt: {two(e.present)}."
    if valid is not None:
        figures += f"\nSố phiếu hợp lệ: {two(valid)}."
    table = Table(
        ["STT", "Họ và tên", "Số phiếu", "Tỷ lệ so với phiếu hợp lệ", "Kết quả"],
        rows,
        [12, 63, 22, 38, 30],
    )
    return [
        Section("figures_1", "SỐ PHIẾU", figures, editable=False),
        Section("candidates_1", "SỐ PHIẾU BẦU CHO TỪNG NGƯỜI", "", table, editable=False),
        Section("result_1", "KẾT QUẢ", "\n".join(last_round_lines(e)), editable=False),
    ]


def build_counting(c: CountingContext) -> Paper:
    """Biên bản kiểm phiếu: the board, the ballots, each person's votes and share of the valid
    ballots, who is elected and who is not, every round, the board's signatures."""
    rounds = c.rounds or ([c.record] if c.record is not None else [])
    body: list[Section] = []
    for index, r in enumerate(rounds, start=1):
        body += _round_sections(index, r, len(rounds) > 1)
    if not rounds:
        body = _recorded_round(c)
    board = c.counters
    notes = []
    if not board:
        notes.append(
            "Chưa có tên thành viên Ban kiểm phiếu: ghi ở phần «Ban kiểm phiếu» và ở chữ ký."
        )
    members = "\n".join(
        f"{i}. {name}" + (" - Trưởng Ban" if i == 1 else " - Thành viên")
        for i, name in enumerate(board, start=1)
    )
    place = f", tại {c.place}" if c.place else ""
    return compose_paper(
        c.issuer,
        DocumentType.BIEN_BAN,
        "Kiểm phiếu bầu Ban thanh tra nhân dân",
        sections=roman_headings(
            [
                Section(
                    "opening",
                    "",
                    f"Hôm nay, {spoken_date(c.held_on)}{place}, tại {c.issuer.conference} năm {c.year}, "
                    "Ban kiểm phiếu đã tiến hành kiểm phiếu bầu Ban thanh tra nhân dân.",
                ),
                Section("board", "BAN KIỂM PHIẾU", members),
                *body,
            ]
        ),
        closing="Biên bản được lập xong cùng ngày, đã đọc trước Hội nghị và được Ban kiểm "
        "phiếu nhất trí ký tên.",
        signatures=[
            Signature(["Thành viên Ban kiểm phiếu"], board[-1] if len(board) > 1 else ""),
            Signature(["Trưởng Ban kiểm phiếu"], board[0] if board else ""),
        ],
        notes=notes,
    )
