"""Legal numbers as dated values, each with its citation.

A new decree adds an entry with its own ``valid_from``; nothing is edited in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from hoinghi.law.citations import Citation, Confidence

T = TypeVar("T")


class NotInForce(LookupError):
    """No version of a rule or number covers the date asked for."""


class InvalidFacts(ValueError):
    """Facts a rule cannot decide on; ``field`` names the fact, the message is Vietnamese."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Dated(Generic[T]):
    value: T
    valid_from: date
    valid_to: date | None  # last day, inclusive; None = open
    citation: Citation
    confidence: Confidence = Confidence.PRIMARY

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


class DatedValue(Generic[T]):
    """A legal number over time: ``BASE_SALARY.at(date(2024, 7, 1)).value``."""

    def __init__(self, code: str, title: str, entries: Sequence[Dated[T]]) -> None:
        self.code = code
        self.title = title  # Vietnamese name of the number
        self.entries = tuple(sorted(entries, key=lambda e: e.valid_from))
        _PARAMETERS[code] = self  # type: ignore[assignment]

    def at(self, on: date) -> Dated[T]:
        for entry in self.entries:
            if entry.covers(on):
                return entry
        raise NotInForce(f"{self.code}: không có giá trị áp dụng ngày {on:%d/%m/%Y}")

    def value(self, on: date) -> T:
        return self.at(on).value

    def overlaps(self) -> list[tuple[Dated[T], Dated[T]]]:
        pairs = []
        for a, b in zip(self.entries, self.entries[1:], strict=False):
            if a.valid_to is None or a.valid_to >= b.valid_from:
                pairs.append((a, b))
        return pairs


_PARAMETERS: dict[str, DatedValue[object]] = {}


def all_parameters() -> tuple[DatedValue[object], ...]:
    return tuple(_PARAMETERS.values())
