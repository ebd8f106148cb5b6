"""Build leaf-value strategies: text with Thai and emoji, identifiers, numbers, formats."""

from __future__ import annotations

import re
import string
import unicodedata
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from .spec import Schema

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
FORMAT_BOUNDS = {"int32": INT32, "int64": INT64}
LIST_MAX = 3
TEXT_MAX = 12

THAI_LETTERS = [chr(c) for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c)) != "Cn"]
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
EMOJI = ["😀", "🙏", "❤", "\ufe0f", "\u200d", "👍", "🏽", "🇹", "🇭", "🐘", "🪷", "✨"]
PHRASES = ["สวัสดีครับ", "ขอบคุณค่ะ 🙏", "วันพระ ๘ ค่ำ", "ทำบุญ ๑๐๐ บาท", "🇹🇭❤️", "ประชุม 10:00 น."]
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
HEX = "0123456789abcdef"
RICHMENU_STATUS = ["SUCCESS", "RICHMENU_ALIAS_ID_NOTFOUND", "RICHMENU_NOTFOUND", "FAILED"]

_ALPHABET = st.one_of(
    st.sampled_from(THAI_LETTERS),
    st.sampled_from(THAI_DIGITS),
    st.sampled_from(EMOJI),
    st.sampled_from(string.printable),
    st.characters(codec="utf-8"),
)


def text(min_size: int = 0, max_size: int | None = None) -> SearchStrategy[str]:
    """Return text mixing Thai letters, Thai digits, emoji, ASCII and any Unicode."""
    cap = max(min_size, min(TEXT_MAX if max_size is None else max_size, TEXT_MAX))
    longest = len(max(PHRASES, key=len)) if max_size is None else max_size
    phrases = [p for p in PHRASES if min_size <= len(p) <= longest]
    generated = st.text(_ALPHABET, min_size=min_size, max_size=cap)
    return st.one_of(generated, st.sampled_from(phrases)) if phrases else generated


def _fixed(alphabet: str, size: int, prefix: str = "") -> SearchStrategy[str]:
    """Return strings of one length drawn from alphabet, after a prefix."""
    return st.text(alphabet, min_size=size, max_size=size).map(lambda s: prefix + s)


def ulids() -> SearchStrategy[str]:
    """Return ULID-shaped strings (26 Crockford base32 characters)."""
    return st.tuples(st.sampled_from("01234567"), _fixed(CROCKFORD, 25)).map("".join)


_MILLIS = st.integers(1_500_000_000_000, 4_102_444_800_000)
_DAYS = st.dates(date(2000, 1, 1), date(2099, 12, 31))
_NUMERIC_ID = st.integers(10**13, 10**19 - 1).map(str)

STRING_HINTS: dict[str, SearchStrategy[str]] = {
    "destination": _fixed(HEX, 32, "U"),
    "userId": _fixed(HEX, 32, "U"),
    "botId": _fixed(HEX, 32, "U"),
    "groupId": _fixed(HEX, 32, "C"),
    "roomId": _fixed(HEX, 32, "R"),
    "replyToken": _fixed(HEX, 32),
    "webhookEventId": ulids(),
    "id": _NUMERIC_ID,
    "messageId": _NUMERIC_ID,
    "quotedMessageId": _NUMERIC_ID,
    "date": _DAYS.map(date.isoformat),
    "time": st.times().map(lambda t: t.strftime("%H:%M")),
    "datetime": st.datetimes(datetime(2000, 1, 1)).map(lambda d: d.strftime("%Y-%m-%dT%H:%M")),
    "status": st.sampled_from(RICHMENU_STATUS),
}
INT_HINTS: dict[str, SearchStrategy[int]] = {"timestamp": _MILLIS, "expireAt": _MILLIS}
NUMBER_HINTS: dict[str, tuple[float, float]] = {"latitude": (-90, 90), "longitude": (-180, 180)}
MAP_KEYS: dict[str, list[str]] = {
    "params": ["date", "time", "datetime", "newRichMenuAliasId", "status"],
}
HINT_EXAMPLES = {"destination": "U" + "0" * 32}


def _hint_fits(schema: Schema, prop: str | None) -> bool:
    """Tell whether a name hint exists and meets the schema's pattern and lengths."""
    if prop not in STRING_HINTS or {"enum", "format"} & schema.keys():
        return False
    if not {"pattern", "minLength", "maxLength"} & schema.keys():
        return True
    example = HINT_EXAMPLES.get(prop)
    if example is None:
        return False
    fits_pattern = re.fullmatch(schema.get("pattern", ".*"), example) is not None
    low, high = schema.get("minLength", 0), schema.get("maxLength", len(example))
    return fits_pattern and low <= len(example) <= high


def strings(schema: Schema, prop: str | None) -> SearchStrategy[str]:
    """Return strings honouring pattern, format and length, or a name hint when unconstrained."""
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if _hint_fits(schema, prop):
        return STRING_HINTS[prop]
    if "pattern" in schema:
        regex = st.from_regex(schema["pattern"], fullmatch=True)
        return regex.filter(lambda s: low <= len(s) <= (high if high is not None else len(s)))
    fmt = schema.get("format")
    if fmt == "uri":
        path = st.text(string.ascii_letters + string.digits + "-_", max_size=12)
        return path.map(lambda p: f"https://example.com/{p}")
    if fmt == "date-time":
        moments = st.datetimes(datetime(2000, 1, 1), timezones=st.just(UTC))
        return moments.map(lambda d: d.isoformat().replace("+00:00", "Z"))
    if fmt == "date":
        return _DAYS.map(date.isoformat)
    return text(low, high)


def integers(schema: Schema, prop: str | None) -> SearchStrategy[int]:
    """Return integers inside minimum/maximum or the format's range."""
    low, high = FORMAT_BOUNDS.get(schema.get("format", ""), INT64)
    low = schema.get("minimum", low) + (1 if schema.get("exclusiveMinimum") is True else 0)
    high = schema.get("maximum", high) - (1 if schema.get("exclusiveMaximum") is True else 0)
    if prop in INT_HINTS and "minimum" not in schema and "maximum" not in schema:
        return INT_HINTS[prop]
    return st.integers(low, high)


def numbers(schema: Schema, prop: str | None) -> SearchStrategy[float]:
    """Return finite floats inside minimum/maximum, or a name hint's range when unbounded."""
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is None and high is None:
        low, high = NUMBER_HINTS.get(prop or "", (None, None))
    width = 32 if schema.get("format") == "float" else 64
    return st.floats(low, high, allow_nan=False, allow_infinity=False, width=width)


def field_names() -> SearchStrategy[str]:
    """Return camelCase-looking field names like LINE uses."""
    tail = st.text(string.ascii_letters + string.digits, min_size=1, max_size=15)
    return st.tuples(st.sampled_from(string.ascii_lowercase), tail).map("".join)


def json_values() -> SearchStrategy[Any]:
    """Return small arbitrary JSON values."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(*INT64),
        st.floats(allow_nan=False, allow_infinity=False),
        text(),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=LIST_MAX)
            | st.dictionaries(field_names(), inner, max_size=LIST_MAX)
        ),
        max_leaves=6,
    )


def extra_fields(taken: set[str] | frozenset[str] = frozenset()) -> SearchStrategy[dict]:
    """Return 1-3 unknown fields whose names avoid those taken."""
    names = field_names().filter(lambda name: name not in taken)
    return st.dictionaries(names, json_values(), min_size=1, max_size=LIST_MAX)
