"""Transcripts in Thai: a coordinator schedules, changes and cancels; members answer and are reminded."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from bot.config import Config
from bot.gateway import LineGateway
from handlers import handler_modules
from handlers.registry import build_registry
from handlers.router import Router
from storage.models import Member
from storage.models.meetings import Meeting, Reminder
from tests.conftest import SECRET, TOKEN
from tests.meetings import BANGKOK, Chat, FakeTime, alt_texts, clock_job, feed, labels, texts
from tests.members import join

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)  # a Tuesday morning


@pytest.fixture(scope="module")
def router():
    return Router(build_registry(handler_modules()))


@pytest.fixture
def time():
    return FakeTime(NOW)


@pytest.fixture
def people(db, line, time):
    """A civil-network coordinator, three civil members and one youth member, joined at NOW."""
    return {
        "coordinator": join(line, db, "สมใจ", roles=(("coordinator", "civil"),), clock=time),
        "somsri": join(line, db, "สมศรี", clock=time),
        "somchai": join(line, db, "สมชาย", clock=time),
        "john": join(line, db, "John", language="en", clock=time),
        "youth": join(line, db, "น้องฟ้า", network="youth", clock=time),
    }


@pytest.fixture
def chat(db, router, emulator, time):
    gateway = LineGateway(emulator.url, TOKEN, 3.0)
    config = Config(channel_secret=SECRET, access_token=TOKEN)
    yield lambda user_id: Chat(db, router, user_id, time, gateway, config)
    gateway.close()


def schedule_in_chat(coordinator: Chat, title="ประชุมเครือข่ายประจำเดือนธันวาคม", when="พรุ่งนี้ 9 โมง"):
    """Go through นัดประชุม to the review; return the review's messages."""
    assert texts(coordinator.say("นัดประชุม")) == ["ตั้งชื่อการประชุมค่ะ (เช่น ประชุมเครือข่ายประจำเดือนธันวาคม)"]
    asked = coordinator.say(title)
    assert "ประชุมวันไหน" in texts(asked)[0] and "เลือกวันเวลา" in labels(asked)
    assert "ประชุมที่ไหน" in texts(coordinator.say(when))[0]
    assert "วาระการประชุม" in texts(coordinator.say("Zoom https://zoom.us/j/98765"))[0]
    audience = coordinator.say("ติดตามกิจกรรมเดือนพฤศจิกายน")
    assert labels(audience)[0] == "ประชาสังคมคุณธรรม"
    return coordinator.tap(audience[-1], "ประชาสังคมคุณธรรม")


def announced_with_decline(db, chat, people, line, emulator, time):
    """The coordinator confirms a meeting for 30 Nov in chat and the clock announces it; return
    the clock's job and the postback of the ไม่สะดวก button on somsri's card."""
    coordinator = chat(people["coordinator"])
    coordinator.tap(schedule_in_chat(coordinator, when="30 พ.ย. 69 13.30 น.")[-1], "ยืนยันนัดประชุม")
    job = clock_job(db, emulator.url, time)
    job.tick()
    [card] = feed(line, people["somsri"])
    decline = next(
        b["action"]["data"]
        for b in card["contents"]["footer"]["contents"]
        if b["action"]["label"] == "ไม่สะดวก"
    )
    return job, decline


def test_a_coordinator_schedules_a_meeting_in_thai_with_a_preview_of_its_cost(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    review = schedule_in_chat(coordinator)
    preview, summary = review
    assert preview["altText"].splitlines()[:3] == [
        "📅 นัดประชุม",
        "ประชุมเครือข่ายประจำเดือนธันวาคม",
        "🕘 วันเวลา: วันพุธที่ 25 พ.ย. 2569 เวลา 09:00 น.",
    ]
    assert "📍 สถานที่: Zoom\n🔗 ลิงก์: https://zoom.us/j/98765" in preview["altText"]
    # Tomorrow 09:00: too soon for a day-before reminder; an hour before, and the RSVPs tonight.
    assert summary["text"].splitlines() == [
        "ตรวจสอบก่อนยืนยันนะคะ",
        "ผู้รับ: ประชาสังคมคุณธรรม",
        "ข้อความที่จะส่ง:",
        "• ประกาศนัด: ทันทีที่ยืนยัน",
        "• เตือนก่อนเริ่ม 60 นาที: 25 พ.ย. 2569 08:00 น.",
        "• สรุปการตอบรับส่งถึงคุณ: 24 พ.ย. 2569 18:00 น.",
        "ผู้รับ 3 คน (ไม่รวมคุณ) ใช้ประมาณ 7 ข้อความ",  # the organiser is not sent her own
        "โควตา พ.ย. 2569: เหลือ 300 จาก 300 ข้อความ (ส่งไปแล้ว 0 · วางแผนส่งไว้ 0)",
    ]
    assert labels(review)[:2] == ["ยืนยันนัดประชุม", "แก้ชื่อ"]
    done = coordinator.tap(summary, "ยืนยันนัดประชุม")
    assert texts(done)[0].startswith("บันทึกนัด “ประชุมเครือข่ายประจำเดือนธันวาคม” แล้วค่ะ")
    with db.unit_of_work() as session:
        meeting = session.scalars(select(Meeting)).one()
        assert meeting.starts_at == datetime(2026, 11, 25, 9, 0, tzinfo=BANGKOK)
        assert (meeting.link, meeting.place, meeting.networks) == (
            "https://zoom.us/j/98765",
            "Zoom",
            "civil",
        )
        kinds = [r.kind for r in session.scalars(select(Reminder).order_by(Reminder.due_at))]
    assert kinds == ["announcement", "rsvp_summary", "hour_before"]
    clock_job(db, emulator.url, time).tick()
    assert alt_texts(line, people["somsri"])[0].startswith("📅 นัดประชุม\nประชุมเครือข่าย")
    assert alt_texts(line, people["john"])[0].startswith("📅 Meeting\n")
    assert feed(line, people["youth"]) == []


def test_a_time_already_past_is_refused_with_a_clear_hint(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    assert texts(coordinator.say("9 โมง"))[0] == (
        "วันอังคารที่ 24 พ.ย. 2569 09:00 น. ผ่านไปแล้วค่ะ กรุณาเลือกวันเวลาที่ยังมาไม่ถึง"
    )
    assert texts(coordinator.say("เมื่อวาน 13.30 น."))[0].startswith(
        "วันจันทร์ที่ 23 พ.ย. 2569 13:30 น. ผ่านไปแล้ว"
    )
    assert texts(coordinator.say("20 พ.ย. 69 10.00"))[0].startswith(
        "วันศุกร์ที่ 20 พ.ย. 2569 10:00 น. ผ่านไปแล้วค่ะ"
    )
    assert "วันที่" in texts(coordinator.say("31 ก.พ. 70 10.00 น."))[0]
    no_time = texts(coordinator.say("พรุ่งนี้"))[0]
    assert "เวลา" in no_time and "ผ่านไปแล้ว" not in no_time
    picked = coordinator.press("s=when&v=picker", {"datetime": "2026-11-30T13:30"})
    assert "ประชุมที่ไหน" in texts(picked)[0]


def test_the_preview_refuses_a_meeting_that_would_exceed_the_months_quota(chat, people, line):
    line.set_quota(300, total_usage=295)
    coordinator = chat(people["coordinator"])
    review = schedule_in_chat(coordinator)
    assert texts(review)[1].splitlines()[:2] == [
        "ขออภัยค่ะ โควตาข้อความไม่พอใน พ.ย. 2569 จึงยืนยันไม่ได้",
        "• พ.ย. 2569: นัดนี้ต้องใช้ 7 ข้อความ แต่เหลือ 5 ข้อความ",
    ]
    assert "ยืนยันนัดประชุม" not in labels(review)
    again = coordinator.say("ยืนยันนัดประชุม")
    assert "ยืนยันไม่ได้" in texts(again)[0]


def test_a_second_meeting_that_fits_alone_is_refused_when_the_planned_sends_fill_the_quota(
    chat, people, line
):
    # Each meeting alone costs 7 of the 12 left; the first one's sends are still planned.
    line.set_quota(300, total_usage=288)
    coordinator = chat(people["coordinator"])
    first = schedule_in_chat(coordinator)
    assert (
        "โควตา พ.ย. 2569: เหลือ 12 จาก 300 ข้อความ (ส่งไปแล้ว 288 · วางแผนส่งไว้ 0)" in first[-1]["text"]
    )
    coordinator.tap(first[-1], "ยืนยันนัดประชุม")
    second = schedule_in_chat(coordinator, title="ประชุมคณะทำงาน", when="พรุ่งนี้ 14.00 น.")
    assert "ยืนยันนัดประชุม" not in labels(second)
    [refusal] = [t for t in texts(second) if "ยืนยันไม่ได้" in t]
    assert "• พ.ย. 2569: นัดนี้ต้องใช้ 7 ข้อความ แต่เหลือ 5 ข้อความ" in refusal
    assert "พ.ย. 2569 มีข้อความที่วางแผนส่งไว้แล้ว 7 ข้อความ:" in refusal
    assert "• ประชุมเครือข่ายประจำเดือนธันวาคม (25 พ.ย. 2569 09:00 น.): 7 ข้อความ" in refusal
    assert "ยืนยันไม่ได้" in texts(coordinator.say("ยืนยันนัดประชุม"))[0]


def test_a_plain_member_cannot_schedule_change_or_report(chat, people, db):
    member = chat(people["somsri"])
    for words in ("แก้ไขประชุม", "รายงานการส่ง"):
        [answer] = member.say(words)
        assert "ใช้ได้เฉพาะผู้ประสานงานเครือข่ายค่ะ" in answer["text"]
    # The menu's นัดประชุม shows a plain member the meetings they are invited to instead.
    for answers in (member.say("นัดประชุม"), member.press("cmd=meeting")):
        said = json.dumps(answers, ensure_ascii=False)
        assert "ขออภัยค่ะ" not in said and "รหัสเชิญ" in said  # not refused: told how
        assert "ยังไม่มีนัดประชุม" in answers[-1]["text"] or answers[0]["type"] == "flex"
    with db.unit_of_work() as session:
        assert session.scalars(select(Meeting)).first() is None


def test_a_coordinator_changes_the_time_and_those_invited_are_told(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    review = schedule_in_chat(coordinator)
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    job = clock_job(db, emulator.url, time)
    job.tick()
    picked = coordinator.say("แก้ไขประชุม")
    assert texts(picked)[0].startswith(
        "เลือกการประชุมค่ะ\n#1 ประชุมเครือข่ายประจำเดือนธันวาคม (25 พ.ย. 2569 09:00 น.)"
    )
    action = coordinator.tap(picked[-1], "#1 25 พ.ย. 09:00")
    assert labels(action)[:5] == ["แก้ชื่อ", "แก้วันเวลา", "แก้สถานที่/ลิงก์", "แก้วาระ", "ยกเลิกนัดนี้"]
    coordinator.tap(action[-1], "แก้วันเวลา")
    confirm = coordinator.say("26 พ.ย. 69 14.00 น.")
    assert "🕘 วันเวลา: วันพฤหัสบดีที่ 26 พ.ย. 2569 เวลา 14:00 น." in confirm[0]["altText"]
    assert "น้องคุณธรรมจะแจ้งผู้ได้รับเชิญ 3 คน" in confirm[-1]["text"]
    done = coordinator.tap(confirm[-1], "บันทึกการแก้ไข")
    assert texts(done) == ["แก้ไข “ประชุมเครือข่ายประจำเดือนธันวาคม” แล้วค่ะ กำลังแจ้งผู้ได้รับเชิญค่ะ"]
    job.tick()
    notice = alt_texts(line, people["somsri"])[-1]
    assert notice.splitlines()[:2] == [
        "✏️ เปลี่ยนเวลาประชุม: วันพุธที่ 25 พ.ย. 2569 เวลา 09:00 น. → วันพฤหัสบดีที่ 26 พ.ย. 2569 เวลา 14:00 น.",
        "ใครที่เคยตอบว่าไม่สะดวก ช่วยตอบใหม่อีกครั้งนะคะ",
    ]
    with db.unit_of_work() as session:
        pending = {
            r.kind: r.due_at
            for r in session.scalars(select(Reminder).where(Reminder.status == "pending"))
        }
    assert pending["hour_before"] == datetime(2026, 11, 26, 13, 0, tzinfo=BANGKOK)
    assert pending["day_before"] == datetime(2026, 11, 25, 9, 0, tzinfo=BANGKOK)


def test_a_coordinator_cancels_and_no_reminder_follows_the_notice(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    coordinator.tap(schedule_in_chat(coordinator)[-1], "ยืนยันนัดประชุม")
    job = clock_job(db, emulator.url, time)
    job.tick()
    picked = coordinator.say("ยกเลิกประชุม")  # straight to the cancel question
    confirm = coordinator.tap(picked[-1], "#1 25 พ.ย. 09:00")
    assert texts(confirm)[0].startswith("ยกเลิกการประชุม “ประชุมเครือข่ายประจำเดือนธันวาคม” ใช่ไหมคะ?")
    done = coordinator.tap(confirm[-1], "ยืนยันยกเลิกนัด")
    assert texts(done)[0].startswith("ยกเลิกการประชุม “ประชุมเครือข่ายประจำเดือนธันวาคม” แล้วค่ะ")
    job.tick()
    assert alt_texts(line, people["somsri"])[-1].startswith("❌ ยกเลิกการประชุมแล้วค่ะ")
    for moment in (datetime(2026, 11, 24, 18, 0), datetime(2026, 11, 25, 8, 0)):
        time.move_to(moment.replace(tzinfo=BANGKOK))
        assert job.tick() == 0
    assert len(feed(line, people["somsri"])) == 2
    assert feed(line, people["coordinator"]) == []  # not her own notices; no RSVP summary
    [report] = coordinator.say("รายงานการส่ง")
    assert "(ยกเลิกแล้ว)" in report["text"] and "• แจ้งยกเลิก" in report["text"]


def test_a_member_answers_and_then_gets_only_the_reminders_they_should(
    db, chat, people, line, emulator, time
):
    job, decline = announced_with_decline(db, chat, people, line, emulator, time)
    assert texts(chat(people["somsri"]).press(decline))[0].startswith(
        "รับทราบค่ะ บันทึกว่าคุณไม่สะดวกเข้าร่วม"
    )
    accept = decline.replace("a=no", "a=yes")
    assert texts(chat(people["somchai"]).press(accept))[0].startswith("ขอบคุณค่ะ 🙏 บันทึกว่าคุณจะเข้าร่วม")
    assert "ไม่พบการประชุมนี้" in texts(chat(people["youth"]).press(accept))[0]  # not invited

    time.move_to(datetime(2026, 11, 29, 9, 0, tzinfo=BANGKOK))
    job.tick()
    time.move_to(datetime(2026, 11, 29, 18, 0, tzinfo=BANGKOK))
    job.tick()
    time.move_to(datetime(2026, 11, 30, 12, 30, tzinfo=BANGKOK))
    job.tick()
    assert [t.splitlines()[0] for t in alt_texts(line, people["somchai"])] == [
        "📅 นัดประชุม", "🔔 พรุ่งนี้มีประชุม", "⏰ อีก 60 นาทีเริ่มประชุม",
    ]  # fmt: skip
    assert [t.splitlines()[0] for t in alt_texts(line, people["somsri"])] == ["📅 นัดประชุม"]
    [summary] = [t for t in alt_texts(line, people["coordinator"]) if t.startswith("📋")]
    # The coordinator who scheduled it is not an invitee waiting to answer.
    assert summary.startswith("📋 สรุปการตอบรับ: เข้าร่วม 1 · ไม่สะดวก 1 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 1 คน")

    mine = chat(people["somchai"]).say("ประชุมของฉัน")
    assert mine[0]["type"] == "flex" and "คำตอบของคุณ: เข้าร่วม" in str(mine[0]["contents"])
    time.move_to(datetime(2026, 11, 30, 14, 0, tzinfo=BANGKOK))
    assert "เริ่มไปแล้ว" in texts(chat(people["somsri"]).press(accept))[0]
    assert texts(chat(people["somchai"]).say("ประชุมของฉัน"))[0] == "ตอนนี้ยังไม่มีนัดประชุมที่กำลังจะมาถึงค่ะ"


def test_the_delivery_report_in_chat_counts_sent_failed_and_left_out(
    db, chat, people, line, emulator, time
):
    with db.unit_of_work() as session:
        from storage import members

        members.find(session, people["john"]).following = False
    coordinator = chat(people["coordinator"])
    coordinator.tap(schedule_in_chat(coordinator)[-1], "ยืนยันนัดประชุม")
    clock_job(db, emulator.url, time).tick()
    [report] = coordinator.say("รายงานการส่ง")
    assert report["text"].splitlines() == [
        "📊 รายงานการส่ง “ประชุมเครือข่ายประจำเดือนธันวาคม” (25 พ.ย. 2569 09:00 น.)",
        "• ประกาศนัด (24 พ.ย. 2569 10:00 น.): ส่งแล้ว 2 · ไม่สำเร็จ 0 · กำลังส่ง 0",
        "   ไม่ได้ส่งถึง: เลิกติดตามบอท 1",
        "• สรุปการตอบรับ (24 พ.ย. 2569 18:00 น.): รอถึงเวลา",
        "• เตือนก่อนเริ่ม (25 พ.ย. 2569 08:00 น.): รอถึงเวลา",
        "ตอบรับ: เข้าร่วม 0 · ไม่สะดวก 0 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 2",
        "   ยังไม่ตอบ ได้แก่ สมศรี, สมชาย",
        "โควตา พ.ย. 2569: เหลือ 295 จาก 300 ข้อความ (ส่งไปแล้ว 2 · วางแผนส่งไว้ 3)",
    ]


def test_a_coordinator_links_a_line_group_and_announces_a_meeting_there(
    db, chat, people, line, emulator, time
):
    group = "C" + "1" * 32
    assert "เฉพาะผู้ประสานงาน" in texts(chat(people["somsri"]).say("ผูกกลุ่มนัดประชุม", group=group))[0]
    linked = chat(people["coordinator"]).say("ผูกกลุ่มนัดประชุม", group=group)
    assert texts(linked) == [
        "ผูกกลุ่มนี้กับเครือข่ายประชาสังคมคุณธรรมแล้วค่ะ ผู้ประสานงานเลือกกลุ่มนี้เป็นผู้รับได้เมื่อนัดประชุม"
    ]
    line.set_group_size(group, 12)  # LINE counts a group push once per member
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมกลุ่มย่อย")
    coordinator.say("พรุ่งนี้ 14.00 น.")
    coordinator.say("ศาลาวัดบ้านดอย")
    audience = coordinator.say("ข้าม")
    review = coordinator.tap(audience[-1], "กลุ่ม LINE #1")
    assert "ผู้รับ 12 คน ใช้ประมาณ 24 ข้อความ" in review[-1]["text"]
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    clock_job(db, emulator.url, time).tick()
    [posted] = feed(line, group)
    assert posted["altText"].startswith("📅 นัดประชุม\nประชุมกลุ่มย่อย")
    # Anyone in the group answers on the card (tests/test_meeting_groups.py follows a tap).
    buttons = [b["action"]["label"] for b in posted["contents"]["footer"]["contents"]]
    assert buttons == ["เข้าร่วม", "ไม่สะดวก", "ยังไม่แน่ใจ"]
    assert "บันทึกเงียบ ๆ ไม่ตอบในกลุ่ม" in posted["altText"]


def test_the_date_understood_is_repeated_at_once_with_its_weekday_in_thai(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมคณะทำงาน")
    [asked] = texts(coordinator.say("พรุ่งนี้ 9 โมง"))
    assert asked.splitlines()[0] == "รับทราบค่ะ นัดวันพุธที่ 25 พ.ย. 2569 เวลา 09:00 น."
    assert "ประชุมที่ไหน" in asked


def test_tomorrow_then_ten_oclock_in_two_messages_keeps_the_date(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมคณะทำงาน")
    assert "ขอเวลาด้วย" in texts(coordinator.say("พรุ่งนี้"))[0]
    [asked] = texts(coordinator.say("10 โมง"))
    assert asked.splitlines()[0] == "รับทราบค่ะ นัดวันพุธที่ 25 พ.ย. 2569 เวลา 10:00 น."


def test_a_range_is_stored_and_the_card_reads_its_start_and_end(db, chat, people):
    coordinator = chat(people["coordinator"])
    review = schedule_in_chat(coordinator, when="6 ธ.ค. 9.00-12.00 น.")
    assert "🕘 วันเวลา: วันอาทิตย์ที่ 6 ธ.ค. 2569 เวลา 09:00–12:00 น." in review[0]["altText"]
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    with db.unit_of_work() as session:
        meeting = session.scalars(select(Meeting)).one()
        assert meeting.ends_at == datetime(2026, 12, 6, 12, 0, tzinfo=BANGKOK)


@pytest.mark.parametrize(
    ("typed", "link", "place"),
    [
        ("zoom.us/j/8123456789?pwd=abc ครับ", "https://zoom.us/j/8123456789?pwd=abc", None),
        ("https://zoom.us/j/8123456789 นะคะ 🙏", "https://zoom.us/j/8123456789", None),
        ("zoom.us/j/8123456789?pwd=abcค่ะ", "https://zoom.us/j/8123456789?pwd=abc", None),
        ("Zoom https://zoom.us/j/98765 ครับ", "https://zoom.us/j/98765", "Zoom"),
        ("ห้องประชุมเทศบาล ค่ะ", None, "ห้องประชุมเทศบาล"),
    ],
)
def test_polite_particles_beside_a_link_are_never_the_place(db, chat, people, typed, link, place):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมออนไลน์")
    assert "ประชุมที่ไหน" in texts(coordinator.say("30 พ.ย. 69 13.30 น."))[0]
    assert "วาระการประชุม" in texts(coordinator.say(typed))[0]
    audience = coordinator.say("ติดตามกิจกรรม")
    review = coordinator.tap(audience[-1], "ประชาสังคมคุณธรรม")
    assert "สถานที่: ครับ" not in review[0]["altText"]
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    with db.unit_of_work() as session:
        meeting = session.scalars(select(Meeting)).one()
        assert (meeting.link, meeting.place) == (link, place)


def test_punctuation_alone_as_an_agenda_is_asked_again_not_a_crash(db, chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมออนไลน์")
    coordinator.say("30 พ.ย. 69 13.30 น.")
    coordinator.say("zoom.us/j/8123456789")
    assert texts(coordinator.say("-"))[0].startswith("วาระต้องมีตัวอักษรหรือตัวเลขค่ะ")


@pytest.mark.parametrize("typed", ["ยกเลิกเลยครับ", "ยกเลิกนัดนี้ค่ะ", "ยกเลิกประชุมครับ"])
def test_typing_cancel_at_the_edit_menu_cancels_the_meeting_not_the_conversation(
    db, chat, people, typed
):
    coordinator = chat(people["coordinator"])
    coordinator.tap(schedule_in_chat(coordinator, when="30 พ.ย. 69 13.30 น.")[-1], "ยืนยันนัดประชุม")
    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], labels(picked)[0])
    assert texts(action)[-1] == "ต้องการแก้ไขอะไรคะ?"
    asked = coordinator.say(typed)
    assert "ยกเลิก" in labels(asked)[0] and "ยืนยัน" in texts(asked)[-1] or "ยกเลิก" in texts(asked)[-1]
    assert "ที่ยังไม่บันทึก" not in texts(asked)[-1]
    done = coordinator.tap(asked[-1], labels(asked)[0])
    assert texts(done)[0].startswith("ยกเลิกการประชุม “ประชุมเครือข่ายประจำเดือนธันวาคม” แล้วค่ะ")
    with db.unit_of_work() as session:
        assert session.scalars(select(Meeting.status)).one() == "cancelled"


def test_leaving_the_edit_menu_says_the_meeting_is_still_scheduled(db, chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.tap(schedule_in_chat(coordinator, when="30 พ.ย. 69 13.30 น.")[-1], "ยืนยันนัดประชุม")
    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], labels(picked)[0])
    assert "ยกเลิก" in labels(action)  # the leave button, beside ยกเลิกนัดนี้
    left = coordinator.tap(action[-1], "ยกเลิก")
    assert "นัดประชุมยังอยู่ตามเดิม" in texts(left)[0]
    with db.unit_of_work() as session:
        assert session.scalars(select(Meeting.status)).one() == "scheduled"


def test_a_meeting_nobody_would_receive_is_not_confirmed(db, chat, line):
    lonely = join(line, db, "สมหมาย", network="youth", roles=(("coordinator", "youth"),))
    with db.unit_of_work() as session:  # the coordinator alone, and not following: nobody to tell
        session.execute(Member.__table__.update().values(following=False))
    coordinator = chat(lonely)
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเยาวชน")
    coordinator.say("30 พ.ย. 69 13.30 น.")
    coordinator.say("zoom.us/j/8123456789")
    audience = coordinator.say("ติดตามกิจกรรม")
    review = coordinator.tap(audience[-1], labels(audience)[0])
    said = texts(review)
    assert any("ยังไม่มีสมาชิกในเครือข่ายนี้ จึงไม่มีใครได้รับประกาศ" in t for t in said), said
    assert "ยืนยันนัดประชุม" not in labels(review)
    refused = coordinator.say("ยืนยันนัดประชุม")
    assert not any("ประกาศจะส่งถึงผู้ได้รับเชิญ" in t for t in texts(refused)), texts(refused)
    with db.unit_of_work() as session:
        assert session.scalars(select(Meeting)).all() == []
