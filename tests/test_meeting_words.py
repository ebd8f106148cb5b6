"""Members' words as an RSVP to the latest meeting announced to them (item 8 of issue 12)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from handlers.meeting_words import answer_of, match
from storage.models import Member
from tests.meetings import BANGKOK, schedule
from tests.members import join

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ไปไม่ได้ค่ะ ติดธุระ", ("no", False)),
        ("ไม่สะดวกครับ", ("no", False)),
        ("เข้าร่วมไม่ได้ค่ะ", ("no", False)),
        ("เข้าร่วมค่ะ", ("yes", False)),
        ("ยังไม่แน่ใจค่ะ", ("maybe", False)),
        ("รับทราบค่ะ 🙏", ("yes", True)),
        ("ส่งรูปกิจกรรม", None),
        ("", None),
    ],
)
def test_thai_words_read_as_an_answer(typed, meant):
    assert answer_of(typed) == meant


def test_words_answer_the_latest_meeting_announced_to_the_member(db, line):
    somsri = join(line, db, "สมศรี")
    schedule(db, NOW + timedelta(days=7), NOW - timedelta(days=1), title="ประชุมเก่า")
    latest = schedule(db, NOW + timedelta(days=3), NOW, title="ประชุมใหม่")
    with db.unit_of_work() as session:
        member = session.scalars(select(Member).where(Member.line_user_id == somsri)).one()
        found = match(session, member, "ไปไม่ได้ค่ะ ติดธุระ", NOW)
        assert (found.meeting.id, found.answer, found.ambiguous) == (latest, "no", False)
        assert match(session, member, "สวัสดีค่ะ", NOW) is None
        # Weeks after the announcement, words are no longer taken as an answer.
        assert match(session, member, "เข้าร่วมค่ะ", NOW + timedelta(days=20)) is None


# Transcripts through the real router: the words reach the matcher by the registry's pattern.


@pytest.fixture(scope="module")
def router():
    from handlers import handler_modules
    from handlers.registry import build_registry
    from handlers.router import Router

    return Router(build_registry(handler_modules()))


def rsvps(db, user_id: str) -> dict[str, str]:
    from storage.models.meetings import Meeting, Rsvp

    with db.unit_of_work() as session:
        member = session.scalars(select(Member).where(Member.line_user_id == user_id)).one()
        rows = session.execute(
            select(Meeting.title, Rsvp.answer)
            .join(Rsvp, Rsvp.meeting_id == Meeting.id)
            .where(Rsvp.member_id == member.id)
        )
        return dict(rows.all())


def test_a_member_answers_the_latest_meeting_in_her_own_words(db, line, router):
    from tests.meetings import Chat, FakeTime, labels, texts

    somsri = join(line, db, "สมศรี")
    time = FakeTime(NOW + timedelta(hours=1))
    chat = Chat(db, router, somsri, time)
    schedule(db, NOW + timedelta(days=6), NOW, title="ประชุมเครือข่าย")
    said = texts(chat.say("ไปไม่ได้ค่ะ ติดธุระ"))
    assert said[0].startswith("รับทราบค่ะ บันทึกว่าคุณไม่สะดวกเข้าร่วม “ประชุมเครือข่าย”")
    assert rsvps(db, somsri) == {"ประชุมเครือข่าย": "no"}
    assert texts(chat.say("เข้าร่วมค่ะ"))[0].startswith("ขอบคุณค่ะ 🙏 บันทึกว่าคุณจะเข้าร่วม")
    assert rsvps(db, somsri) == {"ประชุมเครือข่าย": "yes"}
    # "รับทราบ" may only mean "I saw it": asked, nothing changed until she taps.
    asked = chat.say("รับทราบค่ะ 🙏")
    assert texts(asked)[0].startswith("ตอบนัด “ประชุมเครือข่าย” (30 พ.ย. 2569 10:00 น.) ใช่ไหมคะ?")
    assert labels(asked)[:3] == ["เข้าร่วม", "ไม่สะดวก", "ยังไม่แน่ใจ"]
    assert rsvps(db, somsri) == {"ประชุมเครือข่าย": "yes"}
    assert texts(chat.tap(asked[-1], "ยังไม่แน่ใจ"))[0].startswith("รับทราบค่ะ บันทึกว่ายังไม่แน่ใจ")
    assert rsvps(db, somsri) == {"ประชุมเครือข่าย": "maybe"}
    # Words that only start like an answer are not one: the understanding step has them.
    assert texts(chat.say("ไปบันทึกกิจกรรมค่ะ"))[0].startswith("กิจกรรมชื่ออะไรคะ?")
    assert rsvps(db, somsri) == {"ประชุมเครือข่าย": "maybe"}


def test_two_open_meetings_are_not_guessed(db, line, router):
    from tests.meetings import Chat, FakeTime, labels, texts

    somchai = join(line, db, "สมชาย")
    chat = Chat(db, router, somchai, FakeTime(NOW + timedelta(hours=2)))
    schedule(db, NOW + timedelta(days=6), NOW - timedelta(days=1), title="ประชุมใหญ่")
    schedule(db, NOW + timedelta(days=3), NOW, title="ประชุมย่อย")
    asked = chat.say("ไปค่ะ")
    assert texts(asked)[0].splitlines() == [
        "ตอบ “เข้าร่วม” สำหรับนัดไหนคะ? แตะชื่อการประชุมด้านล่าง",
        "• ประชุมย่อย (27 พ.ย. 2569 10:00 น.)",
        "• ประชุมใหญ่ (30 พ.ย. 2569 10:00 น.)",
    ]
    assert labels(asked)[:2] == ["ประชุมย่อย 27 พ.ย.", "ประชุมใหญ่ 30 พ.ย."]
    assert rsvps(db, somchai) == {}
    chat.tap(asked[-1], "ประชุมใหญ่ 30 พ.ย.")
    assert rsvps(db, somchai) == {"ประชุมใหญ่": "yes"}
    # Said again: the meeting already accepted is not offered; the other one is answered.
    saved = texts(chat.say("เข้าร่วมค่ะ"))[0]
    assert "บันทึกว่าคุณจะเข้าร่วม “ประชุมย่อย”" in saved, saved
    assert rsvps(db, somchai) == {"ประชุมใหญ่": "yes", "ประชุมย่อย": "yes"}
    assert texts(chat.say("ไปค่ะ"))[0].startswith("คุณตอบ “เข้าร่วม” นัด “ประชุมย่อย”")


def test_answer_words_with_no_meeting_or_inside_a_conversation(db, line, router):
    from tests.meetings import Chat, FakeTime, texts

    fah = join(line, db, "น้องฟ้า", network="youth")
    chat = Chat(db, router, fah, FakeTime(NOW))
    schedule(db, NOW + timedelta(days=6), NOW, title="ประชุมเครือข่าย")  # civil only
    assert texts(chat.say("ไม่สะดวกค่ะ"))[0].startswith("ขอบคุณค่ะ ตอนนี้ยังไม่มีนัดประชุมที่รอคำตอบจากคุณ")
    somsri = join(line, db, "สมศรี")
    chat = Chat(db, router, somsri, FakeTime(NOW))
    chat.say("บันทึกกิจกรรม")
    chat.say("เข้าร่วมค่ะ")  # the activity's title here, not an answer to the meeting
    assert rsvps(db, somsri) == {}


def _weekly_series(db, now: datetime, title: str = "ประชุมประจำสัปดาห์") -> None:
    """A weekly Monday 10:00 series planned at `now` (three months of occurrences)."""
    from datetime import time as clock_time

    from storage import meeting_series
    from storage.recurrence_rule import Recurrence

    template = meeting_series.Template(
        title=title, link="https://zoom.us/j/123456", place=None, agenda=None,
        audience="networks", networks=["civil"], group_id=None, organiser_id=None,
        plan="announcement,day_before@09:00,hour_before:60",
    )  # fmt: skip
    rule = Recurrence(freq="weekly", weekday=0, at=clock_time(10, 0))
    with db.unit_of_work() as session:
        meeting_series.create(session, rule, template, now, BANGKOK)


def test_words_after_a_reminder_answer_that_meeting_not_a_series_date_never_announced(
    db, line, router
):
    from tests.meetings import Chat, FakeTime, texts

    malee = join(line, db, "มาลี")
    planned = datetime(2026, 11, 30, 10, 0, tzinfo=BANGKOK)
    _weekly_series(db, planned)  # Mondays from 7 ธ.ค.: only the first is announced at once
    # Sat 6 ธ.ค. 09:05, just after the day-before reminder for 7 ธ.ค.
    chat = Chat(db, router, malee, FakeTime(datetime(2026, 12, 6, 9, 5, tzinfo=BANGKOK)))
    said = texts(chat.say("ไปไม่ได้ค่ะ ติดธุระ"))
    assert said[0].startswith("รับทราบค่ะ บันทึกว่าคุณไม่สะดวกเข้าร่วม “ประชุมประจำสัปดาห์”"), said
    assert "7 ธ.ค. 2569" in said[0]
    from storage.models.meetings import Meeting, Rsvp

    with db.unit_of_work() as session:
        answered = session.execute(
            select(Meeting.starts_at, Rsvp.answer).join(Rsvp, Rsvp.meeting_id == Meeting.id)
        ).all()
    assert [(s.astimezone(BANGKOK).date().isoformat(), a) for s, a in answered] == [
        ("2026-12-07", "no")
    ]


def test_two_announced_meetings_with_one_title_are_offered_with_their_dates(db, line, router):
    from tests.meetings import Chat, FakeTime, labels, texts

    malee = join(line, db, "มาลี")
    title = "ประชุมประจำสัปดาห์"
    schedule(db, datetime(2026, 12, 9, 10, 0, tzinfo=BANGKOK), NOW, title=title)
    schedule(db, datetime(2026, 12, 7, 10, 0, tzinfo=BANGKOK), NOW, title=title)
    schedule(db, datetime(2026, 12, 14, 10, 0, tzinfo=BANGKOK), NOW, title="อื่น",
             networks=("youth",))  # fmt: skip
    # 6 ธ.ค. 09:05: reminded of 7 ธ.ค. a few minutes ago; 9 ธ.ค. was only announced.
    chat = Chat(db, router, malee, FakeTime(datetime(2026, 12, 6, 9, 5, tzinfo=BANGKOK)))
    asked = chat.say("ไปไม่ได้ค่ะ ติดธุระ")
    assert texts(asked)[0].startswith("ตอบ “ไม่สะดวก” สำหรับนัดไหนคะ?")
    # LINE's labels hold 20 characters: the title is shortened so the date always shows.
    assert labels(asked)[:2] == ["ประชุมประจำส… 7 ธ.ค.", "ประชุมประจำส… 9 ธ.ค."]
    assert "\n• ประชุมประจำสัปดาห์ (7 ธ.ค. 2569 10:00 น.)\n" in texts(asked)[0]
    assert rsvps(db, malee) == {}
