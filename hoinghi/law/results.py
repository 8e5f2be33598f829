"""Result objects: an outcome, the computed values, and the reasons with their citations.

Rules never return bare booleans. A reason renders as one Vietnamese sentence followed by
its citation: "Không đủ điều kiện …: chưa có sáng kiến được công nhận (khoản 1 Điều 23 …)".
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law.citations import Citation


class Basis(enum.StrEnum):
    """What a reason rests on."""

    LAW = "law"  # the legal text itself ([P] or [S])
    AGENCY = "agency"  # an option the law leaves to the agency: "theo quy chế của cơ quan"
    UNVERIFIED = "unverified"  # a [U] default: "chưa xác minh"


BASIS_NOTE = {
    Basis.LAW: "",
    Basis.AGENCY: "theo quy chế của cơ quan",
    Basis.UNVERIFIED: "chưa xác minh",
}


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # stable, dotted: "emulation.cstdcs.no_initiative"
    message: str  # Vietnamese sentence, may hold {named} placeholders filled from params
    citation: Citation | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    basis: Basis = Basis.LAW

    @property
    def sentence(self) -> str:
        return self.message.format(**self.params) if self.params else self.message

    @property
    def text(self) -> str:
        notes = [
            n
            for n in (self.citation.render() if self.citation else "", BASIS_NOTE[self.basis])
            if n
        ]
        return f"{self.sentence} ({'; '.join(notes)})" if notes else self.sentence

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "text": self.text,
            "citation": self.citation.render() if self.citation else None,
            "params": {k: to_json_value(v) for k, v in self.params.items()},
            "basis": self.basis.value,
        }


@dataclass(frozen=True, slots=True)
class Result:
    rule: str  # rule code
    rule_version: str
    on: date
    outcome: Any  # an enum member, a bool, a date, a number: what the rule decides
    values: Mapping[str, Any] = field(
        default_factory=dict
    )  # computed numbers: quorum, cap, deadline
    reasons: tuple[Reason, ...] = ()

    @property
    def ok(self) -> bool:
        """For check_* rules: the outcome read as pass/fail."""
        return bool(self.outcome)

    @property
    def citations(self) -> tuple[Citation, ...]:
        seen: dict[str, Citation] = {}
        for reason in self.reasons:
            if reason.citation is not None:
                seen.setdefault(reason.citation.render(), reason.citation)
        return tuple(seen.values())

    @property
    def explanation(self) -> str:
        return "; ".join(r.text for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, also the snapshot a decision stores."""
        return {
            "question": self.rule,
            "on": self.on.isoformat(),
            "outcome": to_json_value(self.outcome),
            "values": {k: to_json_value(v) for k, v in self.values.items()},
            "reasons": [r.to_dict() for r in self.reasons],
            "rule_version": self.rule_version,
        }


def to_json_value(value: Any) -> Any:
    """Plain JSON for enums, dates, Fractions and nested containers."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_json_value(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value
