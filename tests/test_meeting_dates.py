"""The meeting's date step: Thai forms read as Bangkok times; past, impossible and far times refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.flow import Answer, FlowState, Invalid
from handlers.meeting_steps import read_when
from handlers.parsing.thai_datetime import format_thai_datetime
from tests.meetings import BANGKOK

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)


def read(typed: str, now: datetime = NOW) -> datetime:
    ctx = SimpleNamespace(now=lambda: now.astimezone(BANGKOK), zone=BANGKOK, language="th")
    return datetime.fromisoformat(read_when(Answer("text", text=typed), FlowState(ctx, {})))


def problem(typed: str, now: datetime = NOW) -> str:
    with pytest.raises(Invalid) as refused:
        read(typed, now)
    return refused.value.key


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("พรุ่งนี้ 9 โมง", datetime(2026, 11, 25, 9, 0)),
        ("พรุ่งนี้บ่ายสองโมงครึ่ง", datetime(2026, 11, 25, 14, 30)),
        ("1 ธ.ค. 69 13.30 น.", datetime(2026, 12, 1, 13, 30)),
        ("๑ ธ.ค. ๒๕๖๙ ๑๓.๓๐ น.", datetime(2026, 12, 1, 13, 30)),
        ("2026-12-01 13:30", datetime(2026, 12, 1, 13, 30)),
        ("วันนี้ 1 ทุ่ม", datetime(2026, 11, 24, 19, 0)),
    ],
)
def test_thai_forms_read_as_bangkok_times(typed, meant):
    assert read(typed) == meant.replace(tzinfo=BANGKOK)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("9 โมง", "meeting.past_when"),  # today 09:00 has gone by 10:00
        ("เมื่อวาน 13.30 น.", "meeting.past_when"),
        ("9 ส.ค. 64 13.30 น.", "meeting.past_when"),  # the article's own meeting, in 2021
        ("31 ก.พ. 70 10.00 น.", "meeting.when.impossible_date"),
        ("พรุ่งนี้ 25.00 น.", "meeting.when.impossible_time"),
        ("พรุ่งนี้", "meeting.when.no_time_day"),
        ("1 ม.ค. 2571 10.00 น.", "meeting.too_far"),
        ("ประชุมกันนะ", "meeting.when.unreadable"),
    ],
)
def test_past_impossible_incomplete_and_far_times_are_refused_clearly(typed, key):
    assert problem(typed) == key


def test_tomorrow_nine_is_bangkok_tomorrow_even_late_at_night_utc():
    late = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)  # already 01:30 on the 25th in Bangkok
    assert read("พรุ่งนี้ 9 โมง", late) == datetime(2026, 11, 26, 9, 0, tzinfo=BANGKOK)


minutes = st.integers(min_value=1, max_value=365 * 24 * 60 - 1)


@given(ahead=minutes)
def test_any_future_time_written_the_thai_way_reads_back(ahead):
    moment = (NOW + timedelta(minutes=ahead)).replace(second=0)
    assert read(format_thai_datetime(moment)) == moment


@given(back=minutes)
def test_any_past_time_written_the_thai_way_is_refused_as_past(back):
    moment = NOW - timedelta(minutes=back)
    assert problem(format_thai_datetime(moment)) == "meeting.past_when"


def refusal(typed: str, now: datetime = NOW) -> Invalid:
    with pytest.raises(Invalid) as refused:
        read(typed, now)
    return refused.value


def test_a_date_without_a_year_is_the_next_such_date():
    december = datetime(2026, 12, 20, 10, 0, tzinfo=BANGKOK)
    assert read("5 ม.ค. 10.00 น.", december) == datetime(2027, 1, 5, 10, 0, tzinfo=BANGKOK)
    assert read("5/1 13.30 น.", december) == datetime(2027, 1, 5, 13, 30, tzinfo=BANGKOK)
    # Relative words and written years keep their meaning: still in the past.
    assert problem("เมื่อวาน 13.30 น.", december) == "meeting.past_when"
    assert problem("9 โมง", december) == "meeting.past_when"
    assert problem("5 ม.ค. 2569 10.00 น.", december) == "meeting.past_when"


def test_a_weekday_that_does_not_match_the_date_is_named():
    found = refusal("วันอาทิตย์ 7 ธ.ค. 2569 10.00 น.")
    assert found.key == "meeting.when.mismatch"
    from messages.catalog import text

    said = text(found.key, "th", **found.params)
    assert said.startswith("ขออภัยค่ะ 7 ธ.ค. 2569 เป็นวันจันทร์")


@given(days=st.integers(min_value=0, max_value=400))
def test_every_hint_example_is_a_future_date_that_reads_back(days):
    now = NOW + timedelta(days=days)
    found = refusal("ประชุมกันนะ", now)
    example = found.params["example"]
    assert read(example, now) > now


@given(ahead=minutes)
def test_the_weekday_on_cards_is_always_right(ahead):
    from messages.meetings import day_when

    moment = NOW + timedelta(minutes=ahead)
    said = day_when(moment, BANGKOK, "th")
    # Reading the card's words back names the same instant, so the weekday must agree with it.
    assert read(said.replace("เวลา ", "")) == moment.replace(second=0, microsecond=0)


def test_a_date_alone_is_kept_when_the_time_comes_next():
    ctx = SimpleNamespace(now=lambda: NOW, zone=BANGKOK, language="th")
    state = FlowState(ctx, {})
    with pytest.raises(Invalid) as refused:
        read_when(Answer("text", text="พรุ่งนี้"), state)
    assert refused.value.key == "meeting.when.no_time_day"
    assert refused.value.params == {"day": "วันพุธที่ 25 พ.ย. 2569"}
    moment = datetime.fromisoformat(read_when(Answer("text", text="10 โมง"), state))
    assert moment == datetime(2026, 11, 25, 10, 0, tzinfo=BANGKOK)
    # Used once: a later time alone means today again.
    assert "_when_day" not in state.data


@pytest.mark.parametrize(
    ("typed", "link", "place"),
    [
        ("meet.google.com/abc-defg-hij", "https://meet.google.com/abc-defg-hij", None),
        ("Zoom zoom.us/j/98765", "https://zoom.us/j/98765", "Zoom"),
        ("ห้องประชุม us02web.zoom.us/j/123?pwd=x", "https://us02web.zoom.us/j/123?pwd=x", "ห้องประชุม"),
        ("https://zoom.us/j/1", "https://zoom.us/j/1", None),
        ("ศาลาวัดบ้านดอย", None, "ศาลาวัดบ้านดอย"),
    ],
)
def test_a_meeting_link_without_https_is_still_a_link(typed, link, place):
    from handlers.meeting_steps import read_where

    ctx = SimpleNamespace(now=lambda: NOW, zone=BANGKOK, language="th")
    found = read_where(Answer("text", text=typed), FlowState(ctx, {}))
    assert found == {"link": link, "place": place}


@pytest.mark.parametrize(
    ("typed", "meant", "until"),
    [
        ("พรุ่งนี้ 13.30-16.30 น.", datetime(2026, 11, 25, 13, 30), "16:30"),
        ("พรุ่งนี้ บ่ายโมงถึงสี่โมง", datetime(2026, 11, 25, 13, 0), "16:00"),
        ("6 ธ.ค. 9.00-12.00 น.", datetime(2026, 12, 6, 9, 0), "12:00"),
        ("สัปดาห์หน้า 10 โมง", datetime(2026, 12, 1, 10, 0), None),
        ("วันอังคารหน้า 10 โมง", datetime(2026, 12, 1, 10, 0), None),
        ("สิ้นเดือน 10 โมง", datetime(2026, 11, 30, 10, 0), None),
        ("2026-12-01 13:30", datetime(2026, 12, 1, 13, 30), None),
    ],
)
def test_ranges_next_week_and_month_end_are_read(typed, meant, until):
    ctx = SimpleNamespace(now=lambda: NOW, zone=BANGKOK, language="th")
    state = FlowState(ctx, {})
    moment = datetime.fromisoformat(read_when(Answer("text", text=typed), state))
    assert moment == meant.replace(tzinfo=BANGKOK)
    assert state.data.get("until") == until


def test_the_range_understood_is_repeated_with_its_end():
    from handlers.meeting_steps import ask_where

    ctx = SimpleNamespace(now=lambda: NOW, zone=BANGKOK, language="th")
    state = FlowState(ctx, {})
    state.data["when"] = read_when(Answer("text", text="6 ธ.ค. 9.00-12.00 น."), state)
    first = ask_where(state)[0]["text"].splitlines()[0]
    assert first == "รับทราบค่ะ นัดวันอาทิตย์ที่ 6 ธ.ค. 2569 เวลา 09:00–12:00 น."
