"""Errors in a scenario file, each naming the file, the path inside it and the reason."""

from __future__ import annotations

from dataclasses import dataclass

# A file with hundreds of mistakes is reported in part: the first ones are enough to fix.
MAX_ISSUES = 50


@dataclass(frozen=True)
class Issue:
    path: str  # e.g. "people[12].positions[0].valid_from"; "" for the whole file
    message: str  # Vietnamese, lower-case start: "ngày không hợp lệ «2023-02-30»"

    def render(self, source: str) -> str:
        where = ": ".join(part for part in (source, self.path) if part)
        return f"{where}: {self.message}" if where else self.message


class ScenarioError(Exception):
    """A scenario that cannot be loaded; nothing of it was written."""

    def __init__(self, issues: list[Issue], source: str = "") -> None:
        self.issues = issues
        self.source = source
        super().__init__(self.render())

    def render(self) -> str:
        lines = [issue.render(self.source) for issue in self.issues[:MAX_ISSUES]]
        if len(self.issues) > MAX_ISSUES:
            lines.append(f"… và {len(self.issues) - MAX_ISSUES} lỗi khác.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()
