"""A file of cases, read with bounds so that one bad case never costs the others.

- The file is at most ``MAX_BYTES`` and must be UTF-8 (else :class:`UnreadableCases`: the
  command exits 2).
- A container nested deeper than ``MAX_DEPTH`` is cut out of the text before ``json.loads``
  sees it (the tokens are counted outside strings) and replaced by :data:`TOO_DEEP`, so the
  case that holds it answers its own error and the parser never recurses past the bound.
- An integer of more than ``MAX_DIGITS`` digits is never given to ``int()``: it becomes a
  :class:`LongNumber` that the case's reader refuses, naming the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 32
MAX_DIGITS = 30
TOO_DEEP = "\x00too-deep"  # cannot be written in a JSON file without an escape
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


class UnreadableCases(Exception):
    """The file as a whole cannot be read; the message is Vietnamese."""


@dataclass(frozen=True)
class LongNumber:
    """A JSON number with too many digits to convert."""

    digits: int


def _number(text: str) -> int | float | LongNumber:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        return LongNumber(digits)
    return int(text) if text.lstrip("-").isdigit() else float(text)


def cut_deep(text: str, limit: int = MAX_DEPTH) -> str:
    """``text`` with every container opened deeper than ``limit`` replaced by TOO_DEEP."""
    pieces: list[str] = []
    depth, cut_from, last = 0, -1, 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token[0] == '"':
            continue
        if token in "[{":
            depth += 1
            if depth == limit + 1:
                cut_from = match.start()
        else:
            if depth == limit + 1 and cut_from >= 0:
                pieces.append(text[last:cut_from])
                pieces.append(json.dumps(TOO_DEEP))
                last, cut_from = match.end(), -1
            depth -= 1
    pieces.append(text[last:])
    return "".join(pieces)


def decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise UnreadableCases(
            f"Tệp {name} lớn hơn giới hạn {MAX_BYTES // (1024 * 1024)} MB: không đọc."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableCases(
            f"Tệp {name} không mã hóa UTF-8 (byte lạ ở vị trí {exc.start}): không đọc."
        ) from exc


def parse_cases(text: str, name: str) -> Any:
    """The cases of a JSON text: deep parts cut, long numbers kept unconverted."""
    try:
        return json.loads(cut_deep(text), parse_int=_number, parse_float=_number)
    except json.JSONDecodeError as exc:
        raise UnreadableCases(
            f"Tệp {name} không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})."
        ) from exc
    except RecursionError as exc:  # unbalanced brackets the cut could not pair
        raise UnreadableCases(f"Tệp {name} lồng quá {MAX_DEPTH} cấp: không đọc.") from exc
