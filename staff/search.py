"""Thai search for the staff lists: ๆ with or without a space, any spacing, Thai or Arabic digits.

The same text is found however it was typed ("เด็กๆ", "เด็ก ๆ", "ปี ๒๕๖๔" / "ปี2564"): both the
query and the column are compared without spaces and with Arabic digits. The match is then
highlighted in the answer where it was found.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape
from sqlalchemy import func

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
SNIPPET = 80  # characters shown either side of the match


def normalize(text: str) -> str:
    """The searchable form: no whitespace, Arabic digits."""
    return "".join(text.split()).translate(_TO_ARABIC)


def searchable(column):
    """SQL for the column's searchable form (works the same on SQLite and PostgreSQL)."""
    expression = column
    for blank in (" ", "\n", "\t", "\r"):
        expression = func.replace(expression, blank, "")
    for thai, arabic in zip(THAI_DIGITS, "0123456789", strict=True):
        expression = func.replace(expression, thai, arabic)
    return expression


def matches(column, query: str):
    return searchable(column).contains(normalize(query), autoescape=True)


def _pattern(query: str) -> re.Pattern:
    """A regex finding the query in the original text, whatever its spacing and digits."""
    parts = []
    for char in normalize(query):
        if char.isdigit():
            parts.append(f"[{char}{THAI_DIGITS[int(char)]}]")
        else:
            parts.append(re.escape(char))
    return re.compile(r"\s*".join(parts))


def highlight(text: str | None, query: str) -> Markup | None:
    """The part of `text` around the first match, escaped, with the match in <mark>; None if none."""
    if not text or not normalize(query):
        return None
    found = _pattern(query).search(text)
    if found is None:
        return None
    start, end = found.span()
    before = text[max(0, start - SNIPPET) : start]
    after = text[end : end + SNIPPET]
    prefix = "…" if start > SNIPPET else ""
    suffix = "…" if end + SNIPPET < len(text) else ""
    return Markup("{}{}<mark>{}</mark>{}{}").format(
        prefix, escape(before), escape(text[start:end]), escape(after), suffix
    )
