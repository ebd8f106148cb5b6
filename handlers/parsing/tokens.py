"""Fold typed text and cut it into numbers, separators and known words, with or without spaces."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from handlers.keywords import THAI_DIGITS
from handlers.parsing.vocabulary import THAI_NUMBER_UNITS, thai_number, vocabulary

THAI = "\u0e01-\u0e4e"
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u0e2f'’‘\"“”]")  # ฯ too: พฤหัสฯ
_DASHES = re.compile("[\u2010-\u2015\u2212]")
# A tone mark typed before its upper vowel looks the same on screen (นี้ / นี้): put it after.
_TONE_FIRST = re.compile("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37\u0e47])")
_ABBREVIATION_DOT = re.compile(f"(?<=[a-z{THAI}])\\.")
_T_BETWEEN_DIGITS = re.compile(r"(?<=\d)t(?=\d)")  # 2021-08-09T13:30
_SPACES = re.compile(r"\s+")
_SPACE_IN_THAI = re.compile(f"(?<=[{THAI}]) (?=[{THAI}])")

_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[\s/\-.:,]+")
_TENS = "(?:ยี่|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)?สิบ"
_UNITS = "|".join(sorted(set(THAI_NUMBER_UNITS) - {"เอ็ด", "ยี่"}, key=len, reverse=True))
_NUMBER_WORD = re.compile(f"{_TENS}(?:เอ็ด|{_UNITS})?|{_UNITS}")


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of text: kind "num" (value int), "sep" (value the marks, " " for space) or a word."""

    kind: str
    value: Any  # int for numbers, str for marks and most words, (index, with_wan) for weekdays
    text: str

    @property
    def digits(self) -> bool:
        """Whether this is a number written in digits (not a Thai number word)."""
        return self.kind == "num" and self.text.isdigit()


def normalize(text: str) -> str:
    """Fold text: NFC, lower case, Thai digits as 0-9, no abbreviation dots, no space inside Thai."""
    folded = unicodedata.normalize("NFC", text).lower().translate(THAI_DIGITS)
    folded = _INVISIBLE.sub("", _DASHES.sub("-", folded)).replace("\u0e4d\u0e32", "\u0e33")
    folded = _TONE_FIRST.sub(r"\2\1", folded)
    folded = _ABBREVIATION_DOT.sub("", folded)
    folded = _SPACES.sub(" ", _T_BETWEEN_DIGITS.sub(" ", folded)).strip()
    # Thai needs no spaces between words, so a space there carries nothing (ส. ค. = ส.ค.).
    return _SPACE_IN_THAI.sub("", folded)


@cache
def _words() -> tuple[dict[str, tuple[str, object]], re.Pattern[str]]:
    words = {normalize(word): entry for word, entry in vocabulary().items()}
    # Longest first, so the alternation prefers เมื่อวานซืน to เมื่อวาน to เมื่อ.
    ordered = sorted(words, key=len, reverse=True)
    parts = [re.escape(w) + ("(?![a-z])" if w[-1].isascii() else "") for w in ordered]
    return words, re.compile("|".join(parts))


def tokenize(text: str) -> list[Token] | None:
    """Cut normalized text into tokens; None when some part is no known word."""
    words, pattern = _words()
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        if match := _DIGITS.match(text, position):
            tokens.append(Token("num", int(match[0]), match[0]))
        elif match := _SEPARATORS.match(text, position):
            marks = match[0].replace(" ", "")
            tokens.append(Token("sep", marks or " ", match[0]))
        else:
            word = pattern.match(text, position)
            number = _NUMBER_WORD.match(text, position)
            if number and (not word or len(number[0]) > len(word[0])):
                tokens.append(Token("num", thai_number(number[0]), number[0]))
                match = number
            elif word:
                kind, value = words[word[0]]
                tokens.append(Token(kind, value, word[0]))
                match = word
            else:
                return None
        position = match.end()
    return tokens


def without(tokens: list[Token], kinds: frozenset[str]) -> list[Token]:
    """Drop tokens of `kinds`, merge the separators that then touch, trim separators at the ends."""
    kept: list[Token] = []
    for token in tokens:
        if token.kind in kinds:
            continue
        if token.kind == "sep" and kept and kept[-1].kind == "sep":
            marks = (kept[-1].value + token.value).replace(" ", "")
            kept[-1] = Token("sep", marks or " ", kept[-1].text + token.text)
        else:
            kept.append(token)
    while kept and kept[0].kind == "sep":
        kept.pop(0)
    while kept and kept[-1].kind == "sep":
        kept.pop()
    return kept
