"""When LINE refuses a meeting's send for the month's quota, the organiser is told at once, and
honestly when even that message cannot go (issue 12, item 1's last part)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from bot.gateway import LineGateway
from bot.quota_notices import QuotaNotices
from bot.reminders import ReminderJob
from bot.sender import DeliverySender
from storage.models import Delivery
from storage.models.meetings import Meeting
from storage.models.quota_notices import QuotaNotice
from tests.conftest import TOKEN
from tests.meetings import BANGKOK, FakeTime, alt_texts, schedule
from tests.members import join
from tests.staffweb import signed_in
from tests.waiting import sent_requests, wait_until

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)  # a Tuesday morning
MEETING_AT = datetime(2026, 11, 30, 13, 30, tzinfo=BANGKOK)
TITLE = "ประชุมเครือข่ายประจำเดือนธันวาคม"


def people(db, line) -> dict[str, str]:
    at = FakeTime(NOW)  # they joined before the meeting was announced
    return {
        "coordinator": join(line, db, "สมใจ", roles=(("coordinator", "civil"),), clock=at),
        "somsri": join(line, db, "สมศรี", clock=at),
        "somchai": join(line, db, "สมชาย", clock=at),
    }


def job_with_notices(db, emulator, time) -> ReminderJob:
    """The clock's job, its sender wired as build_bot wires it (on_quota tells the organiser)."""
    gateway = LineGateway(emulator.url, TOKEN, 3.0)
    sender = DeliverySender(db, gateway, clock=time, sleep=lambda s: None)
    sender.on_quota = QuotaNotices(db, sender, BANGKOK)
    return ReminderJob(db, sender, BANGKOK, time, timedelta(hours=6))


def test_the_organiser_is_told_at_once_when_one_message_is_still_left(db, line, emulator, app):
    found, time = people(db, line), FakeTime(NOW)
    schedule(db, MEETING_AT, NOW, organiser=found["coordinator"], title=TITLE)
    line.set_quota(300, total_usage=299)  # one message left; the announcement needs three
    job = job_with_notices(db, emulator, time)
    job.tick()
    [notice] = alt_texts(line, found["coordinator"])
    assert notice.splitlines() == [
        "⚠️ LINE ไม่ส่งข้อความนัดประชุม: โควตาข้อความของเดือนนี้หมดแล้ว",
        f"• ประกาศนัด “{TITLE}” (30 พ.ย. 2569 13:30 น.): ส่งไม่ถึง 2 คน",
        "บอทจะไม่ลองส่งซ้ำ (ลองใหม่ไม่ช่วยจนกว่าจะขึ้นเดือนใหม่) โปรดแจ้งผู้เข้าร่วมทางอื่น "
        "เช่น กลุ่ม LINE หรือโทรศัพท์ หรือเพิ่มโควตาใน LINE Official Account Manager "
        "ดูรายละเอียดได้ที่ รายงานการส่ง",
    ]
    assert alt_texts(line, found["somsri"]) == []
    # Nothing is retried, and the organiser is told once, whatever the clock does next.
    requests = len(sent_requests(line))
    time.advance(minutes=5)
    job.tick()
    assert len(sent_requests(line)) == requests
    with db.unit_of_work() as session:
        [told] = session.scalars(select(QuotaNotice)).all()
        assert told.told_via == "push"
        meeting_id = session.scalars(select(Meeting.id)).one()
    # The staff's meeting page says why, in words, and that the organiser knows.
    page = signed_in(app, db).get(f"/staff/meetings/{meeting_id}").get_data(as_text=True)
    assert "โควตาข้อความเดือนนี้หมดแล้ว (ไม่ส่งซ้ำ)" in page
    assert "แจ้งผู้นัดเรื่องโควตาหมดแล้ว (ส่งข้อความทันที)" in page


def test_with_no_quota_at_all_the_organiser_is_told_in_the_reply_to_their_next_message(
    db, line, emulator, bot_server
):
    found, time = people(db, line), FakeTime(NOW)
    bot = bot_server.app.extensions["bot"]
    bot.clock.set(time)  # the web's inbox worker and the clock's job share the test's time
    schedule(db, MEETING_AT, NOW, organiser=found["coordinator"], title=TITLE)
    line.set_quota(300, total_usage=300)
    job = ReminderJob(
        bot.db, bot.sender, BANGKOK, time, timedelta(hours=6)
    )  # as build_bot wired it
    job.tick()
    # The announcement and the push telling the organiser were both refused; neither retried.
    assert [r["status"] for r in sent_requests(line)] == [429, 429]
    with db.unit_of_work() as session:
        reasons = [(d.kind, d.status, d.reason) for d in session.scalars(select(Delivery))]
        assert reasons == [("multicast", "failed", "quota"), ("push", "failed", "quota")]
        assert session.scalars(select(QuotaNotice.told_at)).all() == [None]
    assert alt_texts(line, found["coordinator"]) == []

    # Her next message is answered by a reply, which costs no quota: the notice comes first.
    line.send_text(found["coordinator"], "รายงานการส่ง")
    wait_until(lambda: len(alt_texts(line, found["coordinator"])) >= 2)
    late, report = alt_texts(line, found["coordinator"])
    assert late.splitlines()[:2] == [
        "⚠️ แจ้งช้าค่ะ: โควตาข้อความของเดือนนี้หมด น้องคุณธรรมจึงส่งข้อความหาคุณทันทีไม่ได้ "
        "LINE ไม่ส่งข้อความนัดประชุมต่อไปนี้",
        f"• ประกาศนัด “{TITLE}” (30 พ.ย. 2569 13:30 น.): ส่งไม่ถึง 2 คน",
    ]
    lines = report.splitlines()
    assert "   ไม่สำเร็จ 2: โควตาข้อความเดือนนี้หมดแล้ว (ไม่ส่งซ้ำ)" in lines
    assert (
        "   ส่งข้อความแจ้งผู้นัดทันทีไม่ได้ (โควตาหมด): แจ้งไว้ในคำตอบแรกที่ผู้นัดพิมพ์หาน้องคุณธรรม "
        "(คำตอบไม่ใช้โควตา)" in lines
    )
    # Told once: the next answer carries no notice.
    line.send_text(found["coordinator"], "ประชุมของฉัน")
    wait_until(lambda: len(alt_texts(line, found["coordinator"])) >= 3)
    assert not any(t.startswith("⚠️") for t in alt_texts(line, found["coordinator"])[2:])
    [via] = [r["via"] for r in line.messages(found["coordinator"])["messages"]][:1]
    assert via == "reply"
    # A member who organises nothing never sees it.
    line.send_text(found["somsri"], "ประชุมของฉัน")
    wait_until(lambda: len(alt_texts(line, found["somsri"])) >= 1)
    assert not alt_texts(line, found["somsri"])[0].startswith("⚠️")
