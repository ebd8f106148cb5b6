"""วันอังคารหน้า is next calendar week's Tuesday, วันอังคารนี้ the coming one, whatever today is."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.flow import Answer, FlowState, Invalid
from handlers.meeting_steps import ask_where, read_when
from messages.meetings import day_when
from tests.meetings import BANGKOK, texts
from tests.test_meeting_chat import chat, people, router, time  # noqa: F401

THAI_DAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NEXT_FORMS = (
    "วัน{th}หน้า",
    "{th}หน้า",
    "วัน{th}สัปดาห์หน้า",
    "สัปดาห์หน้าวัน{th}",
    "อาทิตย์หน้าวัน{th}",
    "วัน{th} อาทิตย์หน้า",
    "next {en}",
    "{en} next week",
)
THIS_FORMS = ("วัน{th}นี้", "{th}นี้", "วัน{th}ที่จะถึงนี้", "this {en}")


def state_at(now: datetime) -> FlowState:
    ctx = SimpleNamespace(now=lambda: now.astimezone(BANGKOK), zone=BANGKOK, language="th")
    return FlowState(ctx, {})


def read(typed: str, now: datetime) -> tuple[datetime, FlowState]:
    state = state_at(now)
    state.data["when"] = read_when(Answer("text", text=typed), state)
    return datetime.fromisoformat(state.data["when"]), state


def monday_of(moment: datetime):
    return moment.date() - timedelta(days=moment.weekday())


# Any "today" the injected clock may give, in any hour of the Bangkok day.
NOWS = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2035, 12, 31)).map(
    lambda naive: naive.replace(second=0, microsecond=0, tzinfo=BANGKOK)
)


@given(now=NOWS, index=st.integers(0, 6), form=st.sampled_from(NEXT_FORMS))
def test_next_weekday_is_always_that_weekday_in_next_calendar_week(now, index, form):
    if form == "{th}หน้า" and index == 6:
        return  # อาทิตย์หน้า without วัน is "next week" (today's weekday), tested elsewhere
    typed = form.format(th=THAI_DAYS[index], en=ENGLISH_DAYS[index]) + " 13.30 น."
    moment, state = read(typed, now)
    assert moment.weekday() == index
    # Weeks start on Monday: the day lies in the Monday-to-Sunday week after today's.
    assert monday_of(moment) == monday_of(now) + timedelta(days=7)
    assert (moment.hour, moment.minute) == (13, 30)
    # The reply repeats the weekday and the full date at once.
    heard = ask_where(state)[0]["text"].splitlines()[0]
    assert heard == "รับทราบค่ะ นัด" + day_when(moment, BANGKOK, "th")
    assert f"วัน{THAI_DAYS[index]}ที่ " in heard and str(moment.year + 543) in heard


@given(now=NOWS, index=st.integers(0, 6), form=st.sampled_from(THIS_FORMS))
def test_this_weekday_is_the_coming_one_today_included(now, index, form):
    typed = form.format(th=THAI_DAYS[index], en=ENGLISH_DAYS[index]) + " 23.59 น."
    if now.hour == 23 and now.minute == 59:
        return  # the time itself has come: that is the case tested below
    if form == "{th}นี้" and index == 6:
        return  # อาทิตย์นี้ without วัน is "this week", not Sunday (handlers.parsing.dates)
    moment, _ = read(typed, now)
    assert moment.weekday() == index
    assert 0 <= (moment.date() - now.date()).days <= 6


def test_this_tuesday_on_a_tuesday_is_today_and_a_time_gone_is_refused_not_moved():
    tuesday_afternoon = datetime(2026, 12, 8, 15, 0, tzinfo=BANGKOK)
    assert read("วันอังคารนี้ 16.00 น.", tuesday_afternoon)[0] == datetime(
        2026, 12, 8, 16, 0, tzinfo=BANGKOK
    )
    with pytest.raises(Invalid) as refused:
        read("วันอังคารนี้ 13.30 น.", tuesday_afternoon)
    assert refused.value.key == "meeting.past_when"
    # วันอังคารหน้า on that Tuesday is a week on.
    assert read("วันอังคารหน้า 13.30 น.", tuesday_afternoon)[0].day == 15


@pytest.mark.parametrize(
    ("today", "typed", "heard"),
    [
        # Monday 7 Dec: next week's Tuesday is 8 days on, never tomorrow.
        (7, "วันอังคารหน้า 13.30 น.", "รับทราบค่ะ นัดวันอังคารที่ 15 ธ.ค. 2569 เวลา 13:30 น."),
        (7, "อังคารหน้าบ่ายโมงครึ่งค่ะ", "รับทราบค่ะ นัดวันอังคารที่ 15 ธ.ค. 2569 เวลา 13:30 น."),
        (7, "สัปดาห์หน้าวันอังคาร 13.30 น.", "รับทราบค่ะ นัดวันอังคารที่ 15 ธ.ค. 2569 เวลา 13:30 น."),
        (7, "วันอังคารนี้ 13.30 น.", "รับทราบค่ะ นัดวันอังคารที่ 8 ธ.ค. 2569 เวลา 13:30 น."),
        # Saturday 5 Dec: this week's Tuesday (1 Dec) is gone; next week's is the 8th.
        (5, "วันอังคารหน้า 13.30 น.", "รับทราบค่ะ นัดวันอังคารที่ 8 ธ.ค. 2569 เวลา 13:30 น."),
        # Wednesday 9 Dec: the coming Tuesday is in next week, so นี้ and หน้า agree.
        (9, "วันอังคารนี้ 13.30 น.", "รับทราบค่ะ นัดวันอังคารที่ 15 ธ.ค. 2569 เวลา 13:30 น."),
        (9, "วันอังคารหน้า 13.30 น.", "รับทราบค่ะ นัดวันอังคารที่ 15 ธ.ค. 2569 เวลา 13:30 น."),
    ],
)
def test_a_coordinator_names_next_tuesday_in_chat(db, chat, people, time, today, typed, heard):  # noqa: F811
    time.move_to(datetime(2026, 12, today, 10, 0, tzinfo=BANGKOK))
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่ายประจำเดือน")
    assert texts(coordinator.say(typed))[0].splitlines()[0] == heard


def test_next_tuesday_alone_is_named_back_and_the_time_joins_it(db, chat, people, time):  # noqa: F811
    time.move_to(datetime(2026, 12, 7, 10, 0, tzinfo=BANGKOK))  # a Monday
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่ายประจำเดือน")
    asked = texts(coordinator.say("วันอังคารหน้าค่ะ"))
    assert asked[0] == (
        "ได้วันอังคารที่ 15 ธ.ค. 2569 แล้วค่ะ ขอเวลาด้วยนะคะ พิมพ์แค่เวลาก็ได้ เช่น 13.30 น. หรือ บ่ายสองโมง"
    )
    heard = texts(coordinator.say("บ่ายโมงครึ่ง"))[0].splitlines()[0]
    assert heard == "รับทราบค่ะ นัดวันอังคารที่ 15 ธ.ค. 2569 เวลา 13:30 น."
