"""A member changes their RSVP in chat; every change is stored and the next reminder follows it."""

# The chat fixtures are shared with test_meeting_chat by import, which ruff sees as redefinition.
# ruff: noqa: F811

from __future__ import annotations

from datetime import datetime

from storage import meetings
from storage.models.meetings import Meeting
from storage.models.members import Member
from tests.meetings import BANGKOK, alt_texts, texts
from tests.test_meeting_chat import announced_with_decline, chat, people, router, time  # noqa: F401


def _rsvp(db, member_id):
    with db.unit_of_work() as session:
        meeting_id = session.query(Meeting.id).scalar()
        return meetings.rsvp_of(session, meeting_id, member_id)


def _member_id(db, line_user_id):
    with db.unit_of_work() as session:
        return session.query(Member.id).filter(Member.line_user_id == line_user_id).scalar()


def test_yes_then_no_then_yes_is_stored_each_time_and_the_reminders_follow(
    db,
    chat,
    people,
    line,
    emulator,
    time,
):
    job, decline = announced_with_decline(db, chat, people, line, emulator, time)
    accept = decline.replace("a=no", "a=yes")
    somsri = chat(people["somsri"])
    member_id = _member_id(db, people["somsri"])

    assert texts(somsri.press(accept))[0].startswith("ขอบคุณค่ะ 🙏 บันทึกว่าคุณจะเข้าร่วม")
    assert _rsvp(db, member_id) == "yes"
    assert texts(somsri.press(decline))[0].startswith("รับทราบค่ะ บันทึกว่าคุณไม่สะดวกเข้าร่วม")
    assert _rsvp(db, member_id) == "no"

    time.move_to(datetime(2026, 11, 29, 9, 0, tzinfo=BANGKOK))
    job.tick()  # the day-before reminder: somsri has declined, so none for her
    assert [t.splitlines()[0] for t in alt_texts(line, people["somsri"])] == ["📅 นัดประชุม"]
    assert "🔔 พรุ่งนี้มีประชุม" in [t.splitlines()[0] for t in alt_texts(line, people["somchai"])]

    assert texts(somsri.press(accept))[0].startswith("ขอบคุณค่ะ 🙏 บันทึกว่าคุณจะเข้าร่วม")
    assert _rsvp(db, member_id) == "yes"
    time.move_to(datetime(2026, 11, 30, 12, 30, tzinfo=BANGKOK))
    job.tick()  # the hour-before reminder: she said yes again, so she is reminded
    assert [t.splitlines()[0] for t in alt_texts(line, people["somsri"])] == [
        "📅 นัดประชุม", "⏰ อีก 60 นาทีเริ่มประชุม",
    ]  # fmt: skip


def test_insert_ignore_counts_new_rows_only_and_a_relinked_group_moves(db):
    from storage.linked_groups import groups_of, link_group
    from storage.models.meetings import LinkedGroup
    from storage.upsert import insert_ignore

    with db.unit_of_work() as session:
        row = {"group_id": "C" + "1" * 32, "network": "civil", "linked_by": None}
        assert insert_ignore(session, LinkedGroup, [row]) == 1
        assert insert_ignore(session, LinkedGroup, [row, {**row, "group_id": "C" + "2" * 32}]) == 1
        link_group(session, "C" + "1" * 32, "youth", None)
    with db.unit_of_work() as session:
        assert [g.network for g in groups_of(session, None)] == ["youth", "civil"]
