"""Vietnamese text: NFC, accent folding and the Vietnamese name order."""

from __future__ import annotations

import unicodedata

import pytest

from hoinghi.vietnamese import fold, name_sort_key, nfc


def test_it_normalises_nfd_to_nfc_and_collapses_spaces() -> None:
    typed = unicodedata.normalize("NFD", "Nguyễn  Văn   Ánh ")
    assert nfc(typed) == "Nguyễn Văn Ánh"
    assert unicodedata.is_normalized("NFC", nfc(typed))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("Đặng Thị Đào", "dang thi dao"),
        ("Trương Ưng Ơn", "truong ung on"),
        (unicodedata.normalize("NFD", "Lê Thị Hồng"), "le thi hong"),
    ],
)
def test_it_folds_accents_for_search(text: str, folded: str) -> None:
    assert fold(text) == folded


def sorted_names(names: list[str]) -> list[str]:
    return sorted(names, key=name_sort_key)


def test_it_sorts_by_given_name_first() -> None:
    assert sorted_names(["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Cường"]) == [
        "Nguyễn Thị An",
        "Trần Văn Bình",
        "Lê Văn Cường",
    ]


def test_it_breaks_given_name_ties_by_middle_then_family_name() -> None:
    assert sorted_names(["Trần Văn An", "Lê Văn An", "Lê Thị An"]) == [
        "Lê Thị An",
        "Lê Văn An",
        "Trần Văn An",
    ]


def test_it_uses_the_vietnamese_alphabet() -> None:
    # a < ă < â, d < đ, o < ô < ơ, u < ư.
    assert sorted_names(["X Đức", "X Dũng"]) == ["X Dũng", "X Đức"]
    assert sorted_names(["X Ơn", "X Ôn", "X On"]) == ["X On", "X Ôn", "X Ơn"]
    assert sorted_names(["X Ưng", "X Uyên"]) == ["X Uyên", "X Ưng"]
    assert sorted_names(["X Ân", "X Ăn", "X An"]) == ["X An", "X Ăn", "X Ân"]


def test_it_orders_tones_ngang_huyen_hoi_nga_sac_nang() -> None:
    assert sorted_names(["X Mạ", "X Má", "X Mã", "X Mả", "X Mà", "X Ma"]) == [
        "X Ma",
        "X Mà",
        "X Mả",
        "X Mã",
        "X Má",
        "X Mạ",
    ]


def test_it_puts_letters_before_tones() -> None:
    # Letters decide first ("Bà" < "Bác"); tones only break ties ("Anh" < "Ánh").
    assert sorted_names(["X Bác", "X Bà"]) == ["X Bà", "X Bác"]
    assert sorted_names(["X Ánh", "X Anh"]) == ["X Anh", "X Ánh"]


def test_nfd_and_nfc_spellings_sort_together() -> None:
    assert name_sort_key(unicodedata.normalize("NFD", "Phạm Thị Thu")) == name_sort_key(
        "Phạm Thị Thu"
    )


def test_the_given_names_tone_decides_before_the_middle_name() -> None:
    assert sorted_names(["Lê Thị Án", "Trần Văn An"]) == ["Trần Văn An", "Lê Thị Án"]


def test_a_shorter_given_name_sorts_first() -> None:
    assert sorted_names(["X Anhy", "X Anh", "Y Anh"]) == ["X Anh", "Y Anh", "X Anhy"]


def test_sort_keys_are_plain_digits_so_every_database_collation_agrees() -> None:
    assert name_sort_key("Nguyễn Thị Ánh Tuyết").isdigit()
