"""Where a benchmark's CPU went: the client process, the app servers, PostgreSQL (Linux /proc).

Two cores run the clients, gunicorn and the database at once, so a figure per request says
more than a rate: :class:`CpuShare` snapshots the CPU time (user + system) of this process,
of every process in the app servers' process groups, and of every ``postgres`` process,
and :meth:`CpuShare.per` divides what each spent since by a count (votes, requests).
A process that ended in between is not counted (its time is lost to /proc): the figures
are lower bounds for the database's short-lived connections.
"""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass, field

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[str, int, float] | None:
    """(command, process group, CPU seconds) of one process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            raw = handle.read()
    except OSError:
        return None
    command = raw[raw.index("(") + 1 : raw.rindex(")")]
    rest = raw[raw.rindex(")") + 2 :].split()
    # fields after the command: state ppid pgrp session ... utime(11) stime(12), 0-based here
    return command, int(rest[2]), (int(rest[11]) + int(rest[12])) / TICK


def _processes() -> dict[int, tuple[str, int, float]]:
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None:
                found[int(entry)] = stat
    return found


def _own_seconds() -> float:
    """This process and its finished children (client processes, once joined)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


@dataclass
class CpuShare:
    """CPU seconds of the client (this process and the children it waited for), the
    servers' groups and PostgreSQL."""

    server_groups: list[int]
    start: dict[int, tuple[str, int, float]] = field(default_factory=_processes)
    own: float = field(default_factory=_own_seconds)

    def spent(self) -> dict[str, float]:
        now = _processes()
        totals = {"client": _own_seconds() - self.own, "servers": 0.0, "postgres": 0.0}
        for pid, (command, group, seconds) in now.items():
            before = self.start.get(pid)
            base = before[2] if before is not None and before[0] == command else 0.0
            if group in self.server_groups:
                totals["servers"] += seconds - base
            elif command == "postgres":
                totals["postgres"] += seconds - base
        return totals

    def per(self, count: int) -> dict[str, float]:
        """Milliseconds of CPU per item (vote, request) for each side."""
        return {k: v * 1000 / max(1, count) for k, v in self.spent().items()}


def describe(per_item: dict[str, float], unit: str) -> str:
    return ", ".join(f"{k} {v:.2f} ms" for k, v in per_item.items()) + f" of CPU per {unit}"
