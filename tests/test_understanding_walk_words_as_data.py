"""The Chiang Rai teacher's words that were saved as data (walk of 20:20), through the real router."""

from __future__ import annotations

import json

import pytest

from handlers.cancelling import CONFIRM_STEP
from storage import conversations
from tests.router_chat import Chat


def draft(chat: Chat) -> dict:
    with chat.db.unit_of_work() as session:
        return json.loads(conversations.current(session, chat.user).data)


def at_place(db, tmp_path) -> Chat:
    chat = Chat(db, tmp_path)
    for said in ("บันทึกกิจกรรมค่ะ", "ปลูกต้นไม้", "เมื่อวาน"):
        chat.say(said)
    assert chat.current_flow() == ("log_activity", "place")
    return chat


def test_not_an_answer_to_the_pause_question_is_never_stored_and_the_step_is_asked_again(
    db, tmp_path
):
    chat = at_place(db, tmp_path)
    chat.say("อรุณสวัสดิ์ค่ะ")
    assert chat.labels()[:2] == ["พักไว้ก่อน", "ใช้เป็นคำตอบ"]
    for said in ("ไม่ใช่คำตอบค่ะ แค่ทักทาย", "ไม่ใช่ค่ะ"):
        chat.say(said)
        assert chat.current_flow() == ("log_activity", "place"), said
        assert "place" not in draft(chat), said
        assert "ไม่ใช่" not in json.dumps(draft(chat), ensure_ascii=False)
        chat.say("อรุณสวัสดิ์ค่ะ")
    chat.say("ใช่ ใช้เลย")
    assert draft(chat)["place"] == "อรุณสวัสดิ์"
    assert chat.current_flow() == ("log_activity", "participants")


def test_a_greeting_at_a_score_step_is_greeted_and_the_question_asked_again(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.say("แบบประเมินค่ะ")
    chat.say("อรุณสวัสดิ์ค่ะ")
    assert "ใช้เป็นคำตอบ" not in chat.labels()
    assert "อรุณสวัสดิ์ค่ะ ☀️" in chat.text()
    assert chat.current_flow() == ("assess", "rate_0")
    assert "rate_0" not in draft(chat)


def test_a_count_in_thai_words_is_read_and_a_criterion_is_never_a_count(db, tmp_path):
    chat = at_place(db, tmp_path)
    chat.say("ออนไลน์")
    assert chat.current_flow() == ("log_activity", "participants")
    chat.say("หลัก ๑ ค่ะ")  # meant for the next question: not 1 participant
    assert chat.current_flow() == ("log_activity", "participants")
    assert "participants" not in draft(chat)
    chat.say("ยี่สิบห้าคนค่ะ")
    assert draft(chat)["participants"] == 25
    assert chat.current_flow() == ("log_activity", "criteria")


def at_reflection_question(db, tmp_path, answered: int) -> Chat:
    chat = Chat(db, tmp_path)
    chat.say("ถอดบทเรียนค่ะ")
    for said in ("ตั้งใจปลูกป่า", "ได้ปลูก 100 ต้น", "ทุกคนช่วยกัน", "ฝนตก")[:answered]:
        chat.say(said)
    return chat


@pytest.mark.parametrize("said", ["ยกเลิกก่อนนะคะ เดี๋ยวค่อยทำใหม่", "เดี๋ยวค่อยทำนะคะ ยกเลิกก่อนค่ะ"])
def test_cancel_in_her_words_at_a_reflection_question_cancels(db, tmp_path, said):
    chat = at_reflection_question(db, tmp_path, 0)
    chat.say(said)
    assert chat.current_flow() is None  # nothing answered yet: cancelled at once
    chat = at_reflection_question(db, tmp_path, 3)
    chat.say(said)
    assert chat.current_flow() == ("reflect", CONFIRM_STEP)  # three answers: discard them?
    assert "ค่อยทำ" not in json.dumps(draft(chat), ensure_ascii=False)


@pytest.mark.parametrize("said", ["ข้อนี้ไม่มีค่ะ ผ่านไปเลย", "ไม่มีค่ะ ข้ามไปก่อนนะคะ"])
def test_nothing_here_skips_an_optional_question_and_a_required_one_needs_an_answer(
    db, tmp_path, said
):
    chat = at_reflection_question(db, tmp_path, 3)
    step = chat.current_flow()
    chat.say(said)
    assert chat.current_flow() != step
    assert "obstacles" not in draft(chat) or not draft(chat)["obstacles"]
    assert "ไป" not in json.dumps(draft(chat), ensure_ascii=False)
    step = chat.current_flow()
    chat.say("ขอข้ามข้อนี้ได้ไหมคะ")
    assert "ข้อนี้จำเป็นต้องตอบค่ะ ข้ามไม่ได้" in chat.text()
    assert chat.current_flow() == step
    assert "ข้ามข้อนี้" not in json.dumps(draft(chat), ensure_ascii=False)


def test_the_assessment_note_takes_her_skip_and_cancel(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.say("แบบประเมินค่ะ")
    chat.say("3")
    assert chat.current_flow() == ("assess", "note_0")
    chat.say("ข้อนี้ไม่มีค่ะ ผ่านไปเลย")
    assert chat.current_flow() == ("assess", "rate_1")
    assert not draft(chat).get("note_0")
    chat.say("3")
    chat.say("ยกเลิกก่อนนะคะ เดี๋ยวค่อยทำใหม่")
    assert chat.current_flow() is None or chat.current_flow()[1] != "rate_2"
    if chat.current_flow() is not None:
        assert "ค่อยทำใหม่" not in json.dumps(draft(chat), ensure_ascii=False)
