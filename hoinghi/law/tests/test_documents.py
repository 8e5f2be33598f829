"""Document format rules D1–D6 on docs/domain/examples.md §8 E and the formatting helpers."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from hoinghi.law.documents import (
    STATE_ELEMENTS,
    STATE_PAGE,
    DateLineFacts,
    DocumentType,
    Element,
    Layout,
    ListDocumentFacts,
    NumberFacts,
    NumberSequenceFacts,
    PageSetupFacts,
    RecipientsFacts,
    check_date_line,
    check_list_as_appendix,
    check_page_setup,
    check_party_number,
    check_recipients,
    check_state_number,
    decide_next_number,
    format_date_line,
    format_number,
)
from hoinghi.law.options import DocumentOptions

ON = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        pytest.param("Số: 05/QĐ-VP", True, id="E1: 5th decision of VP"),
        pytest.param("Số: 5/QĐ-VP", False, id="E1: missing leading zero"),
        pytest.param("Số 05/QĐ-VP", False, id="E1: missing colon"),
        pytest.param("Số: 05/QĐ - VP", False, id="E1: spaces around the hyphen"),
        pytest.param("Số: 12/VP-TH", True, id="E2: công văn of the TH division"),
        pytest.param("Số: 389/QyĐ-VP", True, id="three-digit number, QyĐ"),
    ],
)
def test_state_number(text: str, ok: bool) -> None:
    assert check_state_number(NumberFacts(text), on=ON).outcome is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        pytest.param("Số 12-BC/VPTU", True, id="E4: Party report 12 of Văn phòng Tỉnh ủy"),
        pytest.param("Số: 12-BC/VPTU", False, id="Party numbers have no colon"),
    ],
)
def test_party_number(text: str, ok: bool) -> None:
    assert check_party_number(NumberFacts(text), on=ON).outcome is ok


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param((5, "QĐ", "VP", Layout.STATE), "Số: 05/QĐ-VP", id="E1"),
        pytest.param((12, None, "VP-TH", Layout.STATE), "Số: 12/VP-TH", id="E2: công văn"),
        pytest.param((12, "BC", "VPTU", Layout.PARTY), "Số 12-BC/VPTU", id="E4: Party"),
        pytest.param((127, "QĐ", "TW", Layout.PARTY), "Số 127-QĐ/TW", id="Party, 3 digits"),
    ],
)
def test_format_number(args: tuple[int, str | None, str, Layout], expected: str) -> None:
    assert format_number(*args) == expected
    check = check_party_number if args[3] is Layout.PARTY else check_state_number
    assert check(NumberFacts(expected), on=ON).outcome is True


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2026, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2026", id="E3: 5 January"),
        pytest.param(date(2026, 3, 15), "Hà Nội, ngày 15 tháng 3 năm 2026", id="E3: 15 March"),
        pytest.param(date(2026, 2, 9), "Hà Nội, ngày 09 tháng 02 năm 2026", id="E3: 9 February"),
        pytest.param(date(2026, 12, 1), "Hà Nội, ngày 01 tháng 12 năm 2026", id="E3: 1 December"),
    ],
)
def test_format_date_line(day: date, expected: str) -> None:
    assert format_date_line("Hà Nội", day) == expected
    assert check_date_line(DateLineFacts(expected, day), on=ON).outcome is True


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Hà Nội, ngày 5 tháng 01 năm 2026", id="day not padded"),
        pytest.param("Hà Nội, ngày 15 tháng 03 năm 2026", id="March padded"),
        pytest.param("Hà Nội ngày 05 tháng 01 năm 2026", id="no comma"),
    ],
)
def test_bad_date_lines(text: str) -> None:
    assert check_date_line(DateLineFacts(text), on=ON).outcome is False


def test_date_line_for_another_day_is_flagged() -> None:
    facts = DateLineFacts("Hà Nội, ngày 05 tháng 01 năm 2026", date(2026, 1, 6))
    assert check_date_line(facts, on=ON).outcome is False


@pytest.mark.parametrize(
    ("facts", "number"),
    [
        pytest.param(
            NumberSequenceFacts(date(2027, 1, 4), 389, date(2026, 12, 31)),
            1,
            id="E5: first document of 2027 restarts at 01",
        ),
        pytest.param(
            NumberSequenceFacts(date(2026, 5, 4), 41, date(2026, 5, 2)),
            42,
            id="next number in the year",
        ),
        pytest.param(NumberSequenceFacts(date(2026, 1, 2)), 1, id="first ever document"),
    ],
)
def test_number_sequence(facts: NumberSequenceFacts, number: int) -> None:
    assert decide_next_number(facts, on=facts.issue_date).outcome == number


def _page(**overrides: Fraction) -> PageSetupFacts:
    values = {
        "top_mm": Fraction(20),
        "bottom_mm": Fraction(20),
        "left_mm": Fraction(30),
        "right_mm": Fraction(15),
        "body_pt": Fraction(14),
    } | overrides
    return PageSetupFacts(
        values["top_mm"],
        values["bottom_mm"],
        values["left_mm"],
        values["right_mm"],
        values["body_pt"],
    )


@pytest.mark.parametrize(
    ("facts", "ok"),
    [
        pytest.param(_page(), True, id="D4: 20/20/30/15 mm, 14 pt"),
        pytest.param(_page(left_mm=Fraction(25)), False, id="left margin 25 mm"),
        pytest.param(_page(right_mm=Fraction(20)), True, id="right margin 20 mm (upper bound)"),
        pytest.param(_page(body_pt=Fraction(12)), False, id="body in 12 pt"),
    ],
)
def test_page_setup(facts: PageSetupFacts, ok: bool) -> None:
    assert check_page_setup(facts, on=ON).outcome is ok


def test_element_specification_is_dated_and_cited() -> None:
    spec = STATE_ELEMENTS.at(ON)
    assert spec.value[Element.RECIPIENTS_HEADING].size_pt.low == 12
    assert (
        spec.value[Element.RECIPIENTS_HEADING].bold
        and spec.value[Element.RECIPIENTS_HEADING].italic
    )
    assert "Phụ lục I" in spec.citation.render()
    assert STATE_PAGE.value(ON).first_line_indent_mm == (Fraction(10), Fraction(127, 10))


@pytest.mark.parametrize(
    ("lines", "ok"),
    [
        pytest.param(("- Như trên;", "- Lưu: VT, TH."), True, id="E7: ends with Lưu: VT, TH."),
        pytest.param(("- Như trên;", "- Lưu: VT, TH (02)."), True, id="with number of copies"),
        pytest.param(("- Như trên;", "- Lưu VT."), False, id="no drafting unit"),
        pytest.param((), False, id="no recipients"),
    ],
)
def test_recipients(lines: tuple[str, ...], ok: bool) -> None:
    assert check_recipients(RecipientsFacts(lines), on=ON).outcome is ok


@pytest.mark.parametrize(
    ("attached_to", "ok"),
    [
        pytest.param(None, False, id="D6: a standalone Danh sách"),
        pytest.param(DocumentType.QUYET_DINH, True, id="D6: list as appendix of a decision"),
    ],
)
def test_list_as_appendix(attached_to: DocumentType | None, ok: bool) -> None:
    assert check_list_as_appendix(ListDocumentFacts(attached_to), on=ON).outcome is ok


def test_a_party_number_below_10_is_padded_unless_the_agency_chooses_not_to() -> None:
    assert format_number(5, "BC", "VPTU", Layout.PARTY) == "Số 05-BC/VPTU"
    plain = DocumentOptions(party_number_padding=False)
    assert format_number(5, "BC", "VPTU", Layout.PARTY, plain) == "Số 5-BC/VPTU"
    assert format_number(12, "BC", "VPTU", Layout.PARTY, plain) == "Số 12-BC/VPTU"
    # The State form keeps two digits (D30 Appendix I), whatever the Party option says.
    assert format_number(5, "QĐ", "VP", Layout.STATE, plain) == "Số: 05/QĐ-VP"
