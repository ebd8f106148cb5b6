"""Read a time of day as Thai members type it: 13.30 น., บ่ายสองโมงครึ่ง, 1 ทุ่ม, 9 am.

The Thai clock names hours by part of the day; the rules here (N is the number said):
- N โมงเช้า: 6-11 as is, 1-5 are counted from 6 (สองโมงเช้า = 08:00, โมงเช้า = 07:00).
- บ่าย N (โมง): N + 12 for 1-6 (บ่ายโมง = 13:00, บ่าย 2 = 14:00); N โมงเย็น: N + 12 for 1-7.
- N โมง with no part of the day: 1-6 are afternoon (4 โมง = 16:00), 7-12 as is, 13-23 as is.
- N ทุ่ม: 18 + N for 1-5, 6 ทุ่ม = เที่ยงคืน = 00:00; ตี N: N for 1-6; เที่ยง = 12:00.
- ครึ่ง adds 30 minutes, "N นาที" (or a bare N after โมง/ทุ่ม) adds N minutes.
- 12-hour English: 12 am = 00:00, 12 pm = 12:00, hours 1-12 only.
- Digits: 13.30, 13:30, 13.30 น., 13 น., 1330 น.; 24.00 is refused (say 00.00 or เที่ยงคืน).
  A bare 3-4 digit number (1330) is a time only when the text is nothing else.
"""

from __future__ import annotations

from datetime import time

from handlers.parsing.problems import TimeProblem
from handlers.parsing.tokens import Token, normalize, tokenize

_IGNORED = frozenset({"time_filler", "polite"})


def parse_time(text: str) -> time:
    """Return the time of day `text` names; raise TimeProblem."""
    folded = normalize(text)
    if not folded:
        raise TimeProblem("empty")
    tokens = tokenize(folded)
    if tokens is None:
        raise TimeProblem("unreadable")
    return time_from_tokens(tokens, bare_digits=True)


def time_from_tokens(tokens: list[Token], *, bare_digits: bool) -> time:
    """Return the time the tokens name; `bare_digits` lets "1330" alone count as 13:30."""
    reader = _Reader(
        [
            t
            for t in tokens
            if t.kind not in _IGNORED and not (t.kind == "sep" and t.value in (" ", ","))
        ]
    )
    periods = reader.periods()
    hour, minute, unit = _hour_part(reader, periods, bare_digits)
    periods |= reader.periods()
    if minute is None and unit != "ampm":
        minute = _minutes(reader)
    periods |= reader.periods()
    if not reader.done():
        raise TimeProblem("unreadable")
    if "morning" in periods and len(periods) > 1:
        raise TimeProblem("unreadable")
    period = "evening" if "evening" in periods else next(iter(periods), None)
    hour = _clock_hour(hour, unit, period)
    minute = minute or 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise TimeProblem("impossible")
    return time(hour, minute)


class _Reader:
    """Walk the tokens once, front to back."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens, self.position = tokens, 0

    def peek(self, offset: int = 0) -> Token | None:
        index = self.position + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self, kind: str) -> Token | None:
        token = self.peek()
        if token is not None and token.kind == kind:
            self.position += 1
            return token
        return None

    def periods(self) -> set[str]:
        found = set()
        while token := self.take("period"):
            found.add(str(token.value))
        return found

    def done(self) -> bool:
        return self.position == len(self.tokens)


def _hour_part(
    reader: _Reader, periods: set[str], bare_digits: bool
) -> tuple[int, int | None, str]:
    """Read the hour (and minutes written with it) and how the hour is counted."""
    if reader.take("noon"):
        reader.take("unit_day")  # เที่ยงวัน
        return 12, None, "fixed"
    if reader.take("midnight"):
        return 0, None, "fixed"
    if reader.take("tee"):
        return _number(reader.take("num")), None, "tee"
    if reader.take("thum"):  # ทุ่ม alone or ทุ่มนึง: one ทุ่ม
        following = reader.peek()
        if following and following.kind == "num" and not following.digits and following.value == 1:
            reader.take("num")
        return 1, None, "thum"
    if reader.take("mong"):  # บ่ายโมง, โมงเช้า: one โมง, said only with a part of the day
        following = reader.peek()
        if not periods and not (following and following.kind == "period"):
            raise TimeProblem("unreadable")
        return 1, None, "mong"
    number = reader.take("num")
    if number is None:
        raise TimeProblem("unreadable")
    hour, minute = int(number.value), None
    separator = reader.peek()
    if separator and separator.kind == "sep" and separator.value in (".", ":"):
        reader.position += 1
        if not number.digits or len(number.text) > 2:
            raise TimeProblem("unreadable")
        minute = _two_digits(reader.take("num"))
        if (seconds := reader.peek()) and seconds.value == ":":
            reader.position += 1
            _two_digits(reader.take("num"))  # 13:30:00: seconds are ignored
    for kind in ("mong", "thum", "clock", "ampm"):
        if unit := reader.take(kind):
            if kind == "clock" and minute is None and _four_digits(number):
                return *divmod(hour, 100), "clock"  # 1330 น.
            if len(number.text) > 2 and number.digits:
                raise TimeProblem("unreadable")
            return hour, minute, str(unit.value) if kind == "ampm" else kind
    if minute is not None:
        return hour, minute, "clock"
    if periods:
        return hour, None, "mong"  # บ่าย 2, เย็น 6
    if bare_digits and reader.done() and _four_digits(number):
        return *divmod(hour, 100), "clock"
    raise TimeProblem("unreadable")


def _number(token: Token | None) -> int:
    if token is None:
        raise TimeProblem("unreadable")
    return int(token.value)


def _four_digits(token: Token | None) -> bool:
    """Whether the number is hour and minutes together (930, 1330)."""
    return token is not None and token.digits and len(token.text) in (3, 4)


def _two_digits(token: Token | None) -> int:
    if token is None or not token.digits or len(token.text) != 2:
        raise TimeProblem("unreadable")
    return int(token.value)


def _minutes(reader: _Reader) -> int | None:
    """Read ครึ่ง, "15 นาที" or a bare 15 after the hour."""
    if reader.take("half"):
        return 30
    number = reader.take("num")
    if number is None:
        return None
    reader.take("minute")
    return _number(number)


# How โมง counts with each part of the day: (hours that shift, by how much, hours kept as said).
_MONG = {
    None: (range(1, 7), 12, range(7, 24)),
    "morning": (range(1, 6), 6, range(6, 12)),
    "afternoon": (range(1, 7), 12, range(13, 19)),
    "evening": (range(1, 8), 12, range(13, 20)),
}


def _clock_hour(said: int, unit: str, period: str | None) -> int:
    """Turn the hour as said into 0-23, by the rules of the module docstring."""
    if unit in ("am", "pm"):
        if period:
            raise TimeProblem("unreadable")
        if not 1 <= said <= 12:
            raise TimeProblem("impossible")
        return said % 12 + (12 if unit == "pm" else 0)
    if unit == "fixed" and period is None:
        return said
    if unit == "tee" and period is None and 1 <= said <= 6:
        return said
    if unit == "thum" and period in (None, "evening") and 1 <= said <= 6:
        return (18 + said) % 24
    if unit in ("fixed", "tee", "thum"):
        raise TimeProblem("unreadable" if period else "impossible")
    if unit == "clock":
        if period is None or (period != "morning" and 12 <= said <= 23):
            return said
        if 1 <= said <= 11:
            return said if period == "morning" else said + 12
        raise TimeProblem("impossible")
    shifted, add, kept = _MONG[period]
    if said in shifted:
        return said + add
    if said in kept:
        return said
    raise TimeProblem("impossible")
