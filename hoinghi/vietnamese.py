"""Vietnamese text: NFC normalisation, accent folding for search, and name order.

Names sort the Vietnamese way: by given name, then middle names, then family name, each
compared in the Vietnamese alphabet (a ă â b c d đ e ê … ư v x y) with tones ordered
ngang, huyền, hỏi, ngã, sắc, nặng.
"""

from __future__ import annotations

import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Unicode combining marks for the five tones, in dictionary order after ngang (no mark).
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
# Marks that make a new letter (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_RANK = {ch: i for i, ch in enumerate(ALPHABET)}


def nfc(text: str) -> str:
    """Normalise to NFC and collapse runs of whitespace."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Lower-case, without accents, for accent-insensitive search: "Nguyễn Đức" → "nguyen duc"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d")


def _letter_key(ch: str) -> tuple[int, int]:
    """(letter rank, tone rank) of one NFC character."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    marks = decomposed[1:]
    tone = 0
    letter_marks = ""
    for mark in marks:
        if mark in TONES:
            tone = TONES.index(mark) + 1
        elif mark in _LETTER_MARKS:
            letter_marks += mark
    letter = unicodedata.normalize("NFC", base + letter_marks)
    if letter in _RANK:
        return _RANK[letter], tone
    return 100 + ord(letter), tone


def word_key(word: str) -> str:
    """A sortable key for one word: its letters, an end mark, then its tones.

    Only ASCII digits: every database collation (PostgreSQL's en_US as much as SQLite's
    binary) orders strings of digits the same way, character by character. Each letter is
    two digits (10–38 for the Vietnamese alphabet, 99 for any other character), "00" ends
    the letters so that a shorter word sorts first, and one digit per letter gives its tone.
    """
    keys = [_letter_key(ch) for ch in nfc(word)]
    letters = "".join(f"{rank + 10:02d}" if rank < 90 else "99" for rank, _ in keys)
    tones = "".join(str(tone) for _, tone in keys)
    return letters + "00" + tones


def name_sort_key(full_name: str) -> str:
    """Given name, then middle names, then family name: "Trần Thị Anh" sorts under "Anh"."""
    words = nfc(full_name).split(" ")
    if not words or words == [""]:
        return ""
    ordered = [words[-1], *words[1:-1], words[0]] if len(words) > 1 else words
    return "".join(word_key(w) for w in ordered)
