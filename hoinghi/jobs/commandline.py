"""What the worker commands share: run once, or poll at an interval."""

from __future__ import annotations

from django.core.management.base import CommandParser


def add_loop_arguments(parser: CommandParser, *, what: str, interval: float) -> None:
    """``--once`` and ``--interval``; ``what`` names what the worker waits for ("việc", "lô")."""
    parser.add_argument("--once", action="store_true", help=f"không chờ {what} mới")
    parser.add_argument(
        "--interval", type=float, default=interval, help="giây giữa hai lần kiểm tra"
    )
