"""A citation of a legal text, rendered in Vietnamese order.

"điểm c khoản 2 Điều 51 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from hoinghi.law.instruments import Instrument


class Confidence(enum.StrEnum):
    """How sure the project is of a rule or number (docs/domain/README.md §0.1)."""

    PRIMARY = "P"  # read in the primary text: safe to hard-code with its dates
    SECONDARY = "S"  # from a credible secondary source
    UNVERIFIED = "U"  # not confirmed: configurable, never a hard constant


@dataclass(frozen=True, slots=True)
class Citation:
    instrument: Instrument
    article: str | None = None
    clause: str | None = None
    point: str | None = None
    appendix: str | None = None
    # The article is not known because the text was not read (only secondary sources): a
    # citation of the whole text that says so, rather than an article guessed.
    unread: bool = False

    @property
    def whole_text(self) -> bool:
        """Whether the citation names no article or appendix of the text."""
        return self.article is None and self.appendix is None

    def render(self) -> str:
        parts: list[str] = []
        if self.point:
            parts.append(f"điểm {self.point}")
        if self.clause:
            parts.append(f"khoản {self.clause}")
        if self.article:
            parts.append(f"Điều {self.article}")
        if self.appendix:
            parts.append(f"Phụ lục {self.appendix}")
        parts.append(self.instrument.title)
        if self.unread:
            parts.append("(chưa đối chiếu điều, khoản)")
        return " ".join(parts)

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, str | None]:
        return {
            "instrument": self.instrument.key,
            "article": self.article,
            "clause": self.clause,
            "point": self.point,
            "appendix": self.appendix,
            "text": self.render(),
        }


def cite_unread(instrument: Instrument) -> Citation:
    """A citation of a text whose article is not known (its text not read): says so."""
    return Citation(instrument, unread=True)


def cite(
    instrument: Instrument,
    article: str | int | None = None,
    clause: str | int | None = None,
    point: str | None = None,
    *,
    appendix: str | None = None,
) -> Citation:
    """Shorthand: ``cite(L10, 51, 2, "c")``."""
    return Citation(
        instrument,
        str(article) if article is not None else None,
        str(clause) if clause is not None else None,
        point,
        appendix,
    )
