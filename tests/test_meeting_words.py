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
