"""The monthly digest on /staff/stories: its heading and list agree when the digest is capped,
and a quota too small says what to do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import create_app
from storage import members
from storage.models.stories import GRANTED, SharedStory
from tests import records
from tests.members import registered
from tests.staffweb import signed_in

SHARED = datetime(2026, 11, 5, 3, 0, tzinfo=UTC)
NEXT_MONTH = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
AUTHOR = "U" + "a" * 32


@pytest.fixture
def staff_app(config, emulator):
    """The staff web whose LINE (for the quota) is the emulator."""
    application = create_app(config.with_changes(api_base_url=emulator.url))
    application.extensions["bot"].clock.set(lambda: NEXT_MONTH)
    yield application
    application.extensions["bot"].close()


def _shared(db, count: int) -> None:
    registered(db, AUTHOR, name="ครูดาว")
    ids = [records.reflection(db, AUTHOR, lesson=f"บทเรียนที่ {n}") for n in range(1, count + 1)]
    with db.unit_of_work() as session:
        author = members.find(session, AUTHOR)
        for n, record_id in enumerate(ids):
            answered = SHARED + timedelta(hours=n)
            session.add(SharedStory(member_id=author.id, reflection_id=record_id, status=GRANTED,
                                    marked_at=answered, answered_at=answered))  # fmt: skip


def test_a_capped_digest_says_how_many_it_names_and_the_list_agrees(staff_app, db, line):
    line.set_quota(1000)
    _shared(db, 11)
    page = signed_in(staff_app, db).get("/staff/stories").get_data(as_text=True)
    digest = page[page.index("สรุปเรื่องเล่าดีๆ รายเดือน") :]
    listed = digest[digest.index("<ul>") : digest.index("</ul>")]
    assert "เรื่องที่เริ่มแบ่งปันในเดือน พ.ย. 2569: 11 เรื่อง" in digest
    assert "สรุปจะแสดงชื่อ 10 เรื่องแรก และบอกว่ามีอีก 1 เรื่อง" in digest
    assert listed.count("<li>") == 10 and "…และอีก 1 เรื่อง" in listed


def test_a_quota_too_small_says_what_it_needs_and_what_to_do(staff_app, db, line):
    line.set_quota(100, total_usage=100)
    _shared(db, 2)
    page = signed_in(staff_app, db).get("/staff/stories").get_data(as_text=True)
    assert "โควตาไม่พอสำหรับสรุปนี้ค่ะ: ต้องใช้ 1 ข้อความ แต่เดือนนี้เหลือ 0 ข้อความ" in page
    assert "เพิ่มโควตา" in page and "โหลดหน้านี้ใหม่เพื่ออนุมัติ" in page
    assert "สรุปจะแสดงชื่อ" not in page  # two stories: nothing capped
