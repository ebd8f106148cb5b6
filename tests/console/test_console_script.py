"""Run console scripts against a fake emulator client and compare transcripts."""

from __future__ import annotations

import base64
import json
import sys
import types
from pathlib import Path

from emulator import console
from emulator.console import run_script

FIXTURES = json.loads(
    (Path(__file__).parent / "fixtures" / "thai_messages.json").read_text(encoding="utf-8")
)
WAIT = 0.2


class FakeClient:
    """Stand in for EmulatorClient: record sends, answer them with canned bot messages."""

    def __init__(self, replies: dict[str, list[dict]] | None = None, status: int = 200):
        self.replies = replies or {}
        self.status = status
        self.sent: list[dict] = []
        self.feed: list[dict] = []
        self.users: dict[str, dict] = {}

    def add_user(self, display_name, user_id=None, language="th"):
        user = {"userId": user_id or "U" + "0" * 32, "displayName": display_name}
        self.users[user["userId"]] = {**user, "language": language}
        return user

    def send(self, user_id, payload):
        self.sent.append(payload)
        key = payload.get("text") or payload.get("data") or payload["type"]
        for message in self.replies.get(key, []):
            self.feed.append({"seq": len(self.feed), "via": "reply", "message": message})
        answer = {"status": self.status, "event": {"type": payload["type"]}, "elapsed": 0.01}
        return answer | ({"error": "ConnectionError: refused"} if self.status == 0 else {})

    def send_text(self, user_id, text):
        return self.send(user_id, {"type": "text", "text": text})

    def send_postback(self, user_id, data, params=None):
        return self.send(user_id, {"type": "postback", "data": data, "params": params})

    def messages(self, user_id, since=0):
        return {"messages": self.feed[since:], "next": len(self.feed)}

    def wait_for_messages(self, user_id, since, count=1, timeout=10):
        return self.feed[since:]


def text(body: str, *labels: str) -> dict:
    message = {"type": "text", "text": body}
    if labels:
        items = [
            {"type": "action", "action": {"type": "message", "label": x, "text": x}} for x in labels
        ]
        message["quickReply"] = {"items": items}
    return message


def test_script_transcript_is_plain_and_deterministic():
    bot = FakeClient(
        {
            "follow": [FIXTURES["welcome"]],
            "บันทึกกิจกรรม": [FIXTURES["buttons"]],
            "action=log&step=date": [text("บันทึกวันที่แล้วค่ะ"), FIXTURES["confirm"]],
            "action=lesson&confirm=yes": [text("ขอบคุณค่ะ 🙏")],
        }
    )
    inputs = ["# a member logs an activity", "/follow", "1", "", "1", "9/8/2564", "1"]
    transcript = run_script(bot, "U1", inputs, wait=WAIT)
    assert transcript == (
        "> /follow\n"
        "< สวัสดีค่ะ คุณสมศรี 🙏\n"
        "  ยินดีต้อนรับสู่เครือข่ายคุณธรรมเชียงราย วันนี้อยากทำอะไรคะ\n"
        "  ตอบด่วน/quick reply: [1] บันทึกกิจกรรม | [2] ถอดบทเรียน | [3] ให้คะแนนเครือข่าย"
        " | [4] นัดประชุม | [5] ถ่ายรูปกิจกรรม | [6] เลือกรูป | [7] ส่งตำแหน่ง\n"
        "> [1] บันทึกกิจกรรม\n"
        "< [รูปภาพ] https://example.org/moral/activity.jpg\n"
        "  บันทึกกิจกรรม\n"
        '  กิจกรรม "เก็บขยะริมแม่น้ำกก" ทำเมื่อไหร่คะ\n'
        "  [1] เลือกวันที่\n"
        "  [2] วันนี้\n"
        "  [3] ยกเลิก\n"
        "> [1] เลือกวันที่ → 2021-08-09 (postback: action=log&step=date)\n"
        "< บันทึกวันที่แล้วค่ะ\n"
        '< ส่งบทเรียน "เด็กๆ ช่วยกันคัดแยกขยะ ทำให้ชุมชนสะอาดขึ้น" ใช่ไหมคะ\n'
        "  [1] ใช่ | [2] ไม่ใช่\n"
        "> [1] ใช่ → ใช่ ส่งเลย (postback: action=lesson&confirm=yes)\n"
        "< ขอบคุณค่ะ 🙏\n"
    )
    assert bot.sent == [
        {"type": "follow"},
        {"type": "text", "text": "บันทึกกิจกรรม"},
        {"type": "postback", "data": "action=log&step=date", "params": {"date": "2021-08-09"}},
        {"type": "postback", "data": "action=lesson&confirm=yes"},
    ]
    assert run_script(bot, "U1", inputs, wait=WAIT) == transcript


def test_quick_replies_only_from_the_last_message_of_a_batch():
    bot = FakeClient(
        {"สวัสดี": [text("ข้อแรก", "ไม่แสดง"), FIXTURES["confirm"], text("เลือกค่ะ", "ก", "ข")]}
    )
    transcript = run_script(bot, "U1", ["สวัสดี", "4"], wait=WAIT)
    assert "ไม่แสดง" not in transcript
    assert "  ตอบด่วน/quick reply: [3] ก | [4] ข\n" in transcript
    assert transcript.endswith("> [4] ข\n")
    assert bot.sent[-1] == {"type": "text", "text": "ข"}


def test_numbers_beyond_the_choices_and_say_are_sent_as_text():
    bot = FakeClient({"จำนวนผู้เข้าร่วม": [text("กี่คนคะ", "ไม่ทราบ")]})
    run_script(bot, "U1", ["จำนวนผู้เข้าร่วม", "27", "/say 1"], wait=WAIT)
    assert bot.sent[1:] == [{"type": "text", "text": "27"}, {"type": "text", "text": "1"}]


def test_commands_send_sticker_image_follow_unfollow_and_quit(tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpeg")
    bot = FakeClient()
    inputs = ["/sticker", f"/image {photo}", "/image /no/such.jpg", "/unfollow", "/quit", "ไม่ถูกส่ง"]
    transcript = run_script(bot, "U1", inputs, wait=WAIT)
    assert [p["type"] for p in bot.sent] == ["sticker", "image", "unfollow"]
    assert base64.b64decode(bot.sent[1]["contentBase64"]) == b"jpeg"
    assert "! อ่านไฟล์ไม่ได้ / cannot read '/no/such.jpg'" in transcript
    assert "ไม่ถูกส่ง" not in transcript


def test_bad_picker_answer_and_unsendable_choices_send_nothing():
    bot = FakeClient({"follow": [FIXTURES["welcome"]]})
    transcript = run_script(bot, "U1", ["/follow", "4", "พรุ่งนี้", "7"], wait=WAIT)
    assert bot.sent == [{"type": "follow"}]
    assert "! [4] นัดประชุม: ต้องมีวันและเวลา / need a date and a time: 'พรุ่งนี้'\n" in transcript
    assert transcript.endswith(
        "> [7] ส่งตำแหน่ง\n* ส่งตำแหน่งไม่รองรับในคอนโซล / location is not supported\n"
    )


def test_bot_errors_are_reported():
    transcript = run_script(FakeClient(status=500), "U1", ["สวัสดี"], wait=WAIT)
    assert transcript == "> สวัสดี\n! บอทตอบ HTTP 500 / the bot answered HTTP 500\n"


def test_an_unreachable_bot_is_reported():
    transcript = run_script(FakeClient(status=0), "U1", ["/sticker"], wait=WAIT)
    assert transcript == (
        "> /sticker\n! ส่งถึงบอทไม่ได้ / the bot is unreachable: ConnectionError: refused\n"
    )


def test_messages_already_in_the_feed_are_not_replayed():
    bot = FakeClient({"สวัสดี": [text("ตอบ")]})
    bot.feed.append({"seq": 0, "via": "push", "message": text("ข้อความเก่า")})
    assert run_script(bot, "U1", ["สวัสดี"], wait=WAIT) == "> สวัสดี\n< ตอบ\n"


def test_main_runs_a_script_file_and_writes_the_transcript(tmp_path, monkeypatch):
    bot = FakeClient({"follow": [text("ยินดีต้อนรับค่ะ", "เริ่มเลย")], "เริ่มเลย": [text("ไปกันค่ะ")]})
    fake_module = types.SimpleNamespace(EmulatorClient=lambda url: bot)
    monkeypatch.setitem(sys.modules, "emulator.client", fake_module)
    script = tmp_path / "chat.txt"
    script.write_text("# เริ่ม\n1\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    argv = [
        "--script",
        str(script),
        "--transcript",
        str(out),
        "--wait",
        str(WAIT),
        "--name",
        "สมศรี",
    ]
    assert console.main(argv) == 0
    assert out.read_text(encoding="utf-8") == (
        "> /follow\n< ยินดีต้อนรับค่ะ\n  ตอบด่วน/quick reply: [1] เริ่มเลย\n> [1] เริ่มเลย\n< ไปกันค่ะ\n"
    )
    assert bot.users["U" + "0" * 32]["displayName"] == "สมศรี"
