"""The five-criteria check: each question rated 1–5 with an optional note, saved per item, resumable."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers.questionnaire import load_questionnaire
from storage.models.assessments import Assessment
from tests.chatting import Chat, flex_texts, labels, make_router
from tests.flex_check import assert_valid_flex
from tests.members import registered
from tests.questionnaires import staff_edit, write

USER = "U" + "f" * 32


@pytest.fixture(scope="module")
def router():
    return make_router()


@pytest.fixture
def chat(db, router):
    registered(db, USER, name="พระครูสมชาย", network="youth")
    return Chat(db, router, USER)


def saved(db) -> list[Assessment]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(Assessment).order_by(Assessment.id)))


def test_each_criterion_is_rated_with_labelled_buttons_then_an_optional_note(db, chat):
    intro, question = chat.say("แบบประเมิน 5 หลัก")
    assert intro["text"].startswith("แบบประเมิน 5 หลัก\n")
    assert question["text"].startswith("ข้อ 1/5 · หลักคุณธรรมร่วม")
    assert "1 = ยังไม่เริ่ม" in question["text"] and "5 = เป็นต้นแบบให้ผู้อื่นได้" in question["text"]
    assert labels([question]) == [
        "1 ยังไม่เริ่ม", "2 เริ่มต้นแล้ว", "3 ทำได้บางส่วน", "4 ทำได้ดีต่อเนื่อง", "5 เป็นต้นแบบ",
        "ย้อนกลับ", "ยกเลิก",
    ]  # fmt: skip
    note = chat.tap([question], "4 ทำได้ดีต่อเนื่อง")
    assert "หลักฐานสั้น ๆ" in note[0]["text"] and "ข้าม" in labels(note)
    question = chat.say("มีธรรมนูญเครือข่ายที่ทุกคนร่วมร่าง")
    assert question[0]["text"].startswith("ข้อ 2/5 · การมีส่วนร่วม")
    question = chat.tap(chat.say("๓"), "ข้าม")  # a Thai digit typed instead of tapped
    question = chat.tap(chat.say("ทำได้บางส่วน"), "ข้าม")  # the level's words typed
    for score in ("2 เริ่มต้นแล้ว", "5 เป็นต้นแบบ"):
        question = chat.tap(chat.tap(question, score), "ข้าม")
    review = question[-1]
    assert review["text"].startswith("ตรวจคำตอบก่อนบันทึกนะคะ") and saved(db) == []
    assert "ข้อ 1 หลักคุณธรรมร่วม: 4 คะแนน" in review["text"]
    assert "หมายเหตุ: มีธรรมนูญเครือข่ายที่ทุกคนร่วมร่าง" in review["text"]
    assert labels(question)[:3] == ["บันทึก", "แก้ข้อ 1", "แก้ข้อ 2"]
    again = chat.tap(chat.tap(chat.tap(question, "แก้ข้อ 4"), "3 ทำได้บางส่วน"), "ข้าม")
    assert "ข้อ 4 การยอมรับจากสังคม: 3 คะแนน" in again[-1]["text"]  # changed, back on the card
    question = chat.tap(again, "บันทึก")
    thanks, card = question
    assert "บันทึกผลประเมินแล้ว" in thanks["text"]
    assert_valid_flex(card)
    [assessment] = saved(db)
    assert assessment.questionnaire_version == "2026-11"
    assert (assessment.network, assessment.organisation) == ("youth", "โรงเรียนบ้านดอย")
    assert [(a.question_key, a.score, a.note) for a in assessment.answers] == [
        ("principles", 4, "มีธรรมนูญเครือข่ายที่ทุกคนร่วมร่าง"), ("participation", 3, None),
        ("results", 3, None), ("recognition", 3, None), ("commitment", 5, None),
    ]  # fmt: skip
    assert chat.step() is None


def test_an_answer_that_is_not_a_score_gets_a_hint_and_the_same_question(chat):
    chat.say("ประเมิน")
    for wrong in ("หก", "6", "0", "ดีมาก"):  # ("ห้า" is 5: a score in words counts)
        hint, *_, again = chat.say(wrong)
        assert "1 ถึง 5" in hint["text"] and again["text"].startswith("ข้อ 1/5")
    assert chat.step() == "rate_0"
    note = chat.say("5")
    hint, again = chat.postback("s=note_0&v=1")  # a stale-looking tap where words are wanted
    assert "ขอเป็นข้อความพิมพ์" in hint["text"] and chat.step() == "note_0"
    long_note = "ตัวอย่างกิจกรรมจิตอาสาทำความสะอาดวัดทุกเดือน " * 12
    notice, question = chat.say(long_note)
    assert "ยาวเกิน 300 ตัวอักษร" in notice["text"] and question["text"].startswith("ข้อ 2/5")
    assert note and again


def test_back_returns_to_the_previous_rating(chat):
    chat.say("ประเมิน")
    chat.tap(chat.say("4"), "ข้าม")
    question = chat.say("ย้อนกลับ")
    assert "หลักฐานสั้น ๆ" in question[0]["text"] and chat.step() == "note_0"
    assert chat.say("ย้อนกลับ")[-1]["text"].startswith("ข้อ 1/5")


def test_an_assessment_abandoned_half_way_resumes_the_next_day(db, chat):
    chat.advance(hours=11)  # 21:00 in Bangkok
    chat.say("แบบประเมิน")
    question = chat.tap(chat.tap(chat.say("3"), "ข้าม"), "4 ทำได้ดีต่อเนื่อง")
    assert "ข้อ 2 (การมีส่วนร่วม)" in question[0]["text"]  # ...and the member puts the phone down
    chat.advance(hours=12)  # 09:00 the next day
    menu = chat.postback("cmd=help")  # the menu works meanwhile, without losing the answers
    assert "บันทึกกิจกรรม" in menu[0]["text"]
    ask = chat.postback("cmd=assess")  # the menu button of the assessment
    assert "ค้างไว้" in ask[0]["text"] and labels(ask) == ["ทำต่อ", "เริ่มใหม่"]
    question = chat.tap(ask, "ทำต่อ")
    assert "ข้อ 2 (การมีส่วนร่วม)" in question[0]["text"]
    question = chat.say("ที่ประชุมประจำเดือน")
    for score in ("3", "2", "5"):
        question = chat.tap(chat.say(score), "ข้าม")
    chat.say("บันทึก")
    [assessment] = saved(db)
    assert [a.score for a in assessment.answers] == [3, 4, 3, 2, 5]
    assert assessment.answers[1].note == "ที่ประชุมประจำเดือน"


def test_a_questionnaire_changed_mid_way_starts_again_at_question_1(db, chat, tmp_path):
    chat.say("แบบประเมิน")
    chat.tap(chat.say("3"), "ข้าม")
    chat.questionnaire = load_questionnaire(write(tmp_path / "q.yaml", staff_edit()))
    notice, intro, question = chat.say("4")
    assert "เพิ่งได้รับการปรับปรุง" in notice["text"] and question["text"].startswith("ข้อ 1/6")
    assert chat.step() == "rate_0" and saved(db) == []
    note = chat.say("4")
    assert "ปรับปรุง" not in note[0]["text"]  # said once


def test_a_member_can_assess_in_english(db, router):
    registered(db, USER, name="Ajarn Noi", network="civil", language="en")
    chat = Chat(db, router, USER)
    intro, question = chat.say("5-criteria check")
    assert intro["text"].startswith("5-criteria check\nRate our network")
    assert question["text"].startswith("Question 1/5 · Shared principles")
    assert "5 = A model for others" in question["text"]
    messages = [question]
    for score in ("3 Partly there", "4 Done well", "2 Just started", "5 A model", "1 Not started"):
        note = chat.tap(messages, score)
        assert "any short example" in note[0]["text"]
        messages = chat.tap(note, "Skip")
    assert messages[-1]["text"].startswith("Please check your answers.")
    assert "5. Sustainability: 1" in messages[-1]["text"]
    messages = chat.tap(messages, "Save")
    thanks, card = messages
    assert thanks["text"].startswith("Thank you")
    shown = flex_texts(card)
    assert "Your 5-criteria results" in shown and "Sustainability" in shown and "1/5" in shown
    assert [a.score for a in saved(db)[0].answers] == [3, 4, 2, 5, 1]
