"""Transcripts in Thai: the organiser sees who answered what, reminds those who have not answered
(cost shown first, sent once), and gets the day's declines in the evening (issue 12, item 3)."""

# The fixtures come from the meeting transcripts' module; pytest passes them by these names.
# ruff: noqa: F811

from __future__ import annotations

from datetime import datetime

from tests.meetings import BANGKOK, alt_texts, texts
from tests.members import join
from tests.test_meeting_chat import (  # noqa: F401 - fixtures shared with the meeting transcripts
    announced_with_decline,
    chat,
    people,
    router,
    time,
)


def quick_labels(message: dict) -> list[str]:
    return [i["action"]["label"] for i in message.get("quickReply", {}).get("items", [])]


def tap(person, message: dict, label: str) -> list[dict]:
    [item] = [i for i in message["quickReply"]["items"] if i["action"]["label"] == label]
    return person.press(item["action"]["data"])


def test_the_organiser_sees_names_and_reminds_only_those_who_have_not_answered(
    db, chat, people, line, emulator, time
):
    job, decline = announced_with_decline(db, chat, people, line, emulator, time)
    chat(people["somsri"]).press(decline)
    chat(people["john"]).press(decline.replace("a=no", "a=yes"))
    coordinator = chat(people["coordinator"])
    [report] = coordinator.say("รายงานการส่ง")
    lines = report["text"].splitlines()
    assert "ตอบรับ: เข้าร่วม 1 · ไม่สะดวก 1 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 1" in lines
    # The names behind each count; the coordinator herself is not waiting to answer.
    assert lines[-4:] == [
        "   เข้าร่วม ได้แก่ John",
        "   ไม่สะดวก ได้แก่ สมศรี",
        "   ยังไม่ตอบ ได้แก่ สมชาย",
        "โควตา พ.ย. 2569: เหลือ 292 จาก 300 ข้อความ (ส่งไปแล้ว 3 · วางแผนส่งไว้ 5)",
    ]
    assert quick_labels(report)[0] == "เตือนคนที่ยังไม่ตอบ"

    [ask] = tap(coordinator, report, "เตือนคนที่ยังไม่ตอบ")
    assert ask["text"].splitlines() == [
        "ส่งการ์ดเตือนให้ตอบรับ “ประชุมเครือข่ายประจำเดือนธันวาคม” ถึงคนที่ยังไม่ตอบไหมคะ?",
        "ผู้รับ 1 คน: สมชาย",
        "ใช้ 1 ข้อความ",
        "โควตา พ.ย. 2569: เหลือ 292 จาก 300 ข้อความ (ส่งไปแล้ว 3 · วางแผนส่งไว้ 5)",
    ]
    # 300 less the announcement (3, not to the organiser) and what is still planned: 2 + 2
    # reminders and the summary.
    assert quick_labels(ask)[0] == "ส่งเตือนเลย"
    job.tick()
    assert len(alt_texts(line, people["somchai"])) == 1  # asking sends nothing

    [planned] = tap(coordinator, ask, "ส่งเตือนเลย")
    assert planned["text"].startswith("กำลังส่งการ์ดเตือน “ประชุมเครือข่ายประจำเดือนธันวาคม”")
    # A second tap on the same button is a double tap, not a second reminder.
    [again] = tap(coordinator, ask, "ส่งเตือนเลย")
    assert again["text"].startswith("เพิ่งสั่งเตือน")
    job.tick()
    job.tick()
    assert [t.splitlines()[0] for t in alt_texts(line, people["somchai"])] == [
        "📅 นัดประชุม",
        "🙋 ยังไม่ได้ตอบรับนัดนี้ค่ะ แตะปุ่มด้านล่างได้เลย",
    ]
    for answered in ("somsri", "john"):
        assert len(alt_texts(line, people[answered])) == 1
    assert alt_texts(line, people["coordinator"]) == []  # not sent her own meeting
    [report] = coordinator.say("รายงานการส่ง")
    assert "• เตือนคนที่ยังไม่ตอบ (24 พ.ย. 2569 10:00 น.): ส่งแล้ว 1 · ไม่สำเร็จ 0 · กำลังส่ง 0" in (
        report["text"].splitlines()
    )


def test_reminding_is_refused_when_the_quota_cannot_cover_it(
    db, chat, people, line, emulator, time
):
    announced_with_decline(db, chat, people, line, emulator, time)
    line.set_quota(300, 296)  # 4 left, and the planned reminders need more than that
    [said] = chat(people["coordinator"]).say("เตือนคนที่ยังไม่ตอบ")
    assert said["text"].startswith("โควตาไม่พอค่ะ: ต้องใช้ 3 ข้อความ แต่โควตา พ.ย. 2569 เหลือ 0 ข้อความ")


def test_everyone_answered_means_nothing_to_remind(db, chat, people, line, emulator, time):
    _, decline = announced_with_decline(db, chat, people, line, emulator, time)
    for who in ("somsri", "somchai", "john"):
        chat(people[who]).press(decline)
    [report] = chat(people["coordinator"]).say("รายงานการส่ง")
    assert "เตือนคนที่ยังไม่ตอบ" not in quick_labels(report)
    [said] = chat(people["coordinator"]).say("เตือนคนที่ยังไม่ตอบ")
    assert said["text"] == "ทุกคนตอบรับ “ประชุมเครือข่ายประจำเดือนธันวาคม” แล้วค่ะ ไม่ต้องเตือน"
    assert texts(chat(people["somsri"]).say("เตือนคนที่ยังไม่ตอบ"))[0].startswith("ขออภัย")


def evening_messages(line, user_id: str) -> list[str]:
    return [t for t in alt_texts(line, user_id) if t.startswith("🌙")]


def test_one_message_in_the_evening_lists_the_days_declines(db, chat, people, line, emulator, time):
    # Announced Tuesday 24 Nov at 10:00 for Monday 30 Nov 13:30 (RSVP summary: 29 Nov 18:00).
    job, decline = announced_with_decline(db, chat, people, line, emulator, time)
    chat(people["somsri"]).press(decline)
    time.move_to(datetime(2026, 11, 24, 17, 59, tzinfo=BANGKOK))
    job.tick()
    assert evening_messages(line, people["coordinator"]) == []  # not before 18:00
    time.move_to(datetime(2026, 11, 24, 18, 0, tzinfo=BANGKOK))
    job.tick()
    time.move_to(datetime(2026, 11, 24, 18, 30, tzinfo=BANGKOK))
    job.tick()  # a second tick (or a second clock) adds nothing
    assert evening_messages(line, people["coordinator"]) == [
        "🌙 สรุปวันนี้: ผู้ที่แจ้งว่าไม่สะดวกเข้าร่วม\n"
        "• ประชุมเครือข่ายประจำเดือนธันวาคม (วันจันทร์ที่ 30 พ.ย. 2569 เวลา 13:30 น.): ไม่สะดวก สมศรี\n"
        "ดูทุกคำตอบได้ที่ รายงานการส่ง"
    ]
    # Tuesday 19:00: สมชาย declines after that evening's list, so he is in Wednesday's.
    time.move_to(datetime(2026, 11, 24, 19, 0, tzinfo=BANGKOK))
    chat(people["somchai"]).press(decline)
    time.move_to(datetime(2026, 11, 25, 18, 5, tzinfo=BANGKOK))
    job.tick()
    # Thursday, a day without declines: nothing.
    time.move_to(datetime(2026, 11, 26, 18, 5, tzinfo=BANGKOK))
    job.tick()
    lists = evening_messages(line, people["coordinator"])
    assert len(lists) == 2 and lists[1].splitlines()[1].endswith(": ไม่สะดวก สมชาย")
    # Sunday 29: John declines; the RSVP summary that evening names him, so no second message.
    time.move_to(datetime(2026, 11, 29, 10, 0, tzinfo=BANGKOK))
    chat(people["john"]).press(decline)
    time.move_to(datetime(2026, 11, 29, 18, 0, tzinfo=BANGKOK))
    job.tick()
    [summary] = [t for t in alt_texts(line, people["coordinator"]) if t.startswith("📋")]
    assert summary.splitlines()[:2] == [
        "📋 สรุปการตอบรับ: เข้าร่วม 0 · ไม่สะดวก 3 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 0 คน",
        "   ไม่สะดวก ได้แก่ สมศรี, สมชาย, John",
    ]
    assert len(evening_messages(line, people["coordinator"])) == 2
    # Members are never sent the organiser's list.
    assert evening_messages(line, people["somsri"]) == []


def test_no_evening_list_outside_the_evening(db, chat, people, line, emulator, time):
    job, decline = announced_with_decline(db, chat, people, line, emulator, time)
    time.move_to(datetime(2026, 11, 25, 9, 0, tzinfo=BANGKOK))
    chat(people["somsri"]).press(decline)
    # The clock was down all evening and comes back at 21:00: the list is not sent at night.
    time.move_to(datetime(2026, 11, 25, 21, 0, tzinfo=BANGKOK))
    job.tick()
    assert evening_messages(line, people["coordinator"]) == []


def test_a_member_who_withdrew_consent_is_named_nowhere_the_coordinator_looks(
    db, chat, people, line, emulator, time
):
    # สมศรี declines, then withdraws her consent: counts and names leave her out alike.
    job, decline = announced_with_decline(db, chat, people, line, emulator, time)
    somsri = chat(people["somsri"])
    somsri.press(decline)
    chat(people["john"]).press(decline.replace("a=no", "a=yes"))
    [question] = somsri.say("ถอนความยินยอม")
    somsri.tap(question, "ยืนยันถอน")
    coordinator = chat(people["coordinator"])
    [report] = coordinator.say("รายงานการส่ง")
    lines = report["text"].splitlines()
    assert "ตอบรับ: เข้าร่วม 1 · ไม่สะดวก 0 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 1" in lines
    assert lines[-3:-1] == ["   เข้าร่วม ได้แก่ John", "   ยังไม่ตอบ ได้แก่ สมชาย"]
    assert "สมศรี" not in report["text"]
    [ask] = tap(coordinator, report, "เตือนคนที่ยังไม่ตอบ")
    assert "สมศรี" not in ask["text"] and "ผู้รับ 1 คน: สมชาย" in ask["text"]
    # The evening list of declines and the RSVP summary name her no more than the report.
    time.move_to(datetime(2026, 11, 24, 18, 5, tzinfo=BANGKOK))
    job.tick()
    assert evening_messages(line, people["coordinator"]) == []
    time.move_to(datetime(2026, 11, 29, 18, 0, tzinfo=BANGKOK))
    job.tick()
    [summary] = [t for t in alt_texts(line, people["coordinator"]) if t.startswith("📋")]
    assert summary.splitlines()[:3] == [
        "📋 สรุปการตอบรับ: เข้าร่วม 1 · ไม่สะดวก 0 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 1 คน",
        "   เข้าร่วม ได้แก่ John",
        "   ยังไม่ตอบ ได้แก่ สมชาย",
    ]
    assert "สมศรี" not in summary


def test_the_report_of_an_upcoming_meeting_counts_members_who_joined_since_it_was_announced(
    db, chat, people, line, emulator, time
):
    announced_with_decline(db, chat, people, line, emulator, time)
    time.advance(days=2)  # 26 พ.ย.: the meeting on the 30th is still to come
    join(line, db, "มาลี", clock=time)  # reminded from now on, so invited and able to answer
    [report] = chat(people["coordinator"]).say("รายงานการส่ง")
    assert "ตอบรับ: เข้าร่วม 0 · ไม่สะดวก 0 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 4" in report["text"]
    assert "มาลี" in report["text"].splitlines()[-2]  # the month's quota line comes last
