"""Split Thai (written without spaces) into words with PyThaiNLP's newmm, and drop particles.

The tokenizer and its dictionary ship inside the package: nothing is downloaded. It is loaded on
first use, or by `warm()` when the app starts, never at import.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache

# Polite particles and endings: they change no meaning ("บันทึกกิจกรรมหน่อยครับ").
PARTICLES = frozenset(
    "ค่ะ คะ ค่า คับ ครับ ครัช ครับผม นะ นะคะ นะครับ จ้า จ้ะ จ๊ะ จ้ะ ค๊ะ ฮะ ฮ่ะ อะ อ่ะ เลย หน่อย ด้วย "
    "ที สิ ซิ เถอะ please pls plz na ka krub kub".split()
)
# Words around a request that name no command ("อยากจะขอ…", "ช่วย…ให้หน่อย", "I want to…").
FILLERS = frozenset(
    "อยาก อยากจะ จะ ขอ ต้องการ ช่วย ให้ ทำ เข้า ไป ค่ะ the a an i want to would like can "
    "you me show".split()
)


# Words that mean the same here: I/me in its many forms, and the short form of แก้ไข.
SAME = {"ผม": "ฉัน", "หนู": "ฉัน", "ดิฉัน": "ฉัน", "เรา": "ฉัน", "ตัวเอง": "ฉัน", "แก้": "แก้ไข"}


@lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], list[str]]:
    # Never write to or download into ~/pythainlp-data: everything we use ships in the package.
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    from pythainlp.tokenize import word_tokenize

    def split(text: str) -> list[str]:
        return word_tokenize(text, engine="newmm", keep_whitespace=False)

    return split


def warm() -> None:
    """Load the tokenizer and its dictionary now (at app start), not on a member's first message."""
    _tokenizer()("สวัสดีค่ะ")


def tokens(folded: str) -> list[str]:
    """Return the words of an already normalised text."""
    return list(_words(folded))


@lru_cache(maxsize=512)
def _words(folded: str) -> tuple[str, ...]:
    # One message is read by several readers (go back?, which button, a number?): split it once.
    return tuple(word for word in _tokenizer()(folded) if word.strip())


def polite_only(words: list[str]) -> list[str]:
    """Drop only the particles."""
    return [SAME.get(w, w) for w in words if w not in PARTICLES] or words


def content(words: list[str]) -> list[str]:
    """Drop particles, then fillers, keeping something: "ช่วยด้วย" stays itself."""
    polite = [SAME.get(w, w) for w in words if w not in PARTICLES]
    meaning = [w for w in polite if w not in FILLERS]
    return meaning or polite or words
