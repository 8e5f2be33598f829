"""YAML and JSON text, bounded before it becomes Python values.

- YAML: the events are read first (libyaml's parser when PyYAML has it). An alias (``*name``)
  counts as every node of the anchor it repeats, so the nodes the file would expand to are
  known while it is parsed; a file that expands to more than ten times its own nodes (a
  "billion laughs" of nine nested aliases is 10⁹) is refused at the first alias past the
  bound, before any value is built. Collections nest at most ``max_depth`` levels.
- JSON: integers of more than ``MAX_DIGITS`` digits are refused before ``int()`` converts them;
  nesting deeper than ``max_depth`` is refused.

A refusal names the line and the limit; it never quotes the value.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from hoinghi.org.files.limits import FileRefused, Limits, count

MAX_DIGITS = 40
BASE_NODES = 10_000  # a file may always expand to this many nodes


def _line(event: yaml.Event) -> str:
    mark = getattr(event, "start_mark", None)
    return f" ở dòng {mark.line + 1}" if mark is not None else ""


class _Expansion:
    """Nodes as written and nodes as expanded, with the expanded size of each anchor."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.written = 0
        self.expanded = 0
        self.sizes: dict[str, int] = {}
        self.open: list[tuple[str | None, int]] = []  # (anchor, expanded count at its start)

    def node(self, event: yaml.NodeEvent) -> None:
        self.written += 1
        self.expanded += 1
        if isinstance(event, yaml.CollectionStartEvent):
            self.open.append((event.anchor, self.expanded - 1))
            if len(self.open) > self.limits.max_depth:
                raise FileRefused(
                    "too_deep",
                    f"Tệp lồng quá {self.limits.max_depth} cấp{_line(event)}: không đọc.",
                )
        elif event.anchor is not None:
            self.sizes[event.anchor] = 1

    def end(self) -> None:
        anchor, start = self.open.pop()
        if anchor is not None:
            self.sizes[anchor] = self.expanded - start

    def alias(self, event: yaml.AliasEvent) -> None:
        self.expanded += self.sizes.get(event.anchor or "", 1)
        bound = BASE_NODES + 10 * self.written
        if self.expanded > bound:
            raise FileRefused(
                "yaml_aliases",
                f"Tệp YAML dùng bí danh (*){_line(event)} mở rộng thành hơn {count(bound)} "
                "phần tử, vượt giới hạn (gấp 10 lần số phần tử viết ra): không đọc.",
            )


def check_yaml_events(text: str, loader: type, limits: Limits) -> None:
    """Refuse alias expansion and nesting beyond the limits, from the parser's events."""
    expansion = _Expansion(limits)
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            expansion.alias(event)
        elif isinstance(event, yaml.NodeEvent):
            expansion.node(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            expansion.end()


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise FileRefused(
            "too_many_digits", f"Tệp có một số {count(digits)} chữ số, vượt giới hạn {MAX_DIGITS}."
        )
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_DIGITS * 2:
        raise FileRefused(
            "too_many_digits", f"Tệp có một số dài {count(len(text))} ký tự, vượt giới hạn."
        )
    return float(text)


def _depth(value: Any, limit: int) -> int:
    """The nesting of lists and mappings, counted without recursion up to ``limit + 1``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > limit:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def load_json(text: str, limits: Limits) -> Any:
    """JSON values, refusing long numbers and deep nesting; JSONDecodeError on bad syntax."""
    try:
        value = json.loads(text, parse_int=_bounded_int, parse_float=_bounded_float)
    except RecursionError as exc:
        raise FileRefused("too_deep", f"Tệp lồng quá {limits.max_depth} cấp: không đọc.") from exc
    if _depth(value, limits.max_depth) > limits.max_depth:
        raise FileRefused("too_deep", f"Tệp lồng quá {limits.max_depth} cấp: không đọc.")
    return value
