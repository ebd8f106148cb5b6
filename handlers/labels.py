"""Check a name or title a member types: tidy its spaces, drop what is invisible, and say
which rule it broke (no letter or digit at all, or the length) so the hint tells the truth."""

from __future__ import annotations

import unicodedata

from handlers.flow import Invalid

# Characters that look like nothing but are not format characters (Hangul and Braille blanks).
_BLANKS = dict.fromkeys(map(ord, "\u3164\u2800\uffa0"))


def tidy(text: str | None) -> str:
    """Return the text in NFC, without invisible characters, with runs of spaces made one."""
    value = unicodedata.normalize("NFC", text or "").translate(_BLANKS)
    value = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cf", "Cc"))
    return " ".join(value.split())


def check_label(text: str | None, low: int, high: int, *, empty: str, length: str) -> str:
    """Return the tidied label; raise Invalid(`empty`) if it has no letter or digit, else
    Invalid(`length`, low, high) if its length is outside low..high."""
    value = tidy(text)
    if not any(ch.isalnum() for ch in value):
        raise Invalid(empty)
    if not low <= len(value) <= high:
        raise Invalid(length, low=low, high=high)
    return value
