"""Cancel says what it discards and asks first when it is a lot; names and titles need letters.

In Thai and English, through the router with a real database.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models.activities import Activity
from storage.models.reflections import Reflection
from tests.chatting import Chat, make_router, texts
from tests.members import registered

THAI, ENGLISH = "U" + "1" * 32, "U" + "2" * 32
LESSON = ["ปลูกป่าชายเลน 100 ต้น", "เยาวชน 30 คนมาร่วม", "ชุมชนและวัดช่วยกัน"]


@pytest.fixture(scope="module")
def router():
    return make_router()


def _chat(db, router, user, language):
    registered(db, user, name="ครูแดง", language=language)
    return Chat(db, router, user)


def _count(db, model) -> int:
    with db.unit_of_work() as session:
        return len(list(session.scalars(select(model))))


def test_cancelling_a_long_draft_asks_then_says_it_was_discarded_in_thai(db, router):
    chat = _chat(db, router, THAI, "th")
    chat.say("ถอดบทเรียน")
    for answer in LESSON:
        chat.say(answer)
    asked = chat.say("ยกเลิก")
    assert texts(asked)[0].startswith("คุณตอบถอดบทเรียนไว้แล้ว 3 ข้อ ถ้ายกเลิก คำตอบเหล่านี้จะหายไป")
    kept = chat.tap(asked, "ทำต่อ")
    assert chat.step() not in (None, "__cancel__") and kept
    done = chat.tap(chat.say("ยกเลิก"), "ยกเลิกและทิ้งคำตอบ")
    assert texts(done)[0] == "ยกเลิกถอดบทเรียนที่ยังไม่บันทึกแล้วค่ะ คำตอบที่ตอบไว้ในครั้งนี้ไม่ได้เก็บไว้"
    assert "ยังอยู่ครบ" not in texts(done)[0]
    assert chat.step() is None and _count(db, Reflection) == 0


def test_cancelling_a_long_draft_asks_then_says_it_was_discarded_in_english(db, router):
    chat = _chat(db, router, ENGLISH, "en")
    chat.say("reflect")
    for answer in LESSON:
        chat.say(answer)
    asked = chat.say("cancel")
    assert texts(asked)[0].startswith("You have given 3 answers for “Reflect”.")
    done = chat.say("yes")
    assert texts(done)[0].startswith("The unsaved “Reflect” is cancelled")
    assert chat.step() is None and _count(db, Reflection) == 0


def test_a_short_draft_is_cancelled_at_once_and_an_edit_names_itself(db, router):
    chat = _chat(db, router, THAI, "th")
    chat.say("บันทึกกิจกรรม")
    assert texts(chat.say("ยกเลิก"))[0] == "ยกเลิก “บันทึกกิจกรรม” แล้วค่ะ ไม่มีอะไรเปลี่ยนแปลง"
    chat.say("แก้ไขข้อมูล")
    cancelled = texts(chat.say("ยกเลิก"))[0]
    assert cancelled == "ยกเลิกการแก้ไขข้อมูลแล้วค่ะ ข้อมูลเดิมยังอยู่เหมือนเดิม ไม่มีอะไรเปลี่ยน"
    assert "ลงทะเบียน" not in cancelled


@pytest.mark.parametrize(
    ("user", "language", "start", "hint"),
    [
        (THAI, "th", "บันทึกกิจกรรม", "ชื่อกิจกรรมต้องมีตัวอักษรหรือตัวเลขค่ะ"),
        (ENGLISH, "en", "log activity", "An activity name needs letters or digits"),
    ],
)
def test_a_title_of_invisible_characters_or_punctuation_is_refused_with_the_reason(
    db, router, user, language, start, hint
):
    chat = _chat(db, router, user, language)
    chat.say(start)
    for title in ("\u200b\u200b", " . - ", "\ufeff!!"):
        reply = texts(chat.say(title))
        assert reply[0].startswith(hint), title
        assert chat.step() == "title"
    too_short = texts(chat.say("ก"))[0]
    assert ("2–100" in too_short) and "{low}" not in too_short
    assert _count(db, Activity) == 0
