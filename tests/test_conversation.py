"""A member chats with the bot through the local LINE platform and gets Thai (or English) answers."""

from __future__ import annotations

import time

from messages.catalog import text
from tests.members import join
from tests.waiting import sent_requests, wait_until


def labels(message: dict) -> list[str]:
    return [item["action"]["label"] for item in message.get("quickReply", {}).get("items", [])]


def test_hello_gets_the_thai_help_menu_with_the_main_actions(bot_server, line, db):
    member = join(line, db, "สมศรี")
    answer = line.send_text(member, "สวัสดี")
    assert answer["status"] == 200
    [reply] = line.wait_for_messages(member, since=0, count=1)
    assert reply["via"] == "reply"
    assert "บันทึกกิจกรรม" in reply["message"]["text"]
    assert labels(reply["message"])[:6] == [
        "บันทึกกิจกรรม",
        "ถอดบทเรียน",
        "แบบประเมิน 5 หลัก",
        "นัดประชุม",
        "สรุปของฉัน",
        "ช่วยเหลือ",
    ]


def test_a_member_who_follows_again_is_welcomed_back_without_registering(bot_server, line, db):
    member = join(line, db, "ครูแดง")
    line.send(member, {"type": "unfollow"})
    line.send(member, {"type": "follow"})
    [welcome] = line.wait_for_messages(member, since=0, count=1)
    assert "ยินดีต้อนรับกลับมา" in welcome["message"]["text"]
    assert "บันทึกกิจกรรม" in labels(welcome["message"])


def test_not_understood_gets_a_polite_thai_hint_and_the_menu(bot_server, line, db):
    member = join(line, db, "พระอาจารย์")
    line.send_text(member, "ฝนตกหนักมาก")
    [reply] = line.wait_for_messages(member, since=0, count=1)
    assert "ขออภัย" in reply["message"]["text"]
    assert "ช่วยเหลือ" in labels(reply["message"])


def test_sticker_gets_a_smile_and_the_menu_not_a_refusal(bot_server, line, db):
    member = join(line, db, "น้องฟ้า")
    line.send(member, {"type": "sticker"})
    [reply] = line.wait_for_messages(member, since=0, count=1)
    assert "น่ารักจังค่ะ" in reply["message"]["text"]
    assert "ขออภัย" not in reply["message"]["text"]
    assert "บันทึกกิจกรรม" in labels(reply["message"])


def test_a_plain_member_tapping_meetings_sees_their_meetings_not_a_refusal(bot_server, line, db):
    member = join(line, db, "สมชาย")
    line.send_text(member, "นัด ประชุม")
    [reply] = line.wait_for_messages(member, since=0, count=1)
    assert reply["message"]["text"] == (
        text("meeting.mine.none", "th") + "\n\n" + text("meeting.needs_coordinator", "th")
    )


def test_a_plain_member_asking_for_a_coordinators_report_is_refused_politely(bot_server, line, db):
    member = join(line, db, "สมชาย")
    line.send_text(member, "รายงานการส่ง")
    [reply] = line.wait_for_messages(member, since=0, count=1)
    assert "ขออภัย" in reply["message"]["text"] and "ผู้ประสานงาน" in reply["message"]["text"]


def test_english_on_request_and_back_to_thai(bot_server, line, db):
    member = join(line, db, "Somchai")
    line.send_text(member, "English")
    line.send_text(member, "help")
    first, second = line.wait_for_messages(member, since=0, count=2)
    assert first["message"]["text"] == "Switched to English."
    assert "Log activity" in labels(second["message"])
    line.send_text(member, "ภาษาไทย")
    line.send_text(member, "ช่วยเหลือ")
    third, fourth = line.wait_for_messages(member, since=second["seq"] + 1, count=2)
    assert third["message"]["text"] == "เปลี่ยนเป็นภาษาไทยแล้วค่ะ"
    assert "บันทึกกิจกรรม" in labels(fourth["message"])


def test_in_a_group_the_bot_speaks_only_when_addressed(bot_server, line, db):
    member = join(line, db, "ผู้ประสานงาน")
    group = {"type": "group", "groupId": "C" + "5" * 32, "userId": member}
    line.send(member, {"type": "text", "text": "วันนี้ประชุมกี่โมง", "source": group})
    line.send(member, {"type": "text", "text": "ช่วยเหลือ", "source": group})
    wait_until(lambda: sent_requests(line))
    time.sleep(
        0.3
    )  # the chatter was handled first (same lane, earlier timestamp): nothing more comes
    requests = sent_requests(line)
    assert len(requests) == 1
    assert "quickReply" not in requests[0]["body"]["messages"][0]
