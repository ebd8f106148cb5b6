"""Read a calendar day as Thai members type it: relative words, weekdays, numbers, month names.

Rules for what is ambiguous (`today` always comes from the caller):

- Numbers are day/month/year, never month/day; a 4-digit first number is a year (2021-08-09).
- A missing year means this year (9/8, 9 ส.ค.), even if that day is still to come.
- A 4-digit year from 2400 on is Buddhist era (2564 → 2021), below it Common Era; พ.ศ./B.E. or
  ค.ศ./A.D. beside the year decide instead. A 2-digit year is read in both eras and every
  century (64 → 2564 BE = 2021, 1964, 2064, ...) and the reading whose date is nearest `today`
  wins (ties to the earlier); the two eras are 43 years apart, so within ±21 years of today
  every 2-digit year means what the member meant.
- Weekdays. Weeks run Monday to Sunday, as Thai calendars print them; "next week" is the
  calendar week after the one holding today, whatever day today is.
  bare (วันจันทร์, monday): `bare_weekday="past"` → the latest one on or before today,
  "future" → the first one on or after today; เมื่อ (เมื่อวันจันทร์) always means past.
  นี้ / ที่จะถึงนี้ / this: the coming one, on or after today: on a Tuesday, วันอังคารนี้ is
  today (a time already gone is then refused as past, never moved a week on unasked); on a
  Wednesday it is the Tuesday six days on (with เมื่อ: on or before today).
  หน้า / สัปดาห์หน้า / next: the one in next calendar week, never one in this week: on a Monday
  วันอังคารหน้า is 8 days on, not tomorrow; on a Saturday it is 3 days on (this week's Tuesday
  is gone). The week word may come first: สัปดาห์หน้าวันอังคาร, Tuesday next week.
  ที่แล้ว / ก่อน: the one in last week.  ที่ผ่านมา / last: the latest one before today.
  "อาทิตย์หน้า" without วัน means next week, not a day, so it is refused; วันอาทิตย์หน้า is read.
- A day of the month with นี้ ("ที่ 10 นี้", "พฤหัสที่ 10 นี้"): the coming 10th, today or later,
  this month or the next; a weekday beside it must agree.
- A weekday or a relative word beside a full date must name the same day, or it is "mismatch".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from handlers.parsing.problems import DateProblem
from handlers.parsing.tokens import Token, normalize, tokenize, without

BUDDHIST_ERA_OFFSET = 543
BUDDHIST_ERA_FROM = 2400
WEEKDAY_RULES = ("past", "future")
_IGNORED = frozenset({"date_filler", "polite"})
_DATE_MARKS = frozenset("/-., ")


def parse_date(text: str, today: date, *, bare_weekday: str = "past") -> date:
    """Return the day `text` names, reading relative words against `today`; raise DateProblem."""
    if bare_weekday not in WEEKDAY_RULES:
        raise ValueError(f"bare_weekday must be one of {WEEKDAY_RULES}")
    folded = normalize(text)
    if not folded:
        raise DateProblem("empty")
    tokens = tokenize(folded)
    if tokens is None:
        raise DateProblem("unreadable")
    return date_from_tokens(tokens, today, bare_weekday)


def date_from_tokens(tokens: list[Token], today: date, bare_weekday: str) -> date:
    """Return the day the tokens name; every way they name it must agree."""
    tokens = _weekday_first(without(tokens, _IGNORED))
    named: list[date] = []
    tokens = _coming_day_of_month(tokens, today, named)
    said_past = False
    weekdays: list[tuple[int, str | None]] = []
    era: str | None = None
    rest: list[Token] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.kind == "past_marker":
            said_past = True
        elif token.kind == "era":
            if era not in (None, token.value):
                raise DateProblem("unreadable")
            era = str(token.value)
        elif token.kind == "day":
            named.append(today + timedelta(days=int(token.value)))
        elif token.kind == "weekday":
            when, position = _when_after(tokens, position)
            index, with_wan = token.value
            if when and not with_wan and index == 6:
                raise DateProblem("unreadable")  # อาทิตย์หน้า: next week
            weekdays.append((index, when))
        else:
            rest.append(token)
        position += 1
    rest = without(rest, frozenset())
    if rest:
        named.append(_counted_days(rest, today) or _written_date(rest, era, today))
    elif era:
        raise DateProblem("unreadable")
    if len(weekdays) > 1:
        raise DateProblem("unreadable")
    for index, when in weekdays:
        if not named:
            # นี้ is the coming one; เมื่อ (เมื่อวันจันทร์นี้) turns any weekday to the past.
            rule = "past" if said_past else ("future" if when == "this" else bare_weekday)
            named.append(weekday_date(index, None if when == "this" else when, rule, today))
        elif any(day.weekday() != index for day in named):
            raise DateProblem("mismatch")
    if not named:
        raise DateProblem("unreadable")
    if len(set(named)) > 1:
        raise DateProblem("mismatch")
    return named[0]


def _coming_day_of_month(tokens: list[Token], today: date, named: list[date]) -> list[Token]:
    """Read "ที่ 10 นี้" (a day of the month, then นี้) as the coming 10th, this month or next.

    The day goes into `named`, so a weekday beside it ("พฤหัสที่ 10 นี้") must agree with it.
    """
    for i, token in enumerate(tokens):
        if token.kind != "num" or not token.digits or len(token.text) > 2:
            continue
        after = next((j for j in range(i + 1, len(tokens)) if tokens[j].kind != "sep"), None)
        if after is None or tokens[after].kind != "when" or tokens[after].value != "this":
            continue
        if any(t.kind in ("num", "month") for k, t in enumerate(tokens) if k not in (i, after)):
            return tokens  # "10 ธ.ค. นี้" or "10/12 นี้": a written date, read as such
        day = int(token.value)
        if not 1 <= day <= 31:
            raise DateProblem("impossible")
        year, month = today.year, today.month
        for _ in range(3):  # the 31st may skip a short month (or two)
            if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= today:
                named.append(date(year, month, day))
                return tokens[:i] + tokens[i + 1 : after] + tokens[after + 1 :]
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tokens


def _weekday_first(tokens: list[Token]) -> list[Token]:
    """Put the week word after the weekday, so one rule reads every order.

    "next monday" and "สัปดาห์หน้าวันจันทร์" become จันทร์หน้า; "อาทิตย์หน้าวันจันทร์" (อาทิตย์ is
    the week here) becomes วันจันทร์อาทิตย์หน้า, which `_when_after` reads.
    """
    tokens = list(tokens)
    i = 0
    while i < len(tokens):
        week = 2 if tokens[i].value == (6, False) and _kind(tokens, i + 1) == "when" else 1
        if week == 1 and tokens[i].kind != "when":
            i += 1
            continue
        day = i + week + (_kind(tokens, i + week) == "sep")
        if _kind(tokens, day) == "weekday":
            tokens[i : day + 1] = [tokens[day], *tokens[i:day]]
            i = day + 1
        else:
            i += 1
    return tokens


def _kind(tokens: list[Token], position: int) -> str | None:
    return tokens[position].kind if position < len(tokens) else None


def _when_after(tokens: list[Token], position: int) -> tuple[str | None, int]:
    """Find which occurrence follows a weekday: จันทร์หน้า, วันจันทร์อาทิตย์หน้า (week)."""
    after = [i for i in range(position + 1, len(tokens)) if tokens[i].kind != "sep"][:2]
    if after and tokens[after[0]].kind == "when":
        return str(tokens[after[0]].value), after[0]
    if len(after) == 2 and tokens[after[0]].value == (6, False) and tokens[after[1]].kind == "when":
        return str(tokens[after[1]].value), after[1]  # "อาทิตย์" here is the week
    return None, position


def weekday_date(index: int, when: str | None, rule: str, today: date) -> date:
    """Return the day of weekday `index` (Monday 0) that `when` picks, by the module's rules."""
    in_this_week = today + timedelta(days=index - today.weekday())
    if when == "next":
        return in_this_week + timedelta(days=7)
    if when == "last":
        return in_this_week - timedelta(days=7)
    back = (today.weekday() - index) % 7
    if when == "past":
        return today - timedelta(days=back or 7)
    if rule == "future":
        return today + timedelta(days=(index - today.weekday()) % 7)
    return today - timedelta(days=back)


def _counted_days(tokens: list[Token], today: date) -> date | None:
    """Read "3 วันก่อน", "เมื่อ 3 วันที่แล้ว", "อีก 3 วัน", "3 days ago", "in 3 days"."""
    kinds = [t.kind for t in tokens if t.kind != "sep"]
    numbers = [t for t in tokens if t.kind == "num"]
    if kinds == ["num", "ago"] and numbers[0].digits and len(numbers[0].text) <= 3:
        return today - timedelta(days=int(numbers[0].value))
    if kinds == ["ahead", "num", "unit_day"] and numbers[0].digits and len(numbers[0].text) <= 3:
        return today + timedelta(days=int(numbers[0].value))
    return None


def _written_date(tokens: list[Token], era: str | None, today: date) -> date:
    """Read a day written with numbers and month names: 9/8/2564, 9 ส.ค. 64, August 9, 2021."""
    if any(t.kind == "sep" and not set(str(t.value)) <= _DATE_MARKS for t in tokens):
        raise DateProblem("unreadable")
    parts = [t for t in tokens if t.kind != "sep"]
    if any(t.kind not in ("num", "month") or (t.kind == "num" and not t.digits) for t in parts):
        raise DateProblem("unreadable")
    shape = "".join("M" if t.kind == "month" else "N" for t in parts)
    year: Token | None = None
    if shape in ("NM", "NMN"):
        day, month, year = parts[0], parts[1], (parts[2] if len(parts) == 3 else None)
    elif shape in ("MN", "MNN"):
        month, day, year = parts[0], parts[1], (parts[2] if len(parts) == 3 else None)
    elif shape == "NN" and len(parts[0].text) <= 2:
        day, month = parts
    elif shape == "NNN" and len(parts[0].text) == 4:
        year, month, day = parts
    elif shape == "NNN":
        day, month, year = parts
    else:
        raise DateProblem("unreadable")
    if len(day.text) > 2 or (month.kind == "num" and len(month.text) > 2):
        raise DateProblem("unreadable")
    if year is None and era:
        raise DateProblem("unreadable")
    d, m = int(day.value), int(month.value)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        raise DateProblem("impossible")
    if year is None:
        return _make(today.year, m, d)
    return _with_year(year.text, era, m, d, today)


def _with_year(digits: str, era: str | None, month: int, day: int, today: date) -> date:
    """Apply the year rules of the module docstring to a year typed with 2 or 4 digits."""
    value = int(digits)
    if len(digits) == 4:
        buddhist = era == "be" or (era is None and value >= BUDDHIST_ERA_FROM)
        return _make(value - BUDDHIST_ERA_OFFSET if buddhist else value, month, day)
    if len(digits) != 2:
        raise DateProblem("unreadable")
    common = [1900 + value, 2000 + value, 2100 + value]
    buddhist = [2400 + value - BUDDHIST_ERA_OFFSET + 100 * c for c in range(3)]
    years = {"be": buddhist, "ce": common}.get(era or "", common + buddhist)
    readings = [date(y, month, day) for y in years if day <= calendar.monthrange(y, month)[1]]
    if not readings:
        raise DateProblem("impossible")
    return min(readings, key=lambda reading: (abs((reading - today).days), reading))


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem("impossible") from None
