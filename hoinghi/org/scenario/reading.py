"""Reading a parsed scenario with paths: every value knows where it sits in the file.

A :class:`Node` wraps one value and its path (``people[12].positions[0]``). Its readers
return the typed value or ``None`` and, on bad input, add an :class:`Issue` naming the
path and the reason, so one pass reports every mistake in the file at once. Apps that
register a section read their part of the file with the same class (``ctx.node(value, path)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from hoinghi.org.scenario.errors import Issue
from hoinghi.vietnamese import nfc

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_CODE = re.compile(r"^[-a-zA-Z0-9_]+$")


def shown(value: Any, width: int = 60) -> str:
    """A value as a message may quote it: at most ``width`` characters, a list or a mapping
    by its size (a file's value is never printed whole)."""
    if isinstance(value, list):
        return f"một danh sách {len(value)} phần tử"
    if isinstance(value, dict):
        return f"một bảng {len(value)} khóa"
    text = str(value) if not isinstance(value, int) or abs(value) < 10**width else "một số rất lớn"
    return text if len(text) <= width else text[: width - 1] + "…"


def join_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def parse_date(raw: str) -> date | None:
    """``2023-01-31`` (as dumped) or ``31/01/2023`` (as Vietnamese write it)."""
    iso = _ISO_DATE.match(raw)
    vn = _VN_DATE.match(raw)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if vn:
            return date(int(vn[3]), int(vn[2]), int(vn[1]))
    except ValueError:
        return None
    return None


class Node:
    """One value of the file, its path, and the list that collects the file's issues."""

    def __init__(self, value: Any, path: str, issues: list[Issue]) -> None:
        self.value = value
        self.path = path
        self.issues = issues

    def report(self, message: str, key: str | int | None = None) -> None:
        self.issues.append(Issue(self.path if key is None else join_path(self.path, key), message))

    def child(self, key: str | int) -> Node:
        value = (
            self.value.get(key) if isinstance(self.value, dict) and isinstance(key, str) else None
        )
        return Node(value, join_path(self.path, key), self.issues)

    def is_mapping(self, *, required: Iterable[str] = (), optional: Iterable[str] = ()) -> bool:
        """Check that this is a mapping with the required keys and no unknown ones."""
        if not isinstance(self.value, dict):
            self.report("phải là một bảng khóa: giá trị")
            return False
        required = list(required)
        allowed = set(required) | set(optional)
        ok = True
        for key in required:
            if self.value.get(key) is None:
                self.report("thiếu trường bắt buộc", key)
                ok = False
        for key in self.value:
            if key not in allowed:
                self.report(
                    f"khóa «{shown(key)}» không được hỗ trợ (các khóa hợp lệ: {', '.join(sorted(allowed))})",
                    str(key),
                )
                ok = False
        return ok

    def text(
        self, key: str, *, required: bool = False, max_length: int | None = None, default: str = ""
    ) -> str:
        """A string, NFC-normalised with its runs of spaces collapsed."""
        value = self.value.get(key) if isinstance(self.value, dict) else None
        if value is None:
            if required:
                self.report("thiếu trường bắt buộc", key)
            return default
        if not isinstance(value, str):
            self.report(
                f"phải là chuỗi ký tự (đặt trong dấu nháy), không phải «{shown(value)}»", key
            )
            return default
        value = nfc(value)
        if required and not value:
            self.report("không được để trống", key)
        if max_length is not None and len(value) > max_length:
            self.report(f"quá dài: {len(value)} ký tự (tối đa {max_length})", key)
        return value

    def code(self, key: str, *, required: bool = True, max_length: int = 60) -> str:
        """An identifier that other entries refer to: letters, digits, '-' and '_'."""
        value = self.text(key, required=required, max_length=max_length)
        if value and not _CODE.match(value):
            self.report(
                f"mã «{shown(value)}» chỉ được gồm chữ cái không dấu, chữ số, dấu '-' và '_'", key
            )
        return value

    def integer(
        self,
        key: str,
        *,
        required: bool = False,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        value = self.value.get(key) if isinstance(self.value, dict) else None
        if value is None:
            if required:
                self.report("thiếu trường bắt buộc", key)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(f"phải là số nguyên, không phải «{shown(value)}»", key)
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.report(
                f"giá trị {shown(value)} nằm ngoài khoảng cho phép ({minimum}–{maximum})", key
            )
            return None
        return int(value)

    def boolean(self, key: str, *, default: bool = False) -> bool:
        value = self.value.get(key) if isinstance(self.value, dict) else None
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report(f"phải là true hoặc false, không phải «{shown(value)}»", key)
            return default
        return value

    def date(self, key: str, *, required: bool = False) -> date | None:
        value = self.value.get(key) if isinstance(self.value, dict) else None
        if value is None:
            if required:
                self.report("thiếu trường bắt buộc", key)
            return None
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            self.report(
                f"ngày không hợp lệ «{shown(value)}» (viết dạng 2023-01-31 hoặc 31/01/2023)", key
            )
        return parsed

    def choice(
        self, key: str, choices: Iterable[str], *, required: bool = False, default: str = ""
    ) -> str:
        """One of the allowed codes, e.g. a ``TextChoices`` value."""
        allowed = [str(c) for c in choices]
        value = self.text(key, required=required)
        if not value:
            return default
        if value not in allowed:
            self.report(
                f"giá trị «{shown(value)}» không hợp lệ; chọn một trong: {', '.join(allowed)}", key
            )
            return default
        return value

    def elements(self) -> list[Node]:
        """The entries of this node's own list, each with its own path (``years[0].targets[3]``)."""
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            self.report("phải là một danh sách")
            return []
        return [
            Node(item, join_path(self.path, i), self.issues) for i, item in enumerate(self.value)
        ]

    def items(self, key: str) -> list[Node]:
        """The entries of a list (absent means empty), each with its own path."""
        value = self.value.get(key) if isinstance(self.value, dict) else None
        if value is None:
            return []
        path = join_path(self.path, key)
        if not isinstance(value, list):
            self.issues.append(Issue(path, "phải là một danh sách"))
            return []
        return [Node(item, join_path(path, i), self.issues) for i, item in enumerate(value)]

    def mapping_value(self, key: str) -> dict[str, Any]:
        value = self.value.get(key) if isinstance(self.value, dict) else None
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.report("phải là một bảng khóa: giá trị", key)
            return {}
        return value
