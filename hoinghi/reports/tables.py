"""A table of figures: what the page shows, what a chart is drawn from, what XLSX exports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    key: str  # stable, used for the sheet name and the chart's id
    title: str
    headers: list[str]
    rows: list[list[object]]
    chart: str = ""  # SVG markup drawn from the rows, or ""
    note: str = ""
    footer: list[object] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.rows
