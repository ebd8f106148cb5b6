"""A page and its export never differ: the meeting page counts the RSVPs the meetings export does."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storage import meetings
from storage.models import Member
from storage.models.members import CONSENT_WITHDRAWN
from tests.exporting import read_csv, run_export
from tests.meetings import many_members, schedule
from tests.staffweb import signed_in

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
CARD = re.compile(r'<div class="num">(\d+)</div><div class="lbl">([^<]+)</div>')


def test_meeting_page_rsvps_equal_the_export_and_leave_out_withdrawn_members(app, db):
    users = many_members(db, 5)
    meeting_id = schedule(db, NOW + timedelta(days=3), NOW)
    with db.unit_of_work() as session:
        ids = {m.line_user_id: m.id for m in session.scalars(select(Member))}
        for user, value in zip(users, ["yes", "yes", "yes", "no", "maybe"], strict=True):
            meetings.answer(session, meeting_id, ids[user], value, NOW)
        withdrawn = session.get(Member, ids[users[0]])
        withdrawn.consent_status = CONSENT_WITHDRAWN
    client = signed_in(app, db)
    page = client.get(f"/staff/meetings/{meeting_id}").get_data(as_text=True)
    cards = {label: int(number) for number, label in CARD.findall(page)}
    rows = read_csv(run_export(app, "meetings", "--format", "csv"))
    header, row = rows[0], rows[1]
    exported = [int(row[i]) for i, title in enumerate(header) if title.startswith("ตอบ")]
    assert exported[:3] == [2, 1, 1], (header, row)
    assert [cards[label] for label in ("เข้าร่วม", "ไม่สะดวก", "ยังไม่แน่ใจ")] == exported[:3]
