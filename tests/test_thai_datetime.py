"""Dates and times as members type them, in Thai and English; refusals name what to fix."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from handlers.parsing import (
    DateProblem,
    DateTimeProblem,
    TimeProblem,
    format_date,
    format_datetime,
    format_thai_date,
    format_thai_datetime,
    format_time,
    from_picker,
    parse_date,
    parse_datetime,
    parse_time,
)
from handlers.parsing.problems import ALL_PROBLEMS
from messages.catalog import catalog
from messages.catalog.dates import EXAMPLES

BANGKOK = ZoneInfo("Asia/Bangkok")
TODAY = date(2026, 3, 18)  # a Wednesday
NOW = datetime(2026, 3, 18, 10, 0, tzinfo=BANGKOK)
AUG_9 = date(2021, 8, 9)  # the day of the meeting in the news item: a Monday

DATES = [
    # Words for days near today.
    ("วันนี้", TODAY),
    ("เมื่อวาน", date(2026, 3, 17)),
    ("เมื่อวานนี้", date(2026, 3, 17)),
    ("เมื่อวานซืน", date(2026, 3, 16)),
    ("พรุ่งนี้", date(2026, 3, 19)),
    ("มะรืน", date(2026, 3, 20)),
    ("มะรืนนี้", date(2026, 3, 20)),
    ("today", TODAY),
    ("Yesterday", date(2026, 3, 17)),
    ("tomorrow", date(2026, 3, 19)),
    ("3 วันก่อน", date(2026, 3, 15)),
    ("เมื่อ 3 วันที่แล้ว", date(2026, 3, 15)),
    ("อีก 2 วัน", date(2026, 3, 20)),
    ("2 days ago", date(2026, 3, 16)),
    ("เมื่อวานค่ะ", date(2026, 3, 17)),
    # Numbers, day first, with / - . or spaces; a missing year is this year.
    ("9/8/2564", AUG_9),
    ("9-8-64", AUG_9),
    ("09.08.2021", AUG_9),
    ("9 8 2564", AUG_9),
    ("  9 /  8 / 2564 ", AUG_9),
    ("9/8/21", AUG_9),
    ("9/8", date(2026, 8, 9)),
    ("2021-08-09", AUG_9),
    ("2564-08-09", AUG_9),
    ("29/2/2563", date(2020, 2, 29)),
    # Thai month names: short with or without dots and spaces, long, spoken; Thai digits.
    ("9 ส.ค. 64", AUG_9),
    ("9 สค 2564", AUG_9),
    ("9 ส. ค. 2564", AUG_9),
    ("9ส.ค.64", AUG_9),
    ("9สค2564", AUG_9),
    ("9 สิงหาคม 2564", AUG_9),
    ("9 สิงหา 64", AUG_9),
    ("๙ ส.ค. ๖๔", AUG_9),
    ("๙/๘/๒๕๖๔", AUG_9),
    ("9 ส.ค.", date(2026, 8, 9)),
    ("1 ม.ค. 2565", date(2022, 1, 1)),
    ("28 กุมภาพันธ์ 2569", date(2026, 2, 28)),
    ("5 กรกฏาคม 2564", date(2021, 7, 5)),
    # Leading day names and วันที่, era markers before or after the year.
    ("วันที่ 9 ส.ค. 2564", AUG_9),
    ("วันจันทร์ที่ 9 สิงหาคม พ.ศ. 2564", AUG_9),
    ("จันทร์ 9 ส.ค. 64", AUG_9),
    ("เมื่อวันที่ 9 ส.ค. 64", AUG_9),
    ("9 ส.ค. 2564 พ.ศ.", AUG_9),
    ("9 ส.ค. ค.ศ. 2021", AUG_9),
    ("9 ส.ค. พ.ศ. 64", AUG_9),
    # English month names.
    ("9 Aug 2021", AUG_9),
    ("9 August 2021", AUG_9),
    ("August 9, 2021", AUG_9),
    ("Aug. 9 2021", AUG_9),
    ("Monday, 9 August 2021", AUG_9),
    ("the 9th of August 2021", AUG_9),
    ("9 Sept 2021", date(2021, 9, 9)),
]


@pytest.mark.parametrize(("typed", "expected"), DATES)
def test_dates_as_members_type_them(typed, expected):
    assert parse_date(typed, TODAY) == expected


# Today is Wednesday 18 March 2026: Monday 16 is behind, Friday 20 ahead.
WEEKDAYS = [
    ("วันจันทร์", "past", date(2026, 3, 16)),
    ("วันจันทร์", "future", date(2026, 3, 23)),
    ("วันพุธ", "past", TODAY),
    ("วันพุธ", "future", TODAY),
    ("ศุกร์", "past", date(2026, 3, 13)),
    ("เมื่อวันศุกร์", "future", date(2026, 3, 13)),
    ("ศุกร์นี้", "past", date(2026, 3, 20)),
    ("วันศุกร์หน้า", "past", date(2026, 3, 27)),
    ("จันทร์หน้า", "past", date(2026, 3, 23)),
    ("จันทร์ที่แล้ว", "future", date(2026, 3, 9)),
    ("วันศุกร์ที่แล้ว", "past", date(2026, 3, 13)),
    ("วันจันทร์ที่ผ่านมา", "future", date(2026, 3, 16)),
    ("วันพุธที่ผ่านมา", "past", date(2026, 3, 11)),
    ("วันอาทิตย์หน้า", "past", date(2026, 3, 29)),
    ("วันจันทร์สัปดาห์หน้า", "past", date(2026, 3, 23)),
    ("วันพฤหัสฯ", "past", date(2026, 3, 12)),
    ("last Monday", "future", date(2026, 3, 16)),
    ("next friday", "past", date(2026, 3, 27)),
    ("this Friday", "past", date(2026, 3, 20)),
    ("Tuesday", "past", date(2026, 3, 17)),
]


@pytest.mark.parametrize(("typed", "rule", "expected"), WEEKDAYS)
def test_weekdays_follow_the_documented_rules(typed, rule, expected):
    assert parse_date(typed, TODAY, bare_weekday=rule) == expected


def test_two_digit_years_take_the_era_nearest_today():
    assert parse_date("9/8/64", date(2026, 1, 1)) == date(2021, 8, 9)  # 2564 BE, not 2064
    assert parse_date("9/8/21", date(2026, 1, 1)) == date(2021, 8, 9)  # 2021, not 2521 BE
    assert parse_date("9/8/69", date(2026, 1, 1)) == date(2026, 8, 9)  # 2569 BE
    assert parse_date("9/8/95", date(2026, 1, 1)) == date(2052, 8, 9)  # 2595 BE beats 1995
    assert parse_date("9/8/95", date(2000, 1, 1)) == date(1995, 8, 9)


DATE_REFUSALS = [
    ("", "empty"),
    ("   ", "empty"),
    ("abc", "unreadable"),
    ("วันที่", "unreadable"),
    ("9", "unreadable"),
    ("สิงหาคม 2564", "unreadable"),
    ("9/8/564", "unreadable"),
    ("9 ส.ค. 13:30", "unreadable"),
    ("อาทิตย์หน้า", "unreadable"),  # next week, not a day
    ("31/2/2564", "impossible"),
    ("32/1/64", "impossible"),
    ("0/1/2564", "impossible"),
    ("9/13/2564", "impossible"),
    ("29/2/2565", "impossible"),
    ("29/2", "impossible"),  # 2026 is not a leap year
    ("31 เม.ย. 64", "impossible"),
    ("วันอังคารที่ 9 ส.ค. 64", "mismatch"),
    ("พรุ่งนี้ 9 ส.ค. 64", "mismatch"),
]


@pytest.mark.parametrize(("typed", "code"), DATE_REFUSALS)
def test_dates_refused_with_a_reason(typed, code):
    with pytest.raises(DateProblem) as refused:
        parse_date(typed, TODAY)
    assert refused.value.code == code
    assert refused.value.catalog_key == f"date.problem.{code}"


TIMES = [
    ("13.30 น.", time(13, 30)),
    ("13:30", time(13, 30)),
    ("13.30", time(13, 30)),
    ("1330 น.", time(13, 30)),
    ("1330", time(13, 30)),
    ("เวลา 13.30 น.", time(13, 30)),
    ("๑๓.๓๐ น.", time(13, 30)),
    ("9.00 น.", time(9, 0)),
    ("09:05", time(9, 5)),
    ("13 น.", time(13, 0)),
    ("13 นาฬิกา 30 นาที", time(13, 30)),
    ("9 โมง", time(9, 0)),
    ("9 โมงเช้า", time(9, 0)),
    ("เก้าโมงเช้า", time(9, 0)),
    ("โมงเช้า", time(7, 0)),
    ("สองโมงเช้า", time(8, 0)),
    ("บ่าย 2", time(14, 0)),
    ("บ่าย 2 โมง", time(14, 0)),
    ("บ่ายสองโมง", time(14, 0)),
    ("บ่ายโมง", time(13, 0)),
    ("บ่ายโมงครึ่ง", time(13, 30)),
    ("บ่ายสองโมงครึ่ง", time(14, 30)),
    ("บ่าย 2.30", time(14, 30)),
    ("4 โมง", time(16, 0)),
    ("4 โมงเย็น", time(16, 0)),
    ("6 โมงเย็น", time(18, 0)),
    ("1 ทุ่ม", time(19, 0)),
    ("ทุ่มนึง", time(19, 0)),
    ("สามทุ่มครึ่ง", time(21, 30)),
    ("ตี 5", time(5, 0)),
    ("ตีห้าครึ่ง", time(5, 30)),
    ("เที่ยง", time(12, 0)),
    ("เที่ยงครึ่ง", time(12, 30)),
    ("เที่ยงวัน", time(12, 0)),
    ("เที่ยงคืน", time(0, 0)),
    ("9 โมง 15 นาที", time(9, 15)),
    ("เก้าโมงสิบห้านาที", time(9, 15)),
    ("10 โมงตรงค่ะ", time(10, 0)),
    ("9 am", time(9, 0)),
    ("9pm", time(21, 0)),
    ("9:30 p.m.", time(21, 30)),
    ("12 am", time(0, 0)),
    ("12 pm", time(12, 0)),
    ("noon", time(12, 0)),
]


@pytest.mark.parametrize(("typed", "expected"), TIMES)
def test_times_as_members_type_them(typed, expected):
    assert parse_time(typed) == expected


TIME_REFUSALS = [
    ("", "empty"),
    ("abc", "unreadable"),
    ("9", "unreadable"),  # 09:00 or 21:00? a bare hour says neither
    ("โมง", "unreadable"),
    ("13.5", "unreadable"),
    ("9 โมงเช้า 9 am", "unreadable"),
    ("25:00", "impossible"),
    ("13.75 น.", "impossible"),
    ("24.00 น.", "impossible"),
    ("13 pm", "impossible"),
    ("ตี 9", "impossible"),
    ("บ่าย 9", "impossible"),
    ("9 โมง 75 นาที", "impossible"),
]


@pytest.mark.parametrize(("typed", "code"), TIME_REFUSALS)
def test_times_refused_with_a_reason(typed, code):
    with pytest.raises(TimeProblem) as refused:
        parse_time(typed)
    assert refused.value.code == code


DATETIMES = [
    ("9 ส.ค. 64 13.30 น.", datetime(2021, 8, 9, 13, 30)),
    ("9ส.ค.64 13.30น.", datetime(2021, 8, 9, 13, 30)),
    ("พรุ่งนี้ 9 โมง", datetime(2026, 3, 19, 9, 0)),
    ("พรุ่งนี้9โมง", datetime(2026, 3, 19, 9, 0)),
    ("2021-08-09 13:30", datetime(2021, 8, 9, 13, 30)),
    ("2021-08-09T13:30", datetime(2021, 8, 9, 13, 30)),
    ("พรุ่งนี้บ่ายสองโมงครึ่ง", datetime(2026, 3, 19, 14, 30)),
    ("13:30 9/8/2564", datetime(2021, 8, 9, 13, 30)),
    ("เวลา 13.30 น. วันจันทร์ที่ 9 สิงหาคม 2564", datetime(2021, 8, 9, 13, 30)),
    ("9 ส.ค. 10.15 น.", datetime(2026, 8, 9, 10, 15)),
    ("9/8 10 โมง", datetime(2026, 8, 9, 10, 0)),
    ("วันจันทร์ 10 โมง", datetime(2026, 3, 23, 10, 0)),  # a meeting: the coming Monday
    ("จันทร์หน้า บ่ายสอง", datetime(2026, 3, 23, 14, 0)),
    ("คืนนี้ 2 ทุ่ม", datetime(2026, 3, 18, 20, 0)),
    ("tomorrow at 9am", datetime(2026, 3, 19, 9, 0)),
    ("9 Aug 2021, 13:30", datetime(2021, 8, 9, 13, 30)),
    ("10.10 10.10", datetime(2026, 10, 10, 10, 10)),  # either order reads the same
    ("13:30", datetime(2026, 3, 18, 13, 30)),  # a time alone is today
    ("บ่ายสาม", datetime(2026, 3, 18, 15, 0)),
    ("เที่ยงวันนี้", datetime(2026, 3, 18, 12, 0)),
    ("เที่ยงวันพรุ่งนี้", datetime(2026, 3, 19, 12, 0)),
    ("พรุ่งนี้เช้า 9 โมง", datetime(2026, 3, 19, 9, 0)),
]


@pytest.mark.parametrize(("typed", "expected"), DATETIMES)
def test_date_and_time_in_either_order(typed, expected):
    parsed = parse_datetime(typed, NOW)
    assert parsed == expected.replace(tzinfo=BANGKOK)
    assert parsed.tzinfo is BANGKOK


DATETIME_REFUSALS = [
    ("", "empty"),
    ("abc", "unreadable"),
    ("2564", "unreadable"),
    ("12.10 10.12", "unreadable"),  # 12 Oct 10:12 or 10 Dec 12:10: ask again
    ("พรุ่งนี้", "no_time"),
    ("9 ส.ค. 64", "no_time"),
    ("31/2/2564 13:30", "impossible_date"),
    ("31/2/2564", "impossible_date"),
    ("9/8/64 25:00", "impossible_time"),
    ("25:00", "impossible_time"),
    ("วันอังคารที่ 9 ส.ค. 64 13.30", "mismatch"),
]


@pytest.mark.parametrize(("typed", "code"), DATETIME_REFUSALS)
def test_datetimes_refused_with_the_missing_part(typed, code):
    with pytest.raises(DateTimeProblem) as refused:
        parse_datetime(typed, NOW)
    assert refused.value.code == code


def test_a_caller_may_insist_on_a_date():
    with pytest.raises(DateTimeProblem) as refused:
        parse_datetime("13.30 น.", NOW, require_date=True)
    assert refused.value.code == "no_date"
    assert parse_datetime("พรุ่งนี้ 13.30 น.", NOW, require_date=True).day == 19


def test_the_clock_comes_from_the_caller():
    with pytest.raises(ValueError):
        parse_datetime("13:30", datetime(2026, 3, 18, 10, 0))
    with pytest.raises(ValueError):
        parse_date("วันจันทร์", TODAY, bare_weekday="soon")
    later = datetime(2030, 1, 1, 8, 0, tzinfo=BANGKOK)
    assert parse_datetime("พรุ่งนี้ 9 โมง", later) == datetime(2030, 1, 2, 9, 0, tzinfo=BANGKOK)


def test_formats_in_thai_and_english():
    assert format_thai_date(AUG_9) == "9 ส.ค. 2564"
    assert format_thai_date(AUG_9, "long") == "9 สิงหาคม 2564"
    assert format_thai_datetime(datetime(2021, 8, 9, 13, 30)) == "9 ส.ค. 2564 13:30 น."
    assert format_date(AUG_9, "th") == "9 ส.ค. 2564"
    assert format_date(AUG_9, "en") == "9 Aug 2021"
    assert format_date(AUG_9, "en", "long") == "9 August 2021"
    assert format_time(time(9, 5), "th") == "09:05 น."
    assert format_time(time(9, 5), "en") == "09:05"
    assert format_datetime(datetime(2021, 8, 9, 9, 5), "en") == "9 Aug 2021 09:05"
    with pytest.raises(ValueError):
        format_thai_date(AUG_9, "medium")


def test_line_picker_answers():
    assert from_picker({"date": "2021-08-09"}) == AUG_9
    assert from_picker({"time": "13:30"}) == time(13, 30)
    assert from_picker({"datetime": "2021-08-09T13:30"}) == datetime(2021, 8, 9, 13, 30)
    aware = from_picker({"datetime": "2021-08-09T13:30"}, BANGKOK)
    assert aware == datetime(2021, 8, 9, 13, 30, tzinfo=BANGKOK)
    for params in ({}, {"date": "2021-02-31"}, {"time": "1:30"}, {"data": "x"}):
        with pytest.raises(DateTimeProblem):
            from_picker(params)


def test_every_problem_code_has_a_hint_in_the_catalog():
    keys = {problem(code).catalog_key for problem in ALL_PROBLEMS for code in problem.codes}
    assert keys <= set(catalog())
    assert {
        key
        for key in catalog()
        if ".problem." in key and key.split(".")[0] in ("date", "time", "datetime")
    } == keys
    with pytest.raises(ValueError):
        DateProblem("far_away")


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_example_a_hint_gives_is_read(language):
    for typed in EXAMPLES["date"][language]:
        parse_date(typed, TODAY)
    for typed in EXAMPLES["time"][language]:
        parse_time(typed)
    for typed in EXAMPLES["datetime"][language]:
        parse_datetime(typed, NOW)
    assert all(
        typed in catalog()[f"{area}.problem.unreadable"][language]
        for area, examples in EXAMPLES.items()
        for typed in examples[language]
    )
