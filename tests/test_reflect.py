"""Reflection (ถอดบทเรียน): five prompts, tags, a review card, save; edits for 24 hours only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models.reflections import Reflection
from tests.chatting import Chat, flex_texts, labels, make_router, texts
from tests.flex_check import assert_valid_flex
from tests.members import registered

USER = "U" + "e" * 32
ANSWERS = ["ปลูกป่าชายเลน 100 ต้น", "เยาวชน 30 คนมาร่วม ปลูกได้ 120 ต้น", "ชุมชนและวัดช่วยกัน"]


@pytest.fixture(scope="module")
def router():
    return make_router()


@pytest.fixture
def chat(db, router):
    registered(db, USER, name="ครูแดง")
    return Chat(db, router, USER)


def rows(db) -> list[Reflection]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(Reflection).order_by(Reflection.id)))


def write_up_to_review(chat: Chat) -> list[dict]:
    assert "ข้อ 1/5" in chat.say("ถอดบทเรียน")[0]["text"]
    for answer in ANSWERS:
        chat.say(answer)
    tags = chat.say("ไม่มี")  # no obstacles: the same as tapping Skip
    assert "ข้อ 5/5" in tags[0]["text"] and "ข้าม" not in labels(tags)
    tags = chat.say("ครั้งหน้าชวนโรงเรียนอื่นมาด้วย")
    assert "เลือกแล้ว: ยังไม่ได้เลือก" in tags[0]["text"]
    tags = chat.tap(tags, "หลักคุณธรรมร่วม")
    assert "เลือกแล้ว: หลักคุณธรรมร่วม" in tags[0]["text"] and "✓ หลักคุณธรรมร่วม" in labels(tags)
    tags = chat.tap(tags, "ผลลัพธ์ที่ดีขึ้น")
    return chat.tap(tags, "เสร็จ")


def test_a_member_writes_a_reflection_reviews_it_and_saves_it(db, chat):
    review = write_up_to_review(chat)
    card, hint = review
    assert_valid_flex(card)
    shown = flex_texts(card)
    assert ANSWERS[1] in shown and "ไม่มี" in shown
    assert "หลักคุณธรรมร่วม, ผลลัพธ์ที่ดีขึ้น" in shown
    assert labels(review)[:2] == ["บันทึก", "แก้ข้อ 1 เป้าหมาย"]
    assert rows(db) == []  # nothing is kept before "save"
    saved = chat.tap(review, "บันทึก")
    assert "บันทึกถอดบทเรียนแล้ว" in saved[0]["text"] and labels(saved)[0] == "แก้ไขถอดบทเรียน"
    [row] = rows(db)
    assert (row.set_out, row.obstacles, row.criteria) == (ANSWERS[0], None, "principles,results")
    assert (row.network, row.organisation, row.activity_id) == ("civil", "โรงเรียนบ้านดอย", None)
    assert chat.step() is None


def test_wrong_kinds_of_answer_get_a_hint_and_the_same_question(chat):
    chat.say("ถอดบทเรียน")
    hint, again = chat.say("ก")
    assert "อย่างน้อย 2 ตัวอักษร" in hint["text"] and "ข้อ 1/5" in again["text"]
    hint, again = chat.postback("s=set_out&v=x")
    assert "ขอเป็นข้อความพิมพ์" in hint["text"] and "ข้อ 1/5" in again["text"]
    chat.say(ANSWERS[0])
    for answer in ANSWERS[1:]:
        chat.say(answer)
    chat.say("ฝนตก ย้ายไปปลูกในร่ม")
    chat.say("บทเรียนคือเตรียมแผนสำรอง")
    wrong = chat.say("7 9")
    assert "พิมพ์ตัวเลข 1–5" in wrong[0]["text"] and chat.step() == "tags"
    review = chat.say("๒ และ ๕")  # Thai digits, typed
    assert "การมีส่วนร่วม, ความยั่งยืน" in flex_texts(review[0])
    assert texts(review)[-1].startswith("ตรวจทานแล้วแตะ") and chat.step() == "review"
    assert "กรุณาเลือกจากปุ่ม" in chat.say("ยังไม่แน่ใจ")[0]["text"] and chat.step() == "review"


def test_an_answer_over_1000_characters_is_kept_trimmed_and_the_member_is_told(db, chat):
    chat.say("ถอดบทเรียน")
    long_answer = "เด็กและเยาวชนร่วมกันปลูกต้นไม้ที่วัด " * 40  # 1,480 characters
    notice, question = chat.say(long_answer)
    assert "ยาวเกิน 1,000 ตัวอักษร" in notice["text"] and "ปลูกต้นไม้ที่วัด…" in notice["text"]
    assert "ข้อ 2/5" in question["text"]
    for answer in [*ANSWERS[1:], "ไม่มี", "บทเรียน"]:
        review = chat.say(answer)
    review = chat.tap(review, "เสร็จ")
    assert "✂️ ตัดให้เหลือ 1,000 ตัวอักษร" in flex_texts(review[0])
    chat.tap(review, "บันทึก")
    [row] = rows(db)
    assert len(row.set_out) <= 1000 and row.set_out.endswith("วัด…")


def test_the_review_can_send_the_member_back_to_one_answer(db, chat):
    review = write_up_to_review(chat)
    question = chat.tap(review, "แก้ข้อ 2 ที่เกิดขึ้น")
    assert "ข้อ 2/5" in question[0]["text"]
    review = chat.say("มีคนมา 45 คน")
    assert "มีคนมา 45 คน" in flex_texts(review[0])  # straight back to the review
    tags = chat.tap(review, "แก้หลักที่เกี่ยวข้อง")
    tags = chat.tap(tags, "✓ หลักคุณธรรมร่วม")  # tapping again un-chooses
    assert "เลือกแล้ว: ผลลัพธ์ที่ดีขึ้น" in tags[0]["text"]
    back = chat.say("ย้อนกลับ")  # ticking choices did not count as steps: back leaves the tags
    assert chat.step() == "review"
    chat.tap(back, "บันทึก")
    [row] = rows(db)
    assert (row.happened, row.criteria) == ("มีคนมา 45 คน", "results")


def test_a_reflection_can_be_edited_for_24_hours_and_not_after(db, chat):
    chat.tap(write_up_to_review(chat), "บันทึก")
    chat.advance(hours=23)
    review = chat.say("แก้ไขถอดบทเรียน")
    assert ANSWERS[0] in flex_texts(review[0]) and chat.step() == "review"
    chat.tap(review, "แก้ข้อ 5 บทเรียน")
    chat.tap(chat.say("บทเรียนใหม่"), "บันทึก")
    [row] = rows(db)
    assert row.lesson == "บทเรียนใหม่" and row.edited_at is not None
    review = chat.say("แก้ไขถอดบทเรียน")
    chat.advance(hours=1, minutes=1)  # the window closes while the member is still editing
    late = chat.tap(review, "บันทึก")
    assert "เกิน 24 ชั่วโมง" in late[0]["text"]
    assert "ภายใน 24 ชั่วโมง" in chat.say("แก้ไขถอดบทเรียน")[0]["text"]
    assert rows(db)[0].lesson == "บทเรียนใหม่"


def test_a_member_can_reflect_in_english(db, router):
    registered(db, USER, name="Dang", language="en")
    chat = Chat(db, router, USER)
    first = chat.say("Reflect")
    assert first[0]["text"].startswith("Reflection, question 1/5")
    assert "stickers" not in first[0]["text"]
    for answer in [
        "Plant mangroves",
        "30 young people came",
        "The temple helped",
        "Rain",
        "Plan B",
    ]:
        tags = chat.say(answer)
    assert "Which criteria" in tags[0]["text"] and "Shared principles" in labels(tags)
    review = chat.tap(chat.tap(tags, "Participation"), "Done")
    assert "Review your reflection" in flex_texts(review[0])
    saved = chat.tap(review, "Save")
    assert saved[0]["text"].startswith("Reflection saved") and labels(saved)[0] == "Edit reflection"
    assert rows(db)[0].criteria == "participation"


def test_cancelling_keeps_nothing(db, chat):
    chat.say("ถอดบทเรียน")
    chat.say(ANSWERS[0])
    assert chat.say("ยกเลิก")[0]["text"].startswith("ยกเลิกถอดบทเรียนที่ยังไม่บันทึกแล้ว")
    assert rows(db) == [] and chat.step() is None
