"""A meeting's delivery report in words: overdue unsent reminders said so, every reason in Thai."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from messages.meetings import report_text
from storage import meeting_report, meetings
from storage.models import Delivery
from storage.models.meetings import Reminder
from storage.reminders import key_prefix
from tests.meetings import many_members, schedule
from tests.staffweb import signed_in

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
BANGKOK = ZoneInfo("Asia/Bangkok")
OVERDUE = "เลยเวลาส่งแล้ว ยังไม่ได้ส่ง — ตรวจสอบว่า clock ทำงานอยู่"


def _by_kind(db, meeting_id: int) -> dict[str, int]:
    with db.unit_of_work() as session:
        rows = session.scalars(select(Reminder).where(Reminder.meeting_id == meeting_id)).all()
        return {r.kind: r.id for r in rows}


def test_a_reminder_past_its_time_that_no_clock_sent_is_called_overdue(app, db):
    many_members(db, 3)
    meeting_id = schedule(db, NOW + timedelta(days=3), NOW, plan="announcement,day_before@09:00")
    app.extensions["bot"].clock.set(lambda: NOW + timedelta(hours=2))  # and no clock running
    page = signed_in(app, db).get(f"/staff/meetings/{meeting_id}").get_data(as_text=True)
    assert page.count(OVERDUE) == 1  # the announcement
    assert page.count("ยังไม่ถึงเวลาส่ง") == 1  # the day-before reminder, truly not due
    with db.unit_of_work() as session:
        report = meeting_report.gather(session, meetings.get(session, meeting_id))
        chat = report_text(report, BANGKOK, "th", now=NOW + timedelta(hours=2))
    assert chat.count(OVERDUE) == 1 and chat.count("รอถึงเวลา") == 1


def test_skip_and_failure_reasons_read_as_thai_words_not_codes(app, db):
    many_members(db, 3)
    meeting_id = schedule(
        db, NOW + timedelta(days=3), NOW, plan="announcement,day_before@09:00,hour_before:60"
    )
    kinds = _by_kind(db, meeting_id)
    with db.unit_of_work() as session:
        for kind, reason in (("day_before", "missed:135.9:6"), ("hour_before", "started")):
            session.execute(
                update(Reminder).where(Reminder.id == kinds[kind])
                .values(status="skipped", reason=reason)
            )  # fmt: skip
        session.execute(
            update(Reminder).where(Reminder.id == kinds["announcement"])
            .values(status="queued", queued_at=NOW, recipient_count=3)
        )  # fmt: skip
        announcement = session.get(Reminder, kinds["announcement"])
        session.add(Delivery(
            kind="multicast", retry_key=str(uuid.uuid4()), recipient_count=3,
            dedupe_key=f"{key_prefix(announcement)}0", recipients=json.dumps(["U" + "0" * 32] * 3),
            messages="[]", status="failed", reason="expired",
            last_error="retry: HTTP 500: Internal Server Error",
        ))  # fmt: skip
    app.extensions["bot"].clock.set(lambda: NOW + timedelta(days=4))
    page = signed_in(app, db).get(f"/staff/meetings/{meeting_id}").get_data(as_text=True)
    assert "ข้ามไป: เลยเวลาส่งมาแล้ว 136 ชั่วโมง (ส่งช้าได้ไม่เกิน 6 ชั่วโมง)" in page
    assert "ข้ามไป: การประชุมเริ่มไปแล้ว" in page
    assert "ไม่สำเร็จ 3 คน: LINE ขัดข้อง ลองส่งซ้ำจนหมดเวลาแล้ว" in page
    for raw in ("missed:", ">started", "Internal Server Error", "expired"):
        assert raw not in page, raw
