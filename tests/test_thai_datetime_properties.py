"""Every way of writing a day or a time that the parser accepts reads back as that day or time."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from handlers.parsing import (
    DateProblem,
    DateTimeProblem,
    TimeProblem,
    format_date,
    format_thai_date,
    format_thai_time,
    parse_date,
    parse_datetime,
    parse_time,
)
from handlers.parsing.vocabulary import (
    ENGLISH_MONTHS_LONG,
    THAI_MONTHS_LONG,
    THAI_MONTHS_SHORT,
    THAI_MONTHS_SPOKEN,
    THAI_WEEKDAYS,
)
from messages.catalog import catalog

BANGKOK = ZoneInfo("Asia/Bangkok")
HINTS = catalog()
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
DAYS = st.dates(date(1950, 1, 1), date(2100, 12, 31))
TODAYS = st.dates(date(1980, 1, 1), date(2080, 12, 31))


def written(d: date, form: str) -> list[str]:
    """Write `d` in `form` as parts; parts that are both numbers need a separator between."""
    be, ce = str(d.year + 543), str(d.year)
    day, month = str(d.day), str(d.month)
    short, long = THAI_MONTHS_SHORT[d.month - 1], THAI_MONTHS_LONG[d.month - 1]
    english = ENGLISH_MONTHS_LONG[d.month - 1]
    return {
        "slash_be": [day, "/", month, "/", be],
        "slash_ce": [day, "/", month, "/", ce],
        "dash_be": [day.zfill(2), "-", month.zfill(2), "-", be],
        "dot_ce": [day, ".", month, ".", ce],
        "space_be": [day, month, be],
        "iso": [ce, "-", month.zfill(2), "-", day.zfill(2)],
        "thai_short_be": [day, short, be],
        "thai_short_nodots_be": [day, short.replace(".", ""), be],
        "thai_short_ce": [day, short, "ค.ศ.", ce],
        "thai_long_be": [day, long, be],
        "thai_spoken_be": [day, THAI_MONTHS_SPOKEN[d.month - 1], be],
        "formal": ["วัน" + THAI_WEEKDAYS[d.weekday()][0] + "ที่", day, long, "พ.ศ.", be],
        "english": [day, english[:3], ce],
        "english_us": [english, day + ",", ce],
    }[form]


FORMS = st.sampled_from(
    [
        "slash_be",
        "slash_ce",
        "dash_be",
        "dot_ce",
        "space_be",
        "iso",
        "thai_short_be",
        "thai_short_nodots_be",
        "thai_short_ce",
        "thai_long_be",
        "thai_spoken_be",
        "formal",
        "english",
        "english_us",
    ]
)


@st.composite
def typed(draw, parts: list[str]) -> str:
    """Join parts with any spacing members use (none where allowed), digits Thai or not."""
    text = parts[0]
    for before, part in zip(parts, parts[1:], strict=False):
        needs_space = (
            before[-1].isdigit()
            and part[0].isdigit()
            or before[-1].isascii()
            and (before[-1].isalpha() and part[0].isalnum())
        )
        text += " " * draw(st.integers(1 if needs_space else 0, 3)) + part
    digits = draw(st.sampled_from(["arabic", "thai", "mixed"]))
    if digits == "thai":
        text = text.translate(THAI_DIGITS)
    elif digits == "mixed":
        text = "".join(ch.translate(THAI_DIGITS) if draw(st.booleans()) else ch for ch in text)
    return " " * draw(st.integers(0, 2)) + text + " " * draw(st.integers(0, 2))


@given(DAYS, FORMS, TODAYS, st.data())
def test_every_written_form_reads_back(d, form, today, data):
    assert parse_date(data.draw(typed(written(d, form))), today) == d


@given(TODAYS, st.integers(-7300, 7300), st.sampled_from(["be", "ce"]), st.booleans(), st.data())
def test_two_digit_years_within_twenty_years_read_back(today, offset, era, thai_month, data):
    d = today + timedelta(days=offset)
    year = str((d.year + 543 if era == "be" else d.year) % 100).zfill(2)
    month = THAI_MONTHS_SHORT[d.month - 1] if thai_month else str(d.month)
    parts = [str(d.day), month, year] if thai_month else [str(d.day), "/", month, "/", year]
    assert parse_date(data.draw(typed(parts)), today) == d


@given(DAYS, st.sampled_from(["short", "long"]), TODAYS)
def test_what_the_bot_shows_reads_back(d, style, today):
    assert parse_date(format_thai_date(d, style), today) == d
    assert parse_date(format_date(d, "en", style), today) == d


@given(DAYS)
def test_a_day_without_its_year_is_this_year(d):
    today = d.replace(month=1, day=1)
    assert parse_date(f"{d.day}/{d.month}", today) == d
    assert parse_date(f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]}", today) == d


@given(TODAYS, st.integers(0, 62), st.booleans())
def test_a_day_of_the_month_with_nee_is_the_coming_one(today, ahead, with_weekday):
    """ "พฤหัสที่ 10 นี้": the first 10th from today on; a weekday that disagrees is a mismatch."""
    d = today + timedelta(days=ahead)
    if any((today + timedelta(days=k)).day == d.day for k in range(ahead)):
        return  # an earlier day with this number comes first
    weekday = THAI_WEEKDAYS[d.weekday()][0] if with_weekday else ""
    assert parse_date(f"{weekday}ที่ {d.day} นี้", today) == d
    other = THAI_WEEKDAYS[(d.weekday() + 1) % 7][0]
    try:
        parse_date(f"{other}ที่ {d.day} นี้", today)
    except DateProblem as problem:
        assert problem.code == "mismatch"
    else:
        raise AssertionError("a weekday that is not the day's was accepted")


@given(TODAYS, st.integers(0, 6), st.sampled_from([0, 1]))
def test_weekday_rules(today, index, language):
    thai = "วัน" + THAI_WEEKDAYS[index][0]
    english = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[index]
    name = (thai, english)[language]
    this_monday = today - timedelta(days=today.weekday())
    readings = {
        "past": parse_date(name, today, bare_weekday="past"),
        "future": parse_date(name, today, bare_weekday="future"),
        "this": parse_date((f"{thai}นี้", f"this {english}")[language], today),
        "next": parse_date((f"{thai}หน้า", f"next {english}")[language], today),
        "before": parse_date((f"{thai}ที่ผ่านมา", f"last {english}")[language], today),
        "last_week": parse_date(f"{thai}ที่แล้ว", today),
    }
    assert all(day.weekday() == index for day in readings.values())
    assert 0 <= (today - readings["past"]).days <= 6
    assert 0 <= (readings["future"] - today).days <= 6
    assert readings["this"] == readings["future"]
    assert 7 <= (readings["next"] - this_monday).days <= 13
    assert 1 <= (today - readings["before"]).days <= 7
    assert -7 <= (readings["last_week"] - this_monday).days <= -1


TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def said_in_thai(t: time) -> str:
    """Say a time on the Thai six-hour clock, written independently of the parser."""
    h, m = t.hour, t.minute
    minutes = "" if m == 0 else "ครึ่ง" if m == 30 else f" {m} นาที"
    if h == 0:
        return "เที่ยงคืน" + minutes
    if h <= 5:
        return f"ตี {h}" + minutes
    if h <= 11:
        return f"{h} โมงเช้า" + minutes
    if h == 12:
        return "เที่ยง" + minutes
    if h <= 15:
        return f"บ่าย {h - 12} โมง" + minutes
    if h <= 18:
        return f"{h - 12} โมงเย็น" + minutes
    return f"{h - 18} ทุ่ม" + minutes


def clock_forms(t: time) -> list[str]:
    twelve = f"{t.hour % 12 or 12}:{t.minute:02d} {'pm' if t.hour >= 12 else 'am'}"
    return [
        f"{t:%H.%M} น.",
        f"{t:%H:%M}",
        f"{t.hour}.{t.minute:02d} น.",
        f"{t:%H.%M}",
        f"{t:%H%M} น.",
        format_thai_time(t),
        twelve,
        said_in_thai(t),
    ]


@given(TIMES, st.integers(0, 7), st.booleans())
def test_every_time_form_reads_back(t, form, thai_digits):
    text = clock_forms(t)[form]
    assert parse_time(text.translate(THAI_DIGITS) if thai_digits else text) == t


@given(DAYS, FORMS, TIMES, st.integers(0, 7), st.booleans(), TODAYS, st.data())
def test_date_and_time_together_in_either_order(d, form, t, time_form, time_first, today, data):
    day_text = data.draw(typed(written(d, form)))
    time_text = clock_forms(t)[time_form]
    text = f"{time_text} {day_text}" if time_first else f"{day_text} {time_text}"
    now = datetime.combine(today, time(8, 0), tzinfo=BANGKOK)
    assert parse_datetime(text, now) == datetime.combine(d, t, tzinfo=BANGKOK)


@given(TIMES, st.sampled_from(["พรุ่งนี้", "วันนี้", "เมื่อวาน", "มะรืน"]), TODAYS)
def test_thai_words_without_spaces(t, day_word, today):
    now = datetime.combine(today, time(8, 0), tzinfo=BANGKOK)
    expected = parse_date(day_word, today)
    thai_time = re.sub(r" (?!\d)|(?<!\d) ", "", said_in_thai(t))  # a space only between numbers
    assert parse_datetime(day_word + thai_time, now) == datetime.combine(expected, t, BANGKOK)
    assert parse_datetime(thai_time + day_word, now) == datetime.combine(expected, t, BANGKOK)


PIECES = st.sampled_from(
    ["9", "13", "2564", "๙", "/", ".", ":", "-", " ", ",", "ส.ค.", "สิงหาคม", "Aug", "วันที่",
     "วันจันทร์", "หน้า", "ที่แล้ว", "พ.ศ.", "โมง", "บ่าย", "ทุ่ม", "ตี", "ครึ่ง", "น.", "pm",
     "เที่ยง", "พรุ่งนี้", "สอง", "สิบ", "อีก", "วัน", "ก่อน", "เมื่อ", "x", "ค่ะ", "😀"]
)  # fmt: skip


@given(st.one_of(st.lists(PIECES, max_size=8).map("".join), st.text(max_size=20)), TODAYS)
def test_any_text_is_read_or_refused_with_a_hint(text, today):
    now = datetime.combine(today, time(8, 0), tzinfo=BANGKOK)
    for read, kind, problem in (
        (lambda: parse_date(text, today), date, DateProblem),
        (lambda: parse_time(text), time, TimeProblem),
        (lambda: parse_datetime(text, now), datetime, DateTimeProblem),
    ):
        try:
            assert isinstance(read(), kind)
        except problem as refused:
            assert refused.catalog_key in HINTS
