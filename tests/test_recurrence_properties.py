"""Repeating times, for any weekday, time, order and "now": every occurrence falls on the stated
weekday at the stated Bangkok time, after now and within three months, in the right week; what
the bot says back reads back to the same rule."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.parsing.recurrence import RecurrenceProblem, parse_recurrence
from storage.recurrence_rule import HORIZON, THAI_DAYS, Recurrence

BANGKOK = ZoneInfo("Asia/Bangkok")
ORDINALS = {1: "แรก", 2: "ที่สอง", 3: "ที่สาม", 4: "ที่สี่", -1: "สุดท้าย"}

nows = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2032, 12, 31), timezones=st.just(UTC)
)
clock_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
weekdays = st.integers(0, 6)


def _typed_time(at: time) -> str:
    return f"{at:%H.%M} น."


@settings(max_examples=150, deadline=None)
@given(weekday=weekdays, at=clock_times, now=nows, every_other=st.booleans())
def test_weekly_occurrences_fall_on_the_weekday_at_the_time(weekday, at, now, every_other):
    lead = "ทุกสองสัปดาห์" if every_other else "ทุก"
    rule = parse_recurrence(f"{lead}วัน{THAI_DAYS[weekday]} {_typed_time(at)}")
    found = rule.occurrences(now, now + HORIZON, BANGKOK)
    assert len(found) >= (6 if every_other else 12)
    for start in found:
        assert start.weekday() == weekday and start.time() == at
        assert start.utcoffset() == timedelta(hours=7)  # no daylight saving in Thailand
        assert now < start <= now + HORIZON
    gap = timedelta(weeks=2 if every_other else 1)
    assert all(b - a == gap for a, b in zip(found, found[1:], strict=False))
    assert found[0] - now <= timedelta(weeks=1)  # the first such weekday ahead, none skipped


@settings(max_examples=150, deadline=None)
@given(weekday=weekdays, at=clock_times, now=nows, order=st.sampled_from([1, 2, 3, 4, -1]))
def test_monthly_occurrences_are_the_nth_weekday_of_each_month(weekday, at, now, order):
    typed = f"ทุกวัน{THAI_DAYS[weekday]}{ORDINALS[order]}ของเดือน {_typed_time(at)}"
    rule = parse_recurrence(typed)
    found = rule.occurrences(now, now + HORIZON, BANGKOK)
    assert 2 <= len(found) <= 4
    months = [(s.year, s.month) for s in found]
    assert len(set(months)) == len(months)  # one a month
    for start in found:
        assert start.weekday() == weekday and start.time() == at
        assert now < start <= now + HORIZON
        if order > 0:
            assert (order - 1) * 7 < start.day <= order * 7
        else:
            assert (start + timedelta(days=7)).month != start.month  # the last one


@settings(max_examples=100, deadline=None)
@given(
    weekday=weekdays,
    at=clock_times,
    kind=st.sampled_from(["weekly", "biweekly", "nth"]),
    order=st.sampled_from([1, 2, 3, 4, -1]),
)
def test_what_the_bot_says_back_reads_back_to_the_same_rule(weekday, at, kind, order):
    rule = Recurrence(
        "monthly" if kind == "nth" else "weekly", weekday, at,
        interval=2 if kind == "biweekly" else 1, ordinal=order if kind == "nth" else None,
    )  # fmt: skip
    for language in ("th", "en"):
        again = parse_recurrence(rule.describe(language))
        assert again == rule, (language, rule.describe(language))
    assert Recurrence.from_rule(rule.rule(), at) == rule


@pytest.mark.parametrize(
    ("typed", "rule", "first"),
    [
        ("ทุกวันอังคารแรกของเดือน 13.30 น.", "FREQ=MONTHLY;BYDAY=+1TU", "2026-12-01 13:30"),
        ("ทุกวันพุธ 9 โมง", "FREQ=WEEKLY;BYDAY=WE", "2026-11-25 09:00"),
        ("ทุกสองสัปดาห์วันศุกร์ 10 โมงค่ะ", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-27 10:00"),
        ("ทุก ๒ อาทิตย์ วันศุกร์ บ่ายโมง", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-27 13:00"),
        ("ประชุมทุกๆวันจันทร์ เวลา 8.30 น. นะคะ", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30 08:30"),
        ("ทุกวันศุกร์สุดท้ายของเดือน 13.30-16.30 น.", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27 13:30"),
        ("ทุกวันที่ 15 ของเดือน 10.00", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15 10:00"),
        ("every other Friday 14:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-27 14:00"),
        ("the first Tuesday of the month 13:30", "FREQ=MONTHLY;BYDAY=+1TU", "2026-12-01 13:30"),
        # Tuesday 24 Nov at 10:00: today's 9:00 has passed, so next week's is the first.
        ("ทุกวันอังคาร 9 โมง", "FREQ=WEEKLY;BYDAY=TU", "2026-12-01 09:00"),
    ],
)
def test_the_ways_coordinators_write_it(typed, rule, first):
    now = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)
    found = parse_recurrence(typed)
    assert found.rule() == rule
    assert f"{found.occurrences(now, now + HORIZON, BANGKOK)[0]:%Y-%m-%d %H:%M}" == first


@pytest.mark.parametrize(
    ("typed", "code"),
    [("ทุกวันพุธ", "no_time"), ("ทุกสองสัปดาห์วันศุกร์", "no_time"), ("ทุกวันพุธ บ่ายๆ", "unreadable"),
     ("ประชุมทุกเดือน", "unreadable")],
)  # fmt: skip
def test_what_cannot_be_read_says_why(typed, code):
    with pytest.raises(RecurrenceProblem) as problem:
        parse_recurrence(typed)
    assert problem.value.code == code
