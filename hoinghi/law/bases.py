"""The legal bases ("Căn cứ …") a document cites, by the date of the document.

A decision of 2020 cites the texts in force in 2020: the Law on Emulation and Commendation of
2003 and Decree 91/2017/NĐ-CP, not the 2022 law and Decree 98/2023/NĐ-CP. Each set of bases
is a :class:`~hoinghi.law.parameters.DatedValue` whose entries follow the instruments' own
dates; a new text adds an entry, nothing is edited in place.

The amendment of the Law on Emulation and Commendation reported in force from 01/10/2026 is
not listed: its signing date and content are not verified, and a basis is printed only from a
text read in full.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from hoinghi.law.citations import Citation
from hoinghi.law.instruments import D91, D98, D152, L06, LCD2012, LCD2024, LTDKT2003
from hoinghi.law.parameters import Dated, DatedValue, NotInForce


@dataclass(frozen=True, slots=True)
class Basis:
    """One "Căn cứ …" line as printed (ending with ";"), and the text it cites."""

    text: str
    citation: Citation


class BasisSet(enum.StrEnum):
    EMULATION = "emulation"  # a decision awarding titles or commendations, a proposal
    UNION = "union"  # a decision of the agency's trade union


_LTDKT2003 = Basis(
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một "
    "số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm "
    "2013;",
    Citation(LTDKT2003),
)
_D91 = Basis(
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    Citation(D91),
)
_L06 = Basis("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", Citation(L06))
_D98 = Basis(
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    Citation(D98),
)
_D152 = Basis(
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi "
    "tiết một số điều của Luật Thi đua, khen thưởng;",
    Citation(D152),
)
_LCD2012 = Basis("Căn cứ Luật Công đoàn ngày 20 tháng 6 năm 2012;", Citation(LCD2012))
_LCD2024 = Basis("Căn cứ Luật Công đoàn ngày 27 tháng 11 năm 2024;", Citation(LCD2024))

EMULATION_BASES: DatedValue[tuple[Basis, ...]] = DatedValue(
    "documents.bases.emulation",
    "Căn cứ pháp lý của quyết định, tờ trình khen thưởng",
    [
        Dated((_LTDKT2003, _D91), D91.effective_from, date(2023, 12, 31), Citation(D91)),
        Dated((_L06, _D98), L06.effective_from, date(2025, 6, 30), Citation(D98)),
        Dated((_L06, _D152), D152.effective_from, None, Citation(D152)),
    ],
)
UNION_BASES: DatedValue[tuple[Basis, ...]] = DatedValue(
    "documents.bases.union",
    "Căn cứ pháp lý của quyết định của Công đoàn cơ quan",
    [
        Dated((_LCD2012,), LCD2012.effective_from, date(2025, 6, 30), Citation(LCD2012)),
        Dated((_LCD2024,), LCD2024.effective_from, None, Citation(LCD2024)),
    ],
)
_SETS = {BasisSet.EMULATION: EMULATION_BASES, BasisSet.UNION: UNION_BASES}


def bases_on(kind: BasisSet, on: date) -> tuple[Basis, ...]:
    """The bases in force on ``on``; () when no listed text covers the date."""
    try:
        return _SETS[kind].value(on)
    except NotInForce:
        return ()
