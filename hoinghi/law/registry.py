"""The rule registry: every rule with its stable code, citations and validity dates.

Register a rule version with :func:`rule`. Look a rule up by code and date with
:func:`rule_for`. :func:`problems` lists what the system check reports (a rule without a
citation, two versions of one rule that overlap).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from hoinghi.law.citations import Citation, Confidence
from hoinghi.law.parameters import NotInForce

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class RuleVersion:
    code: str  # "conference.quorum"
    version: str  # "L10", "D04": which regime this version encodes
    title: str  # Vietnamese: "Số đại biểu tối thiểu để Hội nghị hợp lệ"
    cites: tuple[Citation, ...]
    valid_from: date
    valid_to: date | None  # inclusive; None = in force
    func: Callable[..., Any]
    facts: type | None = None  # the facts dataclass the JSON command builds
    confidence: Confidence = Confidence.PRIMARY

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


_RULES: dict[str, list[RuleVersion]] = {}


def rule(
    *,
    code: str,
    version: str,
    title: str,
    cites: Iterable[Citation],
    valid_from: date,
    valid_to: date | None = None,
    facts: type | None = None,
    confidence: Confidence = Confidence.PRIMARY,
) -> Callable[[F], F]:
    """Register the decorated function as one version of rule ``code``."""

    def register(func: F) -> F:
        entry = RuleVersion(
            code, version, title, tuple(cites), valid_from, valid_to, func, facts, confidence
        )
        _RULES.setdefault(code, []).append(entry)
        _RULES[code].sort(key=lambda r: r.valid_from)
        return func

    return register


def rule_for(code: str, on: date) -> RuleVersion:
    versions = _RULES.get(code)
    if not versions:
        raise KeyError(code)
    for version in versions:
        if version.covers(on):
            return version
    raise NotInForce(f"{code}: không có quy định áp dụng ngày {on:%d/%m/%Y}")


def versions_of(code: str) -> tuple[RuleVersion, ...]:
    return tuple(_RULES.get(code, ()))


def all_rules() -> tuple[RuleVersion, ...]:
    return tuple(v for versions in _RULES.values() for v in versions)


def rules_in_force(on: date) -> tuple[RuleVersion, ...]:
    return tuple(v for v in all_rules() if v.covers(on))


def problems() -> list[str]:
    """What is wrong with the registry, in Vietnamese; empty when all is well."""
    found: list[str] = []
    for code, versions in _RULES.items():
        for v in versions:
            if not v.cites:
                found.append(f"Quy tắc {code} ({v.version}) không có trích dẫn căn cứ pháp lý.")
            elif all(c.whole_text and not c.unread for c in v.cites):
                found.append(
                    f"Quy tắc {code} ({v.version}) chỉ trích dẫn cả văn bản, không nêu điều, khoản."
                )
            if v.valid_to is not None and v.valid_to < v.valid_from:
                found.append(
                    f"Quy tắc {code} ({v.version}) có ngày hết hiệu lực trước ngày hiệu lực."
                )
        for a, b in zip(versions, versions[1:], strict=False):
            if a.valid_to is None or a.valid_to >= b.valid_from:
                found.append(
                    f"Quy tắc {code}: phiên bản {a.version} và {b.version} chồng lấn thời gian hiệu lực."
                )
    return found


DOMAIN_MODULES = ("conference", "evaluation", "emulation", "documents")


def load_all() -> None:
    """Import every domain rule module so that the registry is complete."""
    import importlib

    for name in DOMAIN_MODULES:
        importlib.import_module(f"hoinghi.law.{name}")
