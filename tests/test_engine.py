"""The conversation engine: steps in order, hints on bad input, cancel/back/skip/help, resume, expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from linebot.v3.webhooks import Event

from handlers import handler_modules
from handlers.context import Context
from handlers.registry import build_registry
from handlers.router import Router
from storage import conversations, members
from tests.events import text_event
from tests.members import registered

USER = "U" + "d" * 32


@pytest.fixture(scope="module")
def router():
    return Router(build_registry([*handler_modules(), "tests.flows_for_tests"]))


class Chat:
    """A member talking to the router directly, one unit of work per message."""

    def __init__(self, db, router) -> None:
        self.db, self.router = db, router
        self.now = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)

    def _send(self, payload: dict) -> list[dict]:
        with self.db.unit_of_work() as session:
            member = members.find(session, USER)
            ctx = Context(session, member, "th", lambda: self.now, ZoneInfo("Asia/Bangkok"), USER)
            messages, _ = self.router.handle(Event.from_dict(payload), ctx)
        return messages

    def say(self, text: str) -> list[dict]:
        return self._send(text_event(text, USER))

    def tap(self, message: dict, label: str) -> list[dict]:
        [item] = [i for i in message["quickReply"]["items"] if i["action"]["label"] == label]
        event = text_event("", USER)
        event.pop("message")
        event.update(type="postback", postback={"data": item["action"]["data"]})
        return self._send(event)

    def sticker(self) -> list[dict]:
        event = text_event("", USER)
        event["message"] = {"id": "1", "type": "sticker", "packageId": "1", "stickerId": "1",
                            "stickerResourceType": "STATIC", "quoteToken": "q"}  # fmt: skip
        return self._send(event)

    def step(self) -> str | None:
        with self.db.unit_of_work() as session:
            current = conversations.current(session, USER)
            return current.step if current else None


def texts(messages: list[dict]) -> list[str]:
    return [m.get("text", "") for m in messages]


def labels(messages: list[dict]) -> list[str]:
    return [i["action"]["label"] for i in messages[-1].get("quickReply", {}).get("items", [])]


@pytest.fixture
def chat(db, router):
    registered(db, USER)
    return Chat(db, router)


def test_a_flow_asks_each_step_in_order_and_finishes(chat):
    assert texts(chat.say("ทดสอบ")) == ["ชื่อ?"]
    assert texts(chat.say("ปลูกป่า")) == ["กี่คน?"]
    colour = chat.say("30")
    assert texts(colour) == ["สีอะไร"]
    assert labels(colour) == ["แดง", "ฟ้า", "ย้อนกลับ", "ยกเลิก"]
    assert labels(chat.tap(colour[-1], "ฟ้า")) == ["ย้อนกลับ", "ข้าม", "ยกเลิก"]
    assert texts(chat.say("ดีมาก")) == ["saved ปลูกป่า 30 blue ดีมาก"]
    assert chat.step() is None


def test_invalid_input_gets_a_hint_and_the_same_question_keeping_earlier_answers(chat):
    chat.say("demo")
    chat.say("ปลูกป่า")
    answer = chat.say("สามสิบ")
    assert len(answer) == 2 and answer[1]["text"] == "กี่คน?"
    assert chat.step() == "count"
    colour = chat.say("30")
    note = chat.tap(colour[-1], "แดง")
    assert texts(chat.tap(note[-1], "ข้าม")) == ["saved ปลูกป่า 30 red None"]


def test_a_sticker_where_text_is_wanted_gets_a_polite_hint(chat):
    chat.say("ทดสอบ")
    answer = chat.sticker()
    assert "สติกเกอร์" in answer[0]["text"] and answer[1]["text"] == "ชื่อ?"
    assert chat.step() == "name"


def test_back_returns_to_the_previous_question(chat):
    chat.say("ทดสอบ")
    chat.say("ปลูกป่า")
    assert texts(chat.say("ย้อน กลับ")) == ["ชื่อ?"]
    assert chat.step() == "name"
    assert "คำถามแรก" in chat.say("ย้อนกลับ")[0]["text"]


def test_skip_works_only_on_optional_steps(chat):
    chat.say("ทดสอบ")
    assert "ข้ามไม่ได้" in chat.say("ข้าม")[0]["text"]
    chat.say("ปลูกป่า")
    colour = chat.say("12")
    note = chat.tap(colour[-1], "แดง")
    assert texts(chat.tap(note[-1], "ข้าม")) == ["saved ปลูกป่า 12 red None"]


def test_cancel_ends_the_flow_and_shows_the_menu(chat):
    chat.say("ทดสอบ")
    answer = chat.say("ยกเลิก")
    assert "ยกเลิก" in answer[0]["text"] and "บันทึกกิจกรรม" in labels(answer)
    assert chat.step() is None
    assert "ขออภัย" in chat.say("ปลูกป่า")[0]["text"]  # no longer in the flow


def test_help_explains_and_asks_again(chat):
    chat.say("ทดสอบ")
    answer = chat.say("ช่วยเหลือ")
    assert "ย้อนกลับ" in answer[0]["text"] and answer[1]["text"] == "ชื่อ?"


def test_a_stale_button_is_caught(chat):
    chat.say("ทดสอบ")
    chat.say("ปลูกป่า")
    colour = chat.say("5")
    chat.tap(colour[-1], "แดง")
    answer = chat.tap(colour[-1], "ฟ้า")  # the colour question's button, tapped again later
    assert "ก่อนหน้า" in answer[0]["text"] and answer[1]["text"] == "หมายเหตุ?"


def test_returning_to_a_half_finished_flow_asks_continue_or_start_over(chat):
    chat.say("ทดสอบ")
    chat.say("ปลูกป่า")
    question = chat.say("ทดสอบ")
    assert "ค้างไว้" in question[0]["text"] and labels(question) == ["ทำต่อ", "เริ่มใหม่"]
    assert texts(chat.tap(question[-1], "ทำต่อ")) == ["กี่คน?"]
    menu_button = {"quickReply": {"items": [
        {"action": {"type": "postback", "label": "ทดสอบ", "data": "cmd=demo"}}]}}  # fmt: skip
    question = chat.tap(menu_button, "ทดสอบ")
    assert texts(chat.tap(question[-1], "เริ่มใหม่")) == ["ชื่อ?"]


def test_a_flow_idle_for_24_hours_expires(chat):
    chat.say("ทดสอบ")
    chat.now += timedelta(hours=24, minutes=1)
    answer = chat.say("ปลูกป่า")
    assert "หมดอายุ" in answer[0]["text"]
    assert chat.step() is None


def test_a_menu_button_works_in_the_middle_of_a_flow(chat):
    chat.say("ทดสอบ")
    menu_button = {"quickReply": {"items": [
        {"action": {"type": "postback", "label": "ช่วยเหลือ", "data": "cmd=help"}}]}}  # fmt: skip
    answer = chat.tap(menu_button, "ช่วยเหลือ")
    assert "บันทึกกิจกรรม" in answer[0]["text"]
    assert chat.step() == "name"  # the flow is still there to continue
