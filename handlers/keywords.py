"""Normalise what members type so keywords match without spaces, in Thai or English."""

from __future__ import annotations

import re
import unicodedata

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Polite particles a member may add ("ช่วยเหลือครับ", "help please") that change no meaning.
TRAILING_POLITE = re.compile(r"(ครับผม|ครับ|ค่ะ|คะ|จ้ะ|จ้า|นะคะ|นะครับ|นะ|please|pls)+$")
STRIP = re.compile(r"[\s\u200b\u200c\u200d\ufeff!?.。,'\"“”‘’()\[\]]+")


def normalize(text: str) -> str:
    """Return text folded for matching: NFC, lower case, Thai digits as 0-9, no spaces or marks."""
    # Spaces go first, so a mark typed after a space still composes with its letter.
    folded = unicodedata.normalize("NFC", STRIP.sub("", text)).lower().translate(THAI_DIGITS)
    folded = STRIP.sub("", folded)
    stripped = TRAILING_POLITE.sub("", folded)
    return stripped or folded
