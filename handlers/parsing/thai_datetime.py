"""Read a meeting's date and time from one message, in either order, and LINE picker answers.

parse_date (handlers.parsing.dates) and parse_time (handlers.parsing.times) read the parts and
document their rules; this module joins them. Nothing here reads the clock: callers pass `now`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, tzinfo
from typing import TypeVar

from handlers.parsing.dates import WEEKDAY_RULES, date_from_tokens, parse_date
from handlers.parsing.formatting import (
    format_date,
    format_datetime,
    format_thai_date,
    format_thai_datetime,
    format_thai_time,
    format_time,
)
from handlers.parsing.problems import DateProblem, DateTimeProblem, ParseProblem, TimeProblem
from handlers.parsing.times import parse_time, time_from_tokens
from handlers.parsing.tokens import Token, normalize, tokenize

__all__ = [
    "DateProblem",
    "DateTimeProblem",
    "TimeProblem",
    "format_date",
    "format_datetime",
    "format_thai_date",
    "format_thai_datetime",
    "format_thai_time",
    "format_time",
    "from_picker",
    "parse_date",
    "parse_datetime",
    "parse_time",
]

T = TypeVar("T")
_PICKER = {
    "date": (re.compile(r"\d{4}-\d{2}-\d{2}"), date.fromisoformat),
    "time": (re.compile(r"\d{2}:\d{2}"), time.fromisoformat),
    "datetime": (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), datetime.fromisoformat),
}


def parse_datetime(
    text: str, now: datetime, *, bare_weekday: str = "future", require_date: bool = False
) -> datetime:
    """Return the moment `text` names, aware in the zone of `now`; raise DateTimeProblem.

    The date and the time may come in either order, with or without a space between them where
    a word meets them ("พรุ่งนี้บ่ายสอง", "13:30 9/8/2564"). A time alone means that time today,
    unless `require_date` (then "no_date"); a date alone is "no_time". A bare weekday means the
    coming one by default (meetings lie ahead): see handlers.parsing.dates for the rules.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if bare_weekday not in WEEKDAY_RULES:
        raise ValueError(f"bare_weekday must be one of {WEEKDAY_RULES}")
    folded = normalize(text)
    if not folded:
        raise DateTimeProblem("empty")
    tokens = tokenize(folded)
    if tokens is None:
        raise DateTimeProblem("unreadable")
    today = now.date()

    def read_date(part: list[Token]) -> date:
        return date_from_tokens(part, today, bare_weekday)

    def read_time(part: list[Token]) -> time:
        return time_from_tokens(part, bare_digits=False)

    found: set[datetime] = set()
    problems: list[str] = []
    for first, second in _splits(tokens):
        for date_part, time_part in ((first, second), (second, first)):
            day, day_problem = _attempt(read_date, date_part)
            moment, time_problem = _attempt(read_time, time_part)
            if day is not None and moment is not None:
                found.add(datetime.combine(day, moment, tzinfo=now.tzinfo))
            elif day is not None and time_problem == "impossible":
                problems.append("impossible_time")
            elif moment is not None and day_problem in ("impossible", "mismatch"):
                problems.append("mismatch" if day_problem == "mismatch" else "impossible_date")
    if len(found) == 1:
        return found.pop()
    if found:
        raise DateTimeProblem("unreadable")  # two readings (12.10 10.12): ask again
    return _one_part(tokens, today, now.tzinfo, problems, read_date, read_time, require_date)


def _one_part(
    tokens: list[Token],
    today: date,
    zone: tzinfo,
    problems: list[str],
    read_date: Callable[[list[Token]], date],
    read_time: Callable[[list[Token]], time],
    require_date: bool,
) -> datetime:
    """Name what is missing when the text is only a date or only a time, else why it failed."""
    day, day_problem = _attempt(read_date, tokens)
    if day is not None:
        raise DateTimeProblem("no_time")
    moment, time_problem = _attempt(read_time, tokens)
    if moment is not None:
        if require_date:
            raise DateTimeProblem("no_date")
        return datetime.combine(today, moment, tzinfo=zone)
    if problems:
        raise DateTimeProblem(problems[0])
    if day_problem in ("impossible", "mismatch"):
        raise DateTimeProblem("mismatch" if day_problem == "mismatch" else "impossible_date")
    if time_problem == "impossible":
        raise DateTimeProblem("impossible_time")
    raise DateTimeProblem("unreadable")


def _splits(tokens: list[Token]) -> Iterator[tuple[list[Token], list[Token]]]:
    """Cut the text in two where a space or comma stands, or where a word meets something else.

    Never at "." "/" "-" ":" between numbers: "9 ส.ค. 10.15 น." must not become 2010 and 15 น.
    """
    for i in range(1, len(tokens)):
        token, before = tokens[i], tokens[i - 1]
        if token.kind == "sep" and token.value in (" ", ","):
            yield tokens[:i], tokens[i + 1 :]
        elif token.kind != "sep" and before.kind != "sep":
            yield tokens[:i], tokens[i:]


def _attempt(read: Callable[[list[Token]], T], part: list[Token]) -> tuple[T | None, str | None]:
    try:
        return read(part), None
    except ParseProblem as problem:
        return None, problem.code


def from_picker(params: dict, zone: tzinfo | None = None) -> date | time | datetime:
    """Read a LINE date/time picker postback's params: date, time, or datetime (given `zone`)."""
    for key, (shape, read) in _PICKER.items():
        value = params.get(key)
        if isinstance(value, str) and shape.fullmatch(value):
            try:
                picked = read(value)
            except ValueError:
                break
            if isinstance(picked, datetime) and zone is not None:
                picked = picked.replace(tzinfo=zone)
            return picked
    raise DateTimeProblem("unreadable")
