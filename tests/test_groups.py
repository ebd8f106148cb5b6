"""In groups the bot answers only when addressed (keyword or @mention), keeps nothing, invites to 1:1."""

from __future__ import annotations

from linebot.v3.webhooks import Event

from handlers import groups
from storage import members
from tests.members import join
from tests.scan import mentions
from tests.waiting import sent_requests, wait_until

GROUP = {"type": "group", "groupId": "C" + "7" * 32}
BOT_NAME = "@น้องคุณธรรม"


def addressed(text: str, *, to_bot: bool = True, at: int = 0) -> dict:
    """A raw text event whose first words mention the bot (or, with to_bot False, someone else)."""
    mentionee = {"index": at, "length": len(BOT_NAME), "type": "user", "isSelf": to_bot}
    if not to_bot:
        mentionee["userId"] = "U" + "9" * 32
    message = {"type": "text", "text": text, "mention": {"mentionees": [mentionee]}}
    return {"type": "message", "message": message}


def say_in_group(line, user: str, *payloads: dict) -> list[dict]:
    """Send events in the group, in order, and return the replies (one per addressed event)."""
    for payload in payloads:
        assert line.send(user, {**payload, "source": {**GROUP, "userId": user}})["status"] == 200
    return payloads


def group_replies(line, count: int) -> list[dict]:
    wait_until(lambda: len(sent_requests(line)) >= count)
    return [m for r in sent_requests(line) for m in r["body"]["messages"]]


def test_a_mention_of_the_bot_with_help_gets_the_menu_without_buttons(bot_server, line, db):
    member = join(line, db, "ผู้ประสานงาน")
    raw = {"type": "raw", "event": addressed(f"{BOT_NAME} ช่วยเหลือ")}
    say_in_group(line, member, {"type": "text", "text": "วันนี้ประชุมกี่โมง"}, raw)
    [reply] = group_replies(line, 1)
    assert "บันทึกกิจกรรม" in reply["text"] and "quickReply" not in reply
    [request] = sent_requests(line)
    assert request["path"] == "/v2/bot/message/reply"


def test_a_mention_with_anything_else_invites_to_a_private_chat(bot_server, line, db):
    member = join(line, db, "ครูแดง")
    raw = {"type": "raw", "event": addressed(f"{BOT_NAME} วันนี้ประชุมกี่โมงคะ")}
    say_in_group(line, member, raw)
    [reply] = group_replies(line, 1)
    assert "คุยกับน้องคุณธรรมแบบส่วนตัว" in reply["text"]


def test_a_private_feature_named_in_a_group_invites_to_a_private_chat(bot_server, line, db):
    member = join(line, db, "น้องฟ้า")
    someone_else = {"type": "raw", "event": addressed(f"{BOT_NAME} สวัสดี", to_bot=False)}
    say_in_group(
        line,
        member,
        someone_else,  # a mention of another person: not the bot's business
        {"type": "text", "text": "ลบข้อมูลของฉัน"},  # rights and flows run only in private
        {"type": "text", "text": "บันทึกกิจกรรม"},
    )
    replies = group_replies(line, 2)
    assert len(replies) == 2
    assert all("แบบส่วนตัว" in r["text"] and "quickReply" not in r for r in replies)
    with db.unit_of_work() as session:
        assert members.find(session, member).registered  # nothing was deleted from a group


def test_a_stranger_talking_in_a_group_leaves_no_trace(bot_server, line, db):
    stranger = line.add_user("คนในกลุ่ม")["userId"]
    said = "เบอร์โทร 0812345678 บ้านเลขที่ 99"
    raw = {"type": "raw", "event": addressed(f"{BOT_NAME} {said}")}
    say_in_group(line, stranger, {"type": "text", "text": said}, raw)
    group_replies(line, 1)
    wait_until(lambda: not mentions(db, stranger) and not mentions(db, said))
    with db.unit_of_work() as session:
        assert members.find(session, stranger) is None


def _event(text: str, mentionees: list[dict]):
    return Event.from_dict({
        "type": "message", "mode": "active", "timestamp": 1, "webhookEventId": "x",
        "deliveryContext": {"isRedelivery": False}, "replyToken": "t",
        "source": {"type": "group", "groupId": "C1", "userId": "U1"},
        "message": {"id": "1", "type": "text", "text": text, "quoteToken": "q",
                    "mention": {"mentionees": mentionees}},
    })  # fmt: skip


def test_the_mention_is_cut_out_by_utf16_position_even_after_an_emoji():
    text = f"🙏 {BOT_NAME} ช่วยเหลือ"
    index = len("🙏 ".encode("utf-16-le")) // 2  # the emoji counts two
    event = _event(
        text, [{"index": index, "length": len(BOT_NAME), "type": "user", "isSelf": True}]
    )
    assert groups.read(event.message) == ("🙏  ช่วยเหลือ", True)
    everyone = _event("@All ประชุม", [{"index": 0, "length": 4, "type": "all"}])
    assert groups.read(everyone.message) == ("@All ประชุม", False)
