"""The vote engine's vocabulary: kinds of poll, secrecy, method, a motion's choices.

These are the engine's own words, not the law's: the law decides what counts mean
(``hoinghi.law.conference`` for the Conference, ``hoinghi.law.emulation`` for the council).
"""

from __future__ import annotations

import enum


class PollKind(enum.StrEnum):
    MOTION = "motion"  # biểu quyết một nội dung
    ELECTION = "election"  # bầu cử nhiều người


class Secrecy(enum.StrEnum):
    NAMED = "named"  # biểu quyết công khai, ghi tên
    SECRET = "secret"  # bỏ phiếu kín


class Method(enum.StrEnum):
    ELECTRONIC = "electronic"  # bỏ phiếu điện tử
    SHOW_OF_HANDS = "show_of_hands"  # biểu quyết giơ tay: thư ký nhập số
    PAPER = "paper"  # phiếu giấy: Ban kiểm phiếu nhập hai lần


class MotionChoice(enum.StrEnum):
    FOR = "for"  # tán thành
    AGAINST = "against"  # không tán thành
    ABSTAIN = "abstain"  # không biểu quyết


MOTION_CHOICE_LABELS = {
    MotionChoice.FOR: "Tán thành",
    MotionChoice.AGAINST: "Không tán thành",
    MotionChoice.ABSTAIN: "Không biểu quyết",
}


class PollOutcome(enum.StrEnum):
    """What ``PollResult.outcome`` holds: the rule's own outcome, yes/no made words."""

    ADOPTED = "adopted"  # được thông qua (a motion, the council's ballot)
    REJECTED = "rejected"  # không được thông qua
    COMPLETE = "complete"  # bầu đủ
    REVOTE_NEEDED = "revote_needed"  # phải bầu lại
    SEATS_UNFILLED = "seats_unfilled"  # chưa bầu đủ
