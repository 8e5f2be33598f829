"""The JSON face of the law: one case in, one answer out.

A case is ``{"question": "<rule code>", "on": "YYYY-MM-DD", "facts": {…}, "options": {…}}``
(``options`` may be left out). The facts are built from the facts dataclass the rule
registered, with type checking and range checks (:mod:`hoinghi.law.ranges`); a bad case
answers ``{"question", "on", "error": {"field", "message"}}`` with a Vietnamese message
instead of raising, and so does a case on which a rule fails unexpectedly: one case never
costs the others. Dates lie between ``FIRST_DATE`` and ``LAST_DATE``; numbers too long or
nesting too deep were marked by :mod:`hoinghi.law.casefile` and are refused here.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import inspect
import re
import types
import typing
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law.casefile import MAX_DEPTH, MAX_DIGITS, TOO_DEEP, LongNumber
from hoinghi.law.parameters import InvalidFacts, NotInForce
from hoinghi.law.ranges import check_ranges
from hoinghi.law.registry import RuleVersion, load_all, rule_for, versions_of

_FRACTION_RE = re.compile(rf"^\s*(-?\d{{1,{MAX_DIGITS}}})\s*(?:/\s*(\d{{1,{MAX_DIGITS}}})\s*)?$")
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)


class CaseError(Exception):
    """A case that cannot be answered; ``field`` names the offending part of the case."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _type_name(tp: Any) -> str:
    names = {
        int: "số nguyên",
        bool: "true/false",
        str: "chuỗi",
        date: "ngày YYYY-MM-DD",
        Fraction: 'phân số "a/b" hoặc số nguyên',
    }
    if tp in names:
        return names[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "một trong " + ", ".join(f'"{m.value}"' for m in tp)
    return getattr(tp, "__name__", str(tp))


def _refuse_marked(raw: Any, path: str) -> None:
    if isinstance(raw, LongNumber):
        raise CaseError(
            path, f"Số có {raw.digits:,} chữ số: quá lớn (tối đa {MAX_DIGITS}).".replace(",", ".")
        )
    if raw == TOO_DEEP:
        raise CaseError(path, f"Dữ kiện lồng quá {MAX_DEPTH} cấp.")


def _date(raw: str, path: str) -> date | None:
    try:
        value = date.fromisoformat(raw[:10]) if len(raw) == 10 else None
    except ValueError:
        return None
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise CaseError(
            path,
            f"Ngày {value:%d/%m/%Y} nằm ngoài khoảng xử lý được "
            f"({FIRST_DATE:%d/%m/%Y} – {LAST_DATE:%d/%m/%Y}).",
        )
    return value


def build(tp: Any, raw: Any, path: str) -> Any:
    """Build a value of type ``tp`` from JSON ``raw``; raise :class:`CaseError` on a mismatch."""
    _refuse_marked(raw, path)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if raw is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return build(inner[0], raw, path)
        raise CaseError(path, "Kiểu dữ liệu hợp không được hỗ trợ.")
    if origin in (tuple, list):
        if not isinstance(raw, list):
            raise CaseError(path, "Phải là một danh sách.")
        args = typing.get_args(tp)
        item_type = args[0] if args else Any
        items = [build(item_type, item, f"{path}[{i}]") for i, item in enumerate(raw)]
        return tuple(items) if origin is tuple else items
    if tp is Any:
        return raw
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return build_dataclass(tp, raw, path)
    if tp is bool:
        if isinstance(raw, bool):
            return raw
    elif tp is int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
    elif tp is str:
        if isinstance(raw, str):
            return raw
    elif tp is date:
        if isinstance(raw, str) and (value := _date(raw, path)) is not None:
            return value
    elif tp is Fraction:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return Fraction(raw)
        match = _FRACTION_RE.match(raw) if isinstance(raw, str) else None
        if match is not None:
            denominator = int(match.group(2) or 1)
            if denominator == 0:
                raise CaseError(path, "Mẫu số phải khác 0.")
            return Fraction(int(match.group(1)), denominator)
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        for member in tp:
            if member.value == raw:
                return member
    else:
        raise CaseError(path, f"Kiểu dữ liệu {tp!r} không được hỗ trợ.")
    raise CaseError(path, f"Giá trị {_shown(raw)} không hợp lệ: cần {_type_name(tp)}.")


def _shown(raw: Any) -> str:
    """A value as an error may quote it: never more than 60 characters."""
    if isinstance(raw, list):
        return f"(danh sách {len(raw)} phần tử)"
    if isinstance(raw, Mapping):
        return f"(đối tượng {len(raw)} khóa)"
    text = repr(raw)
    return text if len(text) <= 60 else text[:59] + "…"


@dataclasses.dataclass(frozen=True, slots=True)
class _FactField:
    """One field of a facts dataclass as the builder reads it: its resolved type and
    whether a case must give it."""

    name: str
    type: Any
    required: bool


@functools.cache
def _fact_fields(cls: type) -> tuple[_FactField, ...]:
    """The fields of a facts dataclass with their resolved type hints, computed once per
    class (``typing.get_type_hints`` evaluates every annotation: most of a case's cost)."""
    hints = typing.get_type_hints(cls)
    return tuple(
        _FactField(
            f.name,
            hints[f.name],
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    )


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in _fact_fields(cls))


def build_dataclass(cls: type, raw: Any, path: str) -> Any:
    """Build a (frozen) dataclass from a JSON object, field by field."""
    if not isinstance(raw, Mapping):
        raise CaseError(path, "Phải là một đối tượng JSON.")
    names = _field_names(cls)
    prefix = f"{path}." if path else ""
    for key in raw:
        if key not in names:
            key = _shown(key).strip("'")
            raise CaseError(f"{prefix}{key}", f'Không có dữ kiện "{key}" trong {cls.__name__}.')
    kwargs: dict[str, Any] = {}
    for field in _fact_fields(cls):
        name = field.name
        if name in raw:
            kwargs[name] = build(field.type, raw[name], f"{prefix}{name}")
        elif field.required:
            raise CaseError(f"{prefix}{name}", f'Thiếu dữ kiện bắt buộc "{name}".')
    return cls(**kwargs)


@functools.cache
def _options_type(func: Any) -> type | None:
    if "options" not in inspect.signature(func).parameters:
        return None
    hint = typing.get_type_hints(func).get("options")
    for candidate in typing.get_args(hint) or (hint,):
        if dataclasses.is_dataclass(candidate) and isinstance(candidate, type):
            return candidate
    return None


def _echo(value: Any) -> Any:
    """The case's question or date as the answer repeats it: short text, else nothing."""
    if value is None or (isinstance(value, str) and len(value) <= 80):
        return value
    return None


def _error(question: Any, on: Any, field: str, message: str) -> dict[str, Any]:
    return {
        "question": _echo(question),
        "on": _echo(on),
        "error": {"field": field[:200], "message": message},
    }


def evaluate_case(case: Any) -> dict[str, Any]:
    """Answer one case: the rule's ``Result.to_dict()``, or an ``error`` object."""
    load_all()
    if case == TOO_DEEP:
        return _error(None, None, "", f"Trường hợp lồng quá {MAX_DEPTH} cấp.")
    if not isinstance(case, Mapping):
        return _error(None, None, "", "Mỗi trường hợp phải là một đối tượng JSON.")
    question, on_raw = case.get("question"), case.get("on")
    try:
        return _evaluate(case, question, on_raw)
    except CaseError as exc:
        return _error(question, on_raw, exc.field, exc.message)
    except InvalidFacts as exc:
        return _error(question, on_raw, f"facts.{exc.field}", exc.message)
    except NotInForce as exc:
        return _error(question, on_raw, "on", str(exc))
    except LookupError as exc:  # e.g. a holiday table without the year asked for
        return _error(question, on_raw, "on", getattr(exc, "message", str(exc)))
    except OverflowError:
        return _error(question, on_raw, "facts", "Một ngày tính ra nằm ngoài lịch (năm 1 – 9999).")
    except Exception as exc:  # noqa: BLE001 - one case's failure never costs the batch
        return _error(
            question,
            on_raw,
            "facts",
            f"Không trả lời được trường hợp này: quy tắc gặp lỗi {type(exc).__name__} "
            "với các dữ kiện đã cho.",
        )


def _evaluate(case: Mapping[str, Any], question: Any, on_raw: Any) -> dict[str, Any]:
    if not isinstance(question, str) or not question:
        raise CaseError("question", "Thiếu câu hỏi (mã quy tắc).")
    if not versions_of(question):
        raise CaseError("question", f'Không có quy tắc "{question}".')
    if not isinstance(on_raw, str):
        raise CaseError("on", "Thiếu ngày áp dụng (YYYY-MM-DD).")
    on = build(date, on_raw, "on")
    version: RuleVersion = rule_for(question, on)
    if version.facts is None:
        raise CaseError("question", f'Quy tắc "{question}" không nhận dữ kiện JSON.')
    facts = build_dataclass(version.facts, case.get("facts", {}), "facts")
    check_ranges(question, facts)
    kwargs: dict[str, Any] = {"on": on}
    options_cls = _options_type(version.func)
    if "options" in case:
        if options_cls is None:
            raise CaseError("options", f'Quy tắc "{question}" không có tùy chọn.')
        kwargs["options"] = build_dataclass(options_cls, case["options"], "options")
    result = version.func(facts, **kwargs)
    answer: dict[str, Any] = result.to_dict()
    return answer


def evaluate_cases(cases: Any) -> list[dict[str, Any]]:
    """Answer a list of cases (or one case, as a list of one answer)."""
    if isinstance(cases, list):
        return [evaluate_case(case) for case in cases]
    return [evaluate_case(cases)]
