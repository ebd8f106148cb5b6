"""In Thai, through the chat: a member who declined is asked again when the date or time changes,
and only then (a new place keeps their answer)."""

from __future__ import annotations

from tests import test_meeting_chat as shared
from tests.meetings import alt_texts, feed, labels, texts
from tests.test_meeting_chat import announced_with_decline

# The meeting transcripts' fixtures: the router, the clock, the people and their chats.
router, time, people, chat = shared.router, shared.time, shared.people, shared.chat


def _buttons(card: dict) -> dict[str, dict]:
    return {b["action"]["label"]: b for b in card["contents"]["footer"]["contents"]}


def _change(coordinator, action_label: str, typed: str) -> None:
    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], "#1 30 พ.ย. 13:30")
    coordinator.tap(action[-1], action_label)
    confirm = coordinator.say(typed)
    done = coordinator.tap(confirm[-1], "บันทึกการแก้ไข")
    assert texts(done)[0].startswith("แก้ไข “ประชุมเครือข่ายประจำเดือนธันวาคม” แล้วค่ะ")


def test_a_new_place_keeps_a_decline_but_a_new_time_asks_the_decliner_again(
    db, chat, people, line, emulator, time
):
    job, decline = announced_with_decline(db, chat, people, line, emulator, time)
    somsri, somchai = chat(people["somsri"]), chat(people["somchai"])
    assert texts(somsri.press(decline))[0].startswith("รับทราบค่ะ บันทึกว่าคุณไม่สะดวกเข้าร่วม")
    somchai.press(decline.replace("a=no", "a=yes"))
    coordinator = chat(people["coordinator"])

    _change(coordinator, "แก้สถานที่/ลิงก์", "ห้องประชุมเทศบาล")
    job.tick()
    assert alt_texts(line, people["somsri"])[-1].startswith("✏️ มีการเปลี่ยนแปลงการประชุม")
    assert "คำตอบของคุณ: ไม่สะดวก" in str(somsri.say("ประชุมของฉัน")[0]["contents"])

    _change(coordinator, "แก้วันเวลา", "1 ธ.ค. 69 14.00 น.")
    job.tick()
    notice = feed(line, people["somsri"])[-1]
    assert notice["altText"].splitlines()[:2] == [
        "✏️ เปลี่ยนเวลาประชุม: วันจันทร์ที่ 30 พ.ย. 2569 เวลา 13:30 น. → วันอังคารที่ 1 ธ.ค. 2569 เวลา 14:00 น.",
        "ใครที่เคยตอบว่าไม่สะดวก ช่วยตอบใหม่อีกครั้งนะคะ",
    ]
    # The notice is a card she can answer on, with no answer of hers chosen any more.
    buttons = _buttons(notice)
    assert {"เข้าร่วม", "ไม่สะดวก", "ยังไม่แน่ใจ"} <= set(buttons)
    assert all(buttons[label]["style"] == "secondary" for label in ("เข้าร่วม", "ไม่สะดวก"))
    mine = str(somsri.say("ประชุมของฉัน")[0]["contents"])
    assert "คำตอบของคุณ" not in mine and "วันอังคารที่ 1 ธ.ค. 2569 เวลา 14:00 น." in mine
    # One who said yes keeps it.
    assert "คำตอบของคุณ: เข้าร่วม" in str(somchai.say("ประชุมของฉัน")[0]["contents"])
    answered = somsri.press(buttons["เข้าร่วม"]["action"]["data"])
    assert texts(answered)[0].startswith("ขอบคุณค่ะ 🙏 บันทึกว่าคุณจะเข้าร่วม")
    assert labels(answered)  # the menu follows
