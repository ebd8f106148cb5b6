"""Scheduling through the real webhook and inbox worker: settings, quota and replies wired end to end."""

from __future__ import annotations

import re

from sqlalchemy import select

from storage.models.meetings import Meeting, Reminder
from tests.members import join


def test_a_coordinator_schedules_over_the_webhook_and_sees_the_quota_from_line(
    bot_server, line, db
):
    coordinator = join(line, db, "สมใจ", roles=(("coordinator", "civil"),))
    join(line, db, "สมศรี")
    line.set_quota(500, total_usage=120)
    seen = 0

    def answer(send, count: int = 1) -> list[dict]:
        nonlocal seen
        assert send()["status"] == 200
        arrived = line.wait_for_messages(coordinator, since=seen, count=count)
        seen += len(arrived)
        return [m["message"] for m in arrived]

    for words in ("นัดประชุม", "ประชุมเครือข่าย", "พรุ่งนี้ 9 โมง", "https://zoom.us/j/555"):
        answer(lambda w=words: line.send_text(coordinator, w))
    audience = answer(lambda: line.send_text(coordinator, "ข้าม"))
    network = audience[-1]["quickReply"]["items"][0]["action"]
    card, summary = answer(lambda: line.send_postback(coordinator, network["data"]), count=2)
    assert card["type"] == "flex" and card["altText"].startswith("📅 นัดประชุม\nประชุมเครือข่าย")
    assert "ผู้รับ 1 คน (ไม่รวมคุณ)" in summary["text"]
    # The month is LINE's month now (this test runs on the real clock).
    assert re.search(r"^โควตา \S+ \d{4}: เหลือ 380 จาก 500 ข้อความ", summary["text"], re.M)
    confirm = summary["quickReply"]["items"][0]["action"]
    assert confirm["label"] == "ยืนยันนัดประชุม"
    done = answer(lambda: line.send_postback(coordinator, confirm["data"]))
    assert done[-1]["text"].startswith("บันทึกนัด “ประชุมเครือข่าย” แล้วค่ะ")
    with db.unit_of_work() as session:
        assert session.scalars(select(Meeting)).one().link == "https://zoom.us/j/555"
        kinds = {r.kind for r in session.scalars(select(Reminder))}
    assert "announcement" in kinds and "hour_before" in kinds
