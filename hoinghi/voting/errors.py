"""Coded domain errors of the vote engine, each with a Vietnamese message."""

from __future__ import annotations

from hoinghi.refusals import Refusal


class VotingError(Refusal):
    """A refused action: ``code`` is stable, ``message`` is shown to the person."""


def not_open() -> VotingError:
    return VotingError("voting.not_open", "Cuộc biểu quyết chưa mở: chưa thể bỏ phiếu.", status=409)


def closed() -> VotingError:
    return VotingError(
        "voting.closed", "Cuộc biểu quyết đã kết thúc: không nhận thêm phiếu.", status=410
    )


def already_voted() -> VotingError:
    return VotingError(
        "voting.already_voted", "Đã bỏ phiếu: mỗi người chỉ được bỏ phiếu một lần.", status=409
    )


def not_elector() -> VotingError:
    return VotingError(
        "voting.not_elector",
        "Người này không có tên trong danh sách biểu quyết đã chốt khi mở.",
        status=403,
    )


def not_self() -> VotingError:
    return VotingError("voting.not_self", "Chỉ được bỏ phiếu cho chính mình.", status=403)
