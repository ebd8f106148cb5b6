"""Tidy what members write and keep long answers within a limit without breaking Thai letters."""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"
# Cut at a space or line break if one is this close to the limit, so no word is split.
SPACE_WINDOW = 60
MAX_BACKOFF = 8
LEADING_VOWELS = "เแโใไ"
DROPPED = ("Cc", "Cf", "Cs")  # control, format (zero-width space…) and lone surrogate characters
KEEP = "\n\u200d"  # line breaks, and the joiner inside emoji such as 👩‍🌾
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def clean(text: str) -> str:
    """Return text in NFC without control or zero-width characters, trailing spaces or blank runs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Control characters would bloat a card's JSON six-fold (\\u0001) and show as nothing.
    kept = "".join(ch for ch in text if ch in KEEP or unicodedata.category(ch) not in DROPPED)
    lines = [_SPACES.sub(" ", line).strip() for line in kept.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _is_mark(ch: str) -> bool:
    # Thai vowels above/below and tone marks are combining marks: never leave them without
    # their consonant, nor a consonant without the marks that followed it.
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def trim(text: str, limit: int, *, at_space: bool = True) -> tuple[str, bool]:
    """Return (text, False) if it fits in `limit` characters, else a shorter text ending in … and True.

    A long answer is cut at a space near the limit when `at_space` (a button's label is not).
    """
    if len(text) <= limit:
        return text, False
    cut = limit - len(ELLIPSIS)
    # Step back over marks so the last kept letter keeps all of its vowels and tone marks.
    # A syllable has only a few marks and one leading vowel; more is not Thai: cut anyway.
    floor = max(0, cut - MAX_BACKOFF)
    while cut > floor and _is_mark(text[cut]):
        cut -= 1
    # Thai vowels เ แ โ ใ ไ are written before their consonant: do not end on one.
    while cut > floor and text[cut - 1] in LEADING_VOWELS:
        cut -= 1
    space = max(text.rfind(" ", 0, cut + 1), text.rfind("\n", 0, cut + 1))
    if at_space and space >= cut - SPACE_WINDOW and space > 0:
        cut = space
    elif at_space:
        cut = _word_boundary(text, cut)
    return text[:cut].rstrip() + ELLIPSIS, True


def _word_boundary(text: str, cut: int) -> int:
    """Move `cut` back to the end of the last whole Thai word before it (Thai has no spaces
    between words); keep it where it is if no word ends near enough."""
    from pythainlp.tokenize import word_tokenize  # its dictionary loads on first use only

    start = max(0, cut - 4 * SPACE_WINDOW)
    if not any("\u0e01" <= ch <= "\u0e5b" for ch in text[max(start, cut - SPACE_WINDOW) : cut]):
        return cut  # not Thai: no dictionary words to find
    position = start
    best = cut
    for word in word_tokenize(text[start : cut + SPACE_WINDOW], engine="newmm"):
        position += len(word)
        if position > cut:
            break
        best = position
    return best if best >= cut - SPACE_WINDOW and best > 0 else cut
