"""Transcripts in Thai: a meeting sent to a LINE group is answered on the group's card by anyone in
the group, listed in their ประชุมของฉัน, and the group is known by its name (issue 12, item 2)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from bot.config import Config
from bot.gateway import LineGateway
from handlers import handler_modules
from handlers.registry import build_registry
from handlers.router import Router
from storage import members
from storage.models.meetings import LinkedGroup, Rsvp
from tests.conftest import SECRET, TOKEN
from tests.meetings import BANGKOK, Chat, FakeTime, clock_job, feed, labels, texts
from tests.members import join

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)  # a Tuesday morning
GROUP = "C" + "2" * 32
OTHER_GROUP = "C" + "3" * 32


@pytest.fixture(scope="module")
def router():
    return Router(build_registry(handler_modules()))


@pytest.fixture
def time():
    return FakeTime(NOW)


@pytest.fixture
def chat(db, router, emulator, time):
    gateway = LineGateway(emulator.url, TOKEN, 3.0)
    config = Config(channel_secret=SECRET, access_token=TOKEN)
    yield lambda user_id: Chat(db, router, user_id, time, gateway, config)
    gateway.close()


@pytest.fixture
def people(db, line, time):
    """A coordinator and two members in the group ครูคุณธรรม; a youth member who is not in it;
    a LINE user in the group who never registered with the bot."""
    found = {
        "coordinator": join(line, db, "สมใจ", roles=(("coordinator", "civil"),), clock=time),
        "somsri": join(line, db, "สมศรี", clock=time),
        "somchai": join(line, db, "สมชาย", clock=time),
        "youth": join(line, db, "น้องฟ้า", network="youth", clock=time),
        "stranger": line.add_user("คนนอก")["userId"],
    }
    in_group = [found[k] for k in ("coordinator", "somsri", "somchai", "stranger")]
    line.set_group(GROUP, "ครูคุณธรรม", tuple(in_group))
    line.set_group(OTHER_GROUP, "กลุ่มอื่น", (found["youth"],))
    return found


def announce_to_group(db, chat, people, line, emulator, time) -> dict:
    """Link the group, schedule a meeting for it in chat, let the clock post it; return the card."""
    coordinator = chat(people["coordinator"])
    linked = coordinator.say("ผูกกลุ่มนัดประชุม", group=GROUP)
    assert "ผูกกลุ่มนี้กับเครือข่ายประชาสังคมคุณธรรมแล้วค่ะ" in texts(linked)[0]
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมกลุ่มครู")
    coordinator.say("30 พ.ย. 69 13.30 น.")
    coordinator.say("ห้องประชุมโรงเรียน")
    audience = coordinator.say("ข้าม")
    assert "กลุ่ม ครูคุณธรรม" in labels(audience)  # by its name, from LINE's group summary
    review = coordinator.tap(audience[-1], "กลุ่ม ครูคุณธรรม")
    assert "ผู้รับ: กลุ่ม ครูคุณธรรม" in review[-1]["text"]
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    clock_job(db, emulator.url, time).tick()
    [posted] = feed(line, GROUP)
    return posted


def button(card: dict, label: str) -> str:
    """What tapping the card's button says in the group (a message action, as the member)."""
    [action] = [
        b["action"] for b in card["contents"]["footer"]["contents"] if b["action"]["label"] == label
    ]
    assert action["type"] == "message"
    return action["text"]


def answers(db) -> dict[str, str]:
    with db.unit_of_work() as session:
        rows = session.scalars(select(Rsvp)).all()
        return {session.get(members.Member, r.member_id).display_name: r.answer for r in rows}


def test_the_linked_group_is_stored_with_its_line_name(db, chat, people):
    chat(people["coordinator"]).say("ผูกกลุ่มนัดประชุม", group=GROUP)
    with db.unit_of_work() as session:
        assert session.scalars(select(LinkedGroup.name)).all() == ["ครูคุณธรรม"]


def test_anyone_in_the_group_answers_on_the_groups_card_quietly(
    db, chat, people, line, emulator, time
):
    card = announce_to_group(db, chat, people, line, emulator, time)
    assert card["altText"].startswith("📅 นัดประชุม\nประชุมกลุ่มครู")
    assert button(card, "เข้าร่วม").startswith("เข้าร่วม #")
    assert button(card, "เข้าร่วม").endswith(" · ประชุมกลุ่มครู")
    # Saved with no reply: the group already sees สมศรี's own "เข้าร่วม #1 · ..." from the button.
    assert chat(people["somsri"]).say(button(card, "เข้าร่วม"), group=GROUP) == []
    assert chat(people["somchai"]).say(button(card, "ไม่สะดวก"), group=GROUP) == []
    # Changing one's mind is just another tap.
    assert chat(people["somchai"]).say(button(card, "ยังไม่แน่ใจ"), group=GROUP) == []
    assert answers(db) == {"สมศรี": "yes", "สมชาย": "maybe"}
    # Someone who never agreed to the bot's notice: nothing kept, and told why, in one free reply.
    [refused] = chat(people["stranger"]).say(button(card, "เข้าร่วม"), group=GROUP)
    assert refused["text"].startswith("ขออภัยค่ะ ยังบันทึกคำตอบนี้ไม่ได้ ผู้ตอบต้องเพิ่มน้องคุณธรรมเป็นเพื่อน")
    assert answers(db) == {"สมศรี": "yes", "สมชาย": "maybe"}
    # The same words sent in another group are not an answer to this meeting: nothing said there.
    assert chat(people["youth"]).say(button(card, "เข้าร่วม"), group=OTHER_GROUP) == []
    assert "น้องฟ้า" not in answers(db)


def test_my_meetings_lists_meetings_sent_to_groups_the_member_is_in(
    db, chat, people, line, emulator, time
):
    card = announce_to_group(db, chat, people, line, emulator, time)
    chat(people["somsri"]).say(button(card, "ไม่สะดวก"), group=GROUP)
    mine, _ = chat(people["somsri"]).say("ประชุมของฉัน")
    [bubble] = mine["contents"]["contents"]
    shown = [c.get("text", "") for c in bubble["body"]["contents"]]
    assert "ประชุมกลุ่มครู" in shown and "คำตอบของคุณ: ไม่สะดวก" in shown
    # She changes her answer on the card in her private chat (a postback there): LINE confirms
    # she is in the group.
    [private_yes] = [
        b["action"]["data"]
        for b in mine["contents"]["contents"][0]["footer"]["contents"]
        if b["action"]["label"] == "เข้าร่วม"
    ]
    changed = chat(people["somsri"]).press(private_yes)
    assert texts(changed)[0].startswith("ขอบคุณค่ะ 🙏 บันทึกว่าคุณจะเข้าร่วม “ประชุมกลุ่มครู”")
    # Not in the group: the meeting is not theirs, in the list, by its button or its words.
    assert texts(chat(people["youth"]).say("ประชุมของฉัน"))[0] == "ตอนนี้ยังไม่มีนัดประชุมที่กำลังจะมาถึงค่ะ"
    assert texts(chat(people["youth"]).press(private_yes))[0].startswith("ขออภัยค่ะ ไม่พบ")
    assert texts(chat(people["youth"]).say(button(card, "เข้าร่วม")))[0].startswith("ขออภัยค่ะ ไม่พบ")


def test_the_organiser_sees_the_group_answers_by_name_in_the_report(
    db, chat, people, line, emulator, time
):
    card = announce_to_group(db, chat, people, line, emulator, time)
    chat(people["somsri"]).say(button(card, "เข้าร่วม"), group=GROUP)
    [report] = chat(people["coordinator"]).say("รายงานการส่ง")
    lines = report["text"].splitlines()
    # Four in the group (LINE's count), the organiser is not waiting for herself.
    assert "ตอบรับ: เข้าร่วม 1 · ไม่สะดวก 0 · ยังไม่แน่ใจ 0 · ยังไม่ตอบ 2" in lines
    assert "   เข้าร่วม ได้แก่ สมศรี" in lines
    assert lines[-2] == "ยังไม่ตอบในกลุ่ม: ประมาณ 2 คน (LINE ไม่บอกรายชื่อสมาชิกกลุ่ม)"
    assert lines[-1].startswith("โควตา พ.ย. 2569: เหลือ")


def test_a_tap_in_the_group_over_real_http_is_saved_without_a_word_in_the_group(
    db, line, emulator, bot_server
):
    from tests.meetings import schedule
    from tests.waiting import sent_requests, wait_until

    somsri = join(line, db, "สมศรี")
    stranger = line.add_user("คนนอก")["userId"]
    coordinator = join(line, db, "สมใจ", roles=(("coordinator", "civil"),))
    line.set_group(GROUP, "ครูคุณธรรม", (somsri, stranger, coordinator))
    bot = bot_server.app.extensions["bot"]
    time = FakeTime(NOW)
    bot.clock.set(time)
    meeting_id = schedule(db, datetime(2026, 11, 30, 13, 30, tzinfo=BANGKOK), NOW,
                          audience="group", networks=(), group_id=GROUP, organiser=coordinator)  # fmt: skip
    in_group = {"type": "group", "groupId": GROUP}
    tap = {"type": "text", "text": f"ไม่สะดวก #{meeting_id} · ประชุมกลุ่มครู", "source": in_group}
    assert line.send(somsri, tap)["status"] == 200
    wait_until(lambda: "สมศรี" in answers(db))
    assert answers(db) == {"สมศรี": "no"}
    assert line.send(stranger, tap)["status"] == 200
    wait_until(lambda: len(sent_requests(line, "/v2/bot/message/reply")) == 1)
    [reply] = sent_requests(line, "/v2/bot/message/reply")
    assert reply["body"]["messages"][0]["text"].startswith("ขออภัยค่ะ ยังบันทึกคำตอบนี้ไม่ได้")
    assert answers(db) == {"สมศรี": "no"}
    # Only that one reply, free: no push anywhere, nothing said for สมศรี's tap.
    assert [r["path"] for r in sent_requests(line)] == ["/v2/bot/message/reply"]


def test_reminding_a_group_posts_the_card_again_at_the_groups_cost(
    db, chat, people, line, emulator, time
):
    announce_to_group(db, chat, people, line, emulator, time)
    coordinator = chat(people["coordinator"])
    [report] = coordinator.say("รายงานการส่ง")
    [item] = [i for i in report["quickReply"]["items"] if i["action"]["label"] == "เตือนคนที่ยังไม่ตอบ"]
    [ask] = coordinator.press(item["action"]["data"])
    lines = ask["text"].splitlines()
    assert lines[1] == "ผู้รับ: ส่งการ์ดในกลุ่ม LINE (LINE คิดข้อความตามจำนวนสมาชิกในกลุ่ม)"
    assert lines[2] == "ใช้ 4 ข้อความ"  # four in the group
    assert lines[3].startswith("โควตา พ.ย. 2569: เหลือ")
    [send] = [i for i in ask["quickReply"]["items"] if i["action"]["label"] == "ส่งเตือนเลย"]
    coordinator.press(send["action"]["data"])
    clock_job(db, emulator.url, time).tick()
    posted = feed(line, GROUP)
    assert [p["altText"].splitlines()[0] for p in posted] == [
        "📅 นัดประชุม",
        "🙋 ยังไม่ได้ตอบรับนัดนี้ค่ะ แตะปุ่มด้านล่างได้เลย",
    ]


def test_words_typed_in_the_group_answer_the_groups_meeting_with_one_reply(
    db, chat, people, line, emulator, time
):
    announce_to_group(db, chat, people, line, emulator, time)
    [said] = chat(people["somchai"]).say("ไปไม่ได้ค่ะ ติดธุระ", group=GROUP)
    assert said["text"] == (
        "รับทราบค่ะ บันทึกคำตอบของคุณสมชาย: ไม่สะดวก “ประชุมกลุ่มครู” (30 พ.ย. 2569 13:30 น.) "
        "เปลี่ยนได้ที่ปุ่มบนการ์ดนัดค่ะ"
    )
    assert answers(db) == {"สมชาย": "no"}
    # "รับทราบ" is said to the organiser, someone unregistered is not recorded, another group's
    # words answer nothing here: all silent.
    assert chat(people["somsri"]).say("รับทราบค่ะ", group=GROUP) == []
    assert chat(people["stranger"]).say("ไปไม่ได้ค่ะ", group=GROUP) == []
    assert chat(people["youth"]).say("ไปไม่ได้ค่ะ", group=OTHER_GROUP) == []
    assert answers(db) == {"สมชาย": "no"}
