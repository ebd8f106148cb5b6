"""Fold what a member typed into a plain form: Thai digits, repeats, emoji, spaces, invisibles."""

from __future__ import annotations

import re
import unicodedata

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
# A character typed three or more times in a row ("ค่าาาา", "!!!", "ดีจ้าาา") counts once.
REPEATED = re.compile(r"(.)\1{2,}")
# ๆ (mai yamok) repeats the word before it: it changes no meaning for us.
MAI_YAMOK = "ๆ"


def _keep(ch: str) -> bool:
    # Letters, digits and Thai combining marks stay; emoji, symbols and punctuation become spaces.
    category = unicodedata.category(ch)
    return category[0] in "LN" or category in ("Mn", "Mc") or ch == "-"


def normalise(text: str) -> str:
    """Return `text` folded: NFC, lower case, 0-9 digits, no emoji or marks, single spaces."""
    folded = unicodedata.normalize("NFC", INVISIBLE.sub("", text)).lower().translate(THAI_DIGITS)
    folded = REPEATED.sub(r"\1", folded.replace(MAI_YAMOK, " "))
    kept = "".join(ch if _keep(ch) else " " for ch in folded)
    return " ".join(kept.split())
