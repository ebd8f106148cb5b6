"""Read a repeating meeting time ("ทุกวันอังคารแรกของเดือน 13.30 น.") and date its occurrences.

Understood: every weekday ("ทุกวันพุธ 9 โมง", "every Wednesday 9:00"), every two weeks
("ทุกสองสัปดาห์วันศุกร์", "every other Friday"), the n-th or last weekday of the month
("ทุกวันอังคารแรกของเดือน", "วันศุกร์สุดท้ายของทุกเดือน", "first Tuesday of the month") and a
day of the month ("ทุกวันที่ 15 ของเดือน"). A time range ("13.30-16.30 น.") gives an end too.
The rule and its dates: storage/recurrence_rule.py.
"""

from __future__ import annotations

import re

from handlers.parsing.problems import TimeProblem
from handlers.parsing.times import parse_time
from handlers.parsing.tokens import normalize
from storage.recurrence_rule import ENGLISH_DAYS, HORIZON, Recurrence

__all__ = ["HORIZON", "Recurrence", "RecurrenceProblem", "looks_recurring", "parse_recurrence"]

_THAI_DAY = {"จันทร์": 0, "อังคาร": 1, "พุธ": 2, "พฤหัสบดี": 3, "พฤหัส": 3, "ศุกร์": 4,
             "เสาร์": 5, "อาทิตย์": 6}  # fmt: skip
_ORDINAL = {"แรก": 1, "หนึ่ง": 1, "1": 1, "สอง": 2, "2": 2, "สาม": 3, "3": 3, "สี่": 4, "4": 4,
            "สุดท้าย": -1, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
            "fourth": 4, "4th": 4, "last": -1}  # fmt: skip

_DAY_TH = r"(?:วัน)?(จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
_DAY_EN = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_PATTERNS = (
    # ทุกวันอังคารแรกของเดือน / ทุกวันศุกร์ที่สามของเดือน / วันศุกร์สุดท้ายของทุกเดือน
    (
        "nth",
        re.compile(
            r"(?:ทุกๆ?)?" + _DAY_TH + r"(?:ที่)?(แรก|หนึ่ง|สอง|สาม|สี่|สุดท้าย|[1-4])"
            r"ของ(?:ทุกๆ?)?เดือน(?:นี้)?"
        ),
    ),  # fmt: skip
    (
        "nth",
        re.compile(
            r"(?:every |on )?(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|last) "
            + _DAY_EN
            + r" (?:of|in) (?:the|each|every) month"
        ),
    ),  # fmt: skip
    ("monthday", re.compile(r"ทุกๆ?(?:เดือน)?วันที่ ?([12]?\d|3[01])(?: ?ของ(?:ทุกๆ?)?เดือน)?")),
    (
        "monthday",
        re.compile(
            r"(?:every month on the|on the) ([12]?\d|3[01])(?:st|nd|rd|th)?"
            r"(?: of (?:each|every) month)?"
        ),
    ),  # fmt: skip
    # ทุกสองสัปดาห์วันศุกร์ / ทุก 2 อาทิตย์ วันศุกร์ / วันศุกร์เว้นวันศุกร์
    ("biweekly", re.compile(r"ทุกๆ? ?(?:สอง|2) ?(?:สัปดาห์|อาทิตย์|อาทิตย)(?:ครั้ง)? ?" + _DAY_TH)),
    (
        "biweekly",
        re.compile(
            _DAY_TH + r" ?เว้น ?(?:วัน)?(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์"
            r"|เสาร์|อาทิตย์)|" + r"ทุกๆ? ?(?:สอง|2) ?(?:สัปดาห์|อาทิตย์)ครั้ง ?" + _DAY_TH
        ),
    ),  # fmt: skip
    (
        "biweekly",
        re.compile(r"(?:every other|every second|every 2 weeks on|fortnightly on) " + _DAY_EN),
    ),  # fmt: skip
    ("weekly", re.compile(r"ทุกๆ? ?(?:สัปดาห์ ?)?" + _DAY_TH)),
    ("weekly", re.compile(r"(?:every|each) (?:week on )?" + _DAY_EN)),
)
RECURRING_HINT = re.compile(r"ทุก|every|each|fortnightly|เว้น", re.IGNORECASE)
_FILLER = re.compile(r"(?:นัด)?ประชุม(?:ประจำ)?|ประจำ|meetings?|meet", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:–|-|ถึง|to)\s*")


class RecurrenceProblem(ValueError):
    """A repeating time the bot cannot read; `code` names the hint ("no_time", "unreadable")."""

    def __init__(self, code: str, rule: Recurrence | None = None) -> None:
        super().__init__(code)
        self.code, self.rule = code, rule  # no_time: the rule understood, waiting for a time


def looks_recurring(typed: str) -> bool:
    return bool(RECURRING_HINT.search(normalize(typed)))


def parse_recurrence(typed: str) -> Recurrence:
    """Read a repeating time; RecurrenceProblem("no_time") when only the day was given."""
    folded = normalize(typed)
    matches = ((kind, pattern.search(folded)) for kind, pattern in _PATTERNS)
    kind, found = next(((k, m) for k, m in matches if m), ("", None))
    if found is None:
        raise RecurrenceProblem("unreadable")
    day = next((g for g in found.groups() if g), "")
    weekday = _THAI_DAY.get(day, ENGLISH_DAYS.index(day) if day in ENGLISH_DAYS else None)
    if kind == "nth":
        first, second = found.group(1), found.group(2)
        if first in _ORDINAL:  # English order: "first tuesday"
            ordinal, weekday = _ORDINAL[first], ENGLISH_DAYS.index(second)
        else:  # Thai order: "อังคารแรก"
            ordinal, weekday = _ORDINAL[second], _THAI_DAY[first]
        rule = Recurrence("monthly", weekday, None, ordinal=ordinal)
    elif kind == "monthday":
        rule = Recurrence("monthly", None, None, monthday=int(found.group(1)))
    else:
        rule = Recurrence("weekly", weekday, None, interval=2 if kind == "biweekly" else 1)
    rest = (folded[: found.start()] + " " + folded[found.end() :]).strip()
    rest = re.sub(r"^(?:เวลา|ตอน|at)\s*|\s*(?:เวลา|ตอน|at)\s*(?=\d)", " ", rest).strip(" ,")
    rest = _FILLER.sub(" ", rest).strip(" ,")
    if not rest:
        raise RecurrenceProblem("no_time", rule)
    return read_time(rule, rest)


def read_time(rule: Recurrence, rest: str) -> Recurrence:
    """Add the time (or range) typed with the rule, or alone after it."""
    rest = normalize(rest)
    for split in _RANGE.finditer(rest):
        left, right = rest[: split.start()], rest[split.end() :]
        try:
            start, end = parse_time(left), parse_time(right)
        except TimeProblem:
            continue
        if end > start:
            return rule.with_time(start, end)
    try:
        return rule.with_time(parse_time(rest))
    except TimeProblem:
        raise RecurrenceProblem("no_time" if not rest else "unreadable", rule) from None
