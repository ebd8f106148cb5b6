"""Nothing that can wait reaches a phone at night: announcements and notices wait for 08:00."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot import nudges, story_asks, story_digest
from storage import daytime
from storage.reminder_plan import send_at
from tests import test_meeting_chat as meeting_chat
from tests.meetings import BANGKOK, alt_texts, clock_job, feed, texts
from tests.test_meeting_chat import schedule_in_chat

# The meeting transcripts' fixtures: a router, a movable clock, members, a chat on the emulator.
chat, people, router, time = (
    meeting_chat.chat,
    meeting_chat.people,
    meeting_chat.router,
    meeting_chat.time,
)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=BANGKOK)


@pytest.mark.parametrize(
    ("kind", "due", "starts", "goes"),
    [
        # Not urgent: held to the 08:00 that ends the night.
        ("announcement", at(7, 23), at(10, 13, 30), at(8, 8)),
        ("announcement", at(8, 3), at(10, 13, 30), at(8, 8)),
        ("announcement", at(7, 20), at(10, 13, 30), at(8, 8)),
        ("change", at(7, 22), at(10, 13, 30), at(8, 8)),
        ("cancel", at(7, 22), at(10, 13, 30), at(8, 8)),
        ("rsvp_nudge", at(7, 22), at(10, 13, 30), at(8, 8)),
        ("recurring", at(1, 3), None, at(1, 8)),
        ("day_before", at(9, 6), at(10, 13, 30), at(9, 8)),  # still the day before
        # By day nothing moves.
        ("announcement", at(7, 19, 59), at(10, 13, 30), at(7, 19, 59)),
        ("announcement", at(8, 8), at(10, 13, 30), at(8, 8)),
        # Time-critical: they go at night.
        ("hour_before", at(8, 6, 30), at(8, 7, 30), at(8, 6, 30)),
        ("day_before", at(9, 21), at(10, 13, 30), at(9, 21)),  # "tomorrow" is wrong after midnight
        ("announcement", at(7, 23), at(8, 7, 30), at(7, 23)),  # the meeting is before the morning
        ("cancel", at(7, 23), at(8, 8, 30), at(7, 23)),  # less than an hour after 08:00
        ("change", at(7, 23), at(8, 9, 0), at(8, 8)),  # an hour after 08:00 is time enough
    ],
)
def test_which_sends_wait_for_the_morning(kind, due, starts, goes):
    assert send_at(kind, due, starts, BANGKOK) == goes


def test_one_night_rule_for_every_send_that_can_wait():
    # Story permission requests, the monthly digest and reflection nudges use the same rule.
    for module in (nudges, story_asks, story_digest):
        assert module.is_daytime is daytime.is_daytime


def test_an_announcement_confirmed_late_at_night_goes_at_eight(
    db, chat, people, line, emulator, time
):
    time.move_to(at(7, 23, 0))  # Monday 23:00
    coordinator = chat(people["coordinator"])
    review = schedule_in_chat(coordinator, when="10 ธ.ค. 69 13.30 น.")
    plan = review[-1]["text"]
    assert (
        "• ประกาศนัด: จะส่งเวลา 08:00 น. พรุ่งนี้ (น้องคุณธรรมไม่ส่งข้อความช่วงกลางคืน 20:00–08:00 น.)" in plan
    )
    done = texts(coordinator.tap(review[-1], "ยืนยันนัดประชุม"))[0]
    assert "ประกาศจะส่งเวลา 08:00 น. พรุ่งนี้" in done
    job = clock_job(db, emulator.url, time)
    for moment in (at(7, 23, 1), at(8, 3, 0), at(8, 7, 59)):
        time.move_to(moment)
        job.tick()
        assert feed(line, people["somsri"]) == []
    time.move_to(at(8, 8, 0))
    job.tick()
    assert alt_texts(line, people["somsri"])[0].startswith("📅")


def test_at_three_in_the_morning_it_says_eight_today(db, chat, people, time):
    time.move_to(at(8, 3, 0))
    coordinator = chat(people["coordinator"])
    review = schedule_in_chat(coordinator, when="10 ธ.ค. 69 13.30 น.")
    assert "• ประกาศนัด: จะส่งเวลา 08:00 น. วันนี้" in review[-1]["text"]


def test_an_early_meeting_is_announced_at_once_and_reminded_an_hour_before(
    db,
    chat,
    people,
    line,
    emulator,
    time,
):
    time.move_to(at(7, 22, 0))
    coordinator = chat(people["coordinator"])
    review = schedule_in_chat(coordinator, when="พรุ่งนี้ 7.30 น.")
    assert "• ประกาศนัด: ส่งทันทีที่ยืนยัน แม้เป็นช่วงกลางคืน เพราะประชุมเริ่มก่อน 09:00 น." in review[-1]["text"]
    assert "ภายในไม่กี่นาที" in texts(coordinator.tap(review[-1], "ยืนยันนัดประชุม"))[0]
    job = clock_job(db, emulator.url, time)
    job.tick()
    assert len(feed(line, people["somsri"])) == 1  # the announcement, at 22:00
    time.move_to(at(8, 6, 30))
    job.tick()
    reminder = alt_texts(line, people["somsri"])[-1]
    assert len(feed(line, people["somsri"])) == 2 and "60 นาที" in reminder


def test_a_change_made_at_night_is_told_at_eight(db, chat, people, line, emulator, time):
    time.move_to(at(7, 10, 0))
    coordinator = chat(people["coordinator"])
    coordinator.tap(schedule_in_chat(coordinator, when="10 ธ.ค. 69 13.30 น.")[-1], "ยืนยันนัดประชุม")
    job = clock_job(db, emulator.url, time)
    job.tick()
    time.move_to(at(7, 22, 0))
    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], "#1 10 ธ.ค. 13:30")
    coordinator.tap(action[-1], "แก้วันเวลา")
    confirm = coordinator.say("10 ธ.ค. 69 14.00 น.")
    assert "น้องคุณธรรมจะแจ้งผู้ได้รับเชิญ 3 คน เวลา 08:00 น. พรุ่งนี้" in confirm[-1]["text"]
    done = texts(coordinator.tap(confirm[-1], "บันทึกการแก้ไข"))[0]
    assert done.endswith("จะแจ้งผู้ได้รับเชิญเวลา 08:00 น. พรุ่งนี้ค่ะ (ไม่ส่งข้อความช่วงกลางคืน 20:00–08:00 น.)")
    job.tick()
    assert len(feed(line, people["somsri"])) == 1  # the announcement only, nothing at night
    time.move_to(at(8, 8, 0))
    job.tick()
    assert alt_texts(line, people["somsri"])[-1].startswith("✏️ เปลี่ยนเวลาประชุม")


def test_a_cancellation_at_night_is_told_at_eight(db, chat, people, line, emulator, time):
    time.move_to(at(7, 10, 0))
    coordinator = chat(people["coordinator"])
    coordinator.tap(schedule_in_chat(coordinator, when="10 ธ.ค. 69 13.30 น.")[-1], "ยืนยันนัดประชุม")
    job = clock_job(db, emulator.url, time)
    job.tick()
    time.move_to(at(7, 23, 30))
    picked = coordinator.say("ยกเลิกประชุม")  # straight to the cancel question
    confirm = coordinator.tap(picked[-1], "#1 10 ธ.ค. 13:30")
    assert "เวลา 08:00 น. พรุ่งนี้" in texts(confirm)[0]
    done = texts(coordinator.tap(confirm[-1], "ยืนยันยกเลิกนัด"))[0]
    assert "จะแจ้งผู้ได้รับเชิญเวลา 08:00 น. พรุ่งนี้ค่ะ" in done
    job.tick()
    assert len(feed(line, people["somsri"])) == 1
    time.move_to(at(8, 8, 0))
    job.tick()
    assert alt_texts(line, people["somsri"])[-1].startswith("❌ ยกเลิกการประชุมแล้วค่ะ")
