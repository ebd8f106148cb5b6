"""A repeating meeting's time or place changed once for every occurrence still to come, in Thai."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from storage.models.meeting_series import MeetingSeries
from storage.models.meetings import Meeting, Rsvp
from tests import test_meeting_chat as shared
from tests.meetings import BANGKOK, alt_texts, feed, labels, texts
from tests.test_recurring_meetings import _confirmed, _occurrences, _schedule

# The meeting transcripts' fixtures: the router, the clock (Tue 24 Nov 2569 10:00), the people.
router, time, people, chat = shared.router, shared.time, shared.people, shared.chat


def _decline_first(line, member_chat, member_id: str) -> None:
    """Tap ไม่สะดวก on the first card the member received."""
    card = feed(line, member_id)[0]
    decline = next(
        b["action"]["data"]
        for b in card["contents"]["footer"]["contents"]
        if b["action"]["label"] == "ไม่สะดวก"
    )
    member_chat.press(decline)


def test_every_first_tuesday_moves_from_1330_to_1400_once_for_all_upcoming(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    job = _confirmed(
        coordinator, "ทุกวันอังคารแรกของเดือน 13.30 น.", db, emulator, time
    )  # 1 Dec announced at once; 5 Jan and 2 Feb a week before each
    _decline_first(line, chat(people["somsri"]), people["somsri"])
    # 1 Dec has been held; 5 Jan is announced on 29 Dec 13:30; the series is changed then.
    time.move_to(datetime(2026, 12, 29, 13, 31, tzinfo=BANGKOK))
    job.tick()
    assert len(feed(line, people["somchai"])) == 2

    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], labels(picked)[0])
    asked = coordinator.tap(action[-1], "แก้วันเวลา")
    assert "ประชุมวันไหน" in texts(asked)[0]
    confirm = coordinator.say("14.00 น.")  # the time alone: the occurrence keeps its day
    question = confirm[-1]["text"]
    assert question.startswith(
        "การประชุมนี้เป็นประชุมประจำทุกวันอังคารแรกของเดือน เวลา 13:30 น. เปลี่ยนเป็นเวลา 14:00 น. "
        "เฉพาะครั้งนี้ หรือทุกครั้งต่อจากนี้คะ?"
    )
    assert labels(confirm)[:2] == ["เฉพาะครั้งนี้", "ทุกครั้งต่อจากนี้"]
    done = coordinator.tap(confirm[-1], "ทุกครั้งต่อจากนี้")
    assert texts(done)[0] == (
        "แก้ไขประชุมประจำ “ประชุมประจำเดือนเครือข่าย” ทุกครั้งต่อจากนี้แล้วค่ะ "
        "(3 ครั้งที่กำลังจะมาถึง) กำลังแจ้งผู้ได้รับเชิญค่ะ"
    )
    starts = [m.starts_at.astimezone(BANGKOK) for m in _occurrences(db)]
    assert starts == [
        datetime(2026, 12, 1, 13, 30, tzinfo=BANGKOK),  # held already: untouched
        datetime(2027, 1, 5, 14, 0, tzinfo=BANGKOK),
        datetime(2027, 2, 2, 14, 0, tzinfo=BANGKOK),
        datetime(2027, 3, 2, 14, 0, tzinfo=BANGKOK),  # planned by the clock within 3 months
    ]
    job.tick()
    job.tick()  # a second tick sends nothing twice
    # Only the announced occurrence (5 Jan) is told, once; 2 Feb is announced later at 14:00.
    notices = [t for t in alt_texts(line, people["somchai"]) if t.startswith("✏️")]
    assert len(notices) == 1
    assert notices[0].splitlines()[0] == (
        "✏️ เปลี่ยนเวลาประชุมทุกครั้งต่อจากนี้: วันอังคารที่ 5 ม.ค. 2570 เวลา 13:30 น. → "
        "วันอังคารที่ 5 ม.ค. 2570 เวลา 14:00 น."
    )
    with db.unit_of_work() as session:
        series = session.scalars(select(MeetingSeries)).one()
        assert series.at_time == "14:00"
        # somsri declined 1 Dec only: a past occurrence keeps its answers.
        assert session.scalars(select(Rsvp.answer)).all() == ["no"]
    # 2 Feb is announced a week ahead at the new time; the clock plans later ones at it too.
    time.move_to(datetime(2027, 1, 26, 14, 1, tzinfo=BANGKOK))
    job.tick()
    later = [m.starts_at.astimezone(BANGKOK) for m in _occurrences(db)][1:]
    assert len(later) == 4 and all((s.hour, s.minute) == (14, 0) for s in later)
    announced = [t for t in alt_texts(line, people["somchai"]) if t.startswith("📅")]
    assert "วันอังคารที่ 2 ก.พ. 2570 เวลา 14:00 น." in announced[-1]


def test_a_decliner_of_an_announced_occurrence_is_asked_again_after_the_series_moves(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    job = _confirmed(coordinator, "ทุกวันพุธ 9 โมง", db, emulator, time)  # 25 Nov announced
    _decline_first(line, chat(people["somsri"]), people["somsri"])

    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], "#1 25 พ.ย. 09:00")
    coordinator.tap(action[-1], "แก้วันเวลา")
    confirm = coordinator.say("บ่ายสองโมง")
    coordinator.tap(confirm[-1], "ทุกครั้งต่อจากนี้")
    job.tick()
    notice = alt_texts(line, people["somsri"])[-1]
    assert notice.splitlines()[1] == "ใครที่เคยตอบว่าไม่สะดวก ช่วยตอบใหม่อีกครั้งนะคะ"
    with db.unit_of_work() as session:
        assert session.scalars(select(Rsvp)).all() == []  # her "no" was for 09:00
        times = {m.starts_at.astimezone(BANGKOK).hour for m in session.scalars(select(Meeting))}
    assert times == {14}


def test_the_place_of_every_upcoming_occurrence_or_only_this_one(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    review = _schedule(coordinator, "ทุกวันพุธ 9 โมง")
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], "#2 2 ธ.ค. 09:00")
    coordinator.tap(action[-1], "แก้สถานที่/ลิงก์")
    confirm = coordinator.say("zoom.us/j/12345")
    assert "เปลี่ยนสถานที่/ลิงก์เฉพาะครั้งนี้ หรือทุกครั้งต่อจากนี้คะ?" in confirm[-1]["text"]
    done = coordinator.tap(confirm[-1], "ทุกครั้งต่อจากนี้")
    assert "ทุกครั้งต่อจากนี้แล้วค่ะ (14 ครั้งที่กำลังจะมาถึง)" in texts(done)[0]
    links = {m.link for m in _occurrences(db)}
    assert links == {"https://zoom.us/j/12345"}

    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], "#3 9 ธ.ค. 09:00")
    coordinator.tap(action[-1], "แก้สถานที่/ลิงก์")
    confirm = coordinator.say("ศาลาวัดบ้านดอย")
    done = coordinator.tap(confirm[-1], "เฉพาะครั้งนี้")
    assert texts(done)[0].startswith("แก้ไข “ประชุมประจำเดือนเครือข่าย” แล้วค่ะ")
    places = [m.place for m in _occurrences(db)]
    assert places[2] == "ศาลาวัดบ้านดอย" and places.count("ศาลาวัดบ้านดอย") == 1
