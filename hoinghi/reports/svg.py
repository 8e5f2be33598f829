"""A small SVG writer for the dashboard: horizontal bars, stacked bars and a donut.

Charts are drawn on the server, need no script, and print well: black text, patterns of
solid colour with labels on every bar, ``role="img"`` with ``<title>`` and ``<desc>`` for
screen readers. Every chart sits next to the table it is drawn from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

PALETTE = ("#1f5f8b", "#d9822b", "#3a8d3f", "#b23a48", "#6b4fa0", "#7a7a7a", "#c9a227")
WIDTH = 640
ROW = 28
LABEL_WIDTH = 250
FONT = 'font-family="sans-serif" font-size="13"'


@dataclass(frozen=True)
class Part:
    label: str
    value: int


def _open(title: str, desc: str, width: int, height: int, key: str) -> list[str]:
    ident = escape(key, quote=True)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]


def _describe(parts: list[Part]) -> str:
    return "; ".join(f"{p.label}: {p.value}" for p in parts)


def bar_chart(key: str, title: str, parts: list[Part]) -> str:
    """One horizontal bar per part, its value written at the end of the bar."""
    height = ROW * max(len(parts), 1) + 10
    top = max((p.value for p in parts), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 50
    lines = _open(title, _describe(parts) or "Chưa có số liệu", WIDTH, height, key)
    for i, p in enumerate(parts):
        y = 5 + i * ROW
        w = round(span * p.value / top)
        lines += [
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 17}" text-anchor="end" {FONT}>{escape(_short(p.label))}</text>',
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{w}" height="{ROW - 8}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(p.label)}: {p.value}</title></rect>',
            f'<text x="{LABEL_WIDTH + w + 6}" y="{y + 17}" {FONT}>{p.value}</text>',
        ]
    lines.append("</svg>")
    return "\n".join(lines)


def stacked_bar(key: str, title: str, rows: list[tuple[str, list[Part]]]) -> str:
    """One bar per row, split into its parts (e.g. done / not done), with a legend."""
    legend = list(dict.fromkeys(p.label for _, parts in rows for p in parts))
    height = ROW * (len(rows) + 1) + 10
    span = WIDTH - LABEL_WIDTH - 20
    desc = " | ".join(f"{label}: {_describe(parts)}" for label, parts in rows)
    lines = _open(title, desc or "Chưa có số liệu", WIDTH, height, key)
    for i, (label, parts) in enumerate(rows):
        y = 5 + i * ROW
        total = sum(p.value for p in parts) or 1
        lines.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 17}" text-anchor="end" {FONT}>'
            f"{escape(_short(label))}</text>"
        )
        x = float(LABEL_WIDTH)
        for p in parts:
            w = span * p.value / total
            colour = PALETTE[legend.index(p.label) % len(PALETTE)]
            lines.append(
                f'<rect class="bar" x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW - 8}" '
                f'fill="{colour}"><title>{escape(label)}, {escape(p.label)}: {p.value}</title></rect>'
            )
            if p.value and w > 24:
                lines.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 17}" text-anchor="middle" fill="#fff" '
                    f"{FONT}>{p.value}</text>"
                )
            x += w
    lines += _legend(legend, 5 + len(rows) * ROW)
    lines.append("</svg>")
    return "\n".join(lines)


def donut(key: str, title: str, parts: list[Part]) -> str:
    """A ring split by share, with a legend giving each count."""
    size, radius, hole = 200, 90, 50
    height = max(size, 22 * len(parts) + 10)
    total = sum(p.value for p in parts)
    lines = _open(title, _describe(parts) or "Chưa có số liệu", WIDTH, height, key)
    angle = -math.pi / 2
    for i, p in enumerate(parts):
        if not p.value:
            continue
        sweep = 2 * math.pi * p.value / total
        lines.append(
            f'<path class="bar" d="{_arc(100, 100, radius, hole, angle, sweep)}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(p.label)}: {p.value}</title></path>'
        )
        angle += sweep
    lines.append(f'<text x="100" y="105" text-anchor="middle" {FONT}>{total}</text>')
    for i, p in enumerate(parts):
        y = 10 + i * 22
        lines += [
            f'<rect x="230" y="{y}" width="14" height="14" fill="{PALETTE[i % len(PALETTE)]}"/>',
            f'<text x="250" y="{y + 12}" {FONT}>{escape(p.label)}: {p.value}</text>',
        ]
    lines.append("</svg>")
    return "\n".join(lines)


def _arc(cx: float, cy: float, r: float, hole: float, start: float, sweep: float) -> str:
    if sweep >= 2 * math.pi - 1e-9:  # a full ring: two half arcs
        return (
            f"M {cx} {cy - r} A {r} {r} 0 1 1 {cx} {cy + r} A {r} {r} 0 1 1 {cx} {cy - r} "
            f"M {cx} {cy - hole} A {hole} {hole} 0 1 0 {cx} {cy + hole} "
            f"A {hole} {hole} 0 1 0 {cx} {cy - hole} Z"
        )
    end = start + sweep
    large = 1 if sweep > math.pi else 0

    def at(radius: float, a: float) -> str:
        return f"{cx + radius * math.cos(a):.2f} {cy + radius * math.sin(a):.2f}"

    return (
        f"M {at(r, start)} A {r} {r} 0 {large} 1 {at(r, end)} "
        f"L {at(hole, end)} A {hole} {hole} 0 {large} 0 {at(hole, start)} Z"
    )


def _legend(labels: list[str], y: int) -> list[str]:
    out, x = [], LABEL_WIDTH
    for i, label in enumerate(labels):
        out += [
            f'<rect x="{x}" y="{y + 6}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>',
            f'<text x="{x + 16}" y="{y + 17}" {FONT}>{escape(label)}</text>',
        ]
        x += 24 + 7 * len(label)
    return out


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
