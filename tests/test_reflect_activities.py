"""A reflection about an activity: picked from recent ones, or started from the activity's button."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from storage.models import Member
from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.reflections import Reflection
from tests.activity_records import logged
from tests.chatting import Chat, labels, make_router
from tests.members import registered

USER, OTHER = "U" + "5" * 32, "U" + "6" * 32


@pytest.fixture(scope="module")
def router():
    return make_router()


@pytest.fixture
def chat(db, router):
    registered(db, USER, name="ครูแดง")
    return Chat(db, router, USER)


def reflections(db) -> list[Reflection]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(Reflection).order_by(Reflection.id)))


def other_member(db) -> str:
    registered(db, OTHER, name="คนอื่น")
    return OTHER


def answer_all(chat: Chat, first: list[dict]) -> list[dict]:
    messages = first
    for answer in ("ตั้งใจปลูกป่า", "ปลูกได้ 120 ต้น", "ชุมชนช่วยกัน", "ไม่มี", "ทำทุกปี"):
        messages = chat.say(answer)
    return chat.tap(messages, "เสร็จ")


def test_the_member_picks_one_of_their_recent_activities_or_none(db, chat):
    logged(db, USER, "ปลูกป่าชายเลน", date(2026, 11, 20), chat.now - timedelta(days=3), (1, 3))
    logged(db, USER, "เก่าเกินไป", date(2026, 10, 1), chat.now - timedelta(days=40))
    logged(db, other_member(db), "ของคนอื่น", date(2026, 11, 21), chat.now - timedelta(days=1))
    pick = chat.say("ถอดบทเรียน")
    assert "มาจากกิจกรรมไหน" in pick[0]["text"]
    assert labels(pick) == ["20 พ.ย. ปลูกป่าชาย…", "ไม่ระบุกิจกรรม", "ย้อนกลับ", "ยกเลิก"]
    about, question = chat.tap(pick, "20 พ.ย. ปลูกป่าชาย…")
    assert about["text"] == "กิจกรรม: ปลูกป่าชายเลน (20 พ.ย. 2569)" and "ข้อ 1/5" in question["text"]
    review = answer_all(chat, [about, question])
    assert "แก้กิจกรรม" in labels(review)
    chat.tap(review, "บันทึก")
    [reflection] = reflections(db)
    assert reflection.activity_id is not None
    assert reflection.criteria == "principles,results"  # ticked from the activity's criteria
    # Reflected on: it is not offered again, so the next reflection starts at the first question.
    assert "ข้อ 1/5" in chat.say("ถอดบทเรียน")[0]["text"]


def test_no_activity_can_be_chosen(db, chat):
    logged(db, USER, "ปลูกป่าชายเลน", date(2026, 11, 20), chat.now - timedelta(days=3))
    question = chat.tap(chat.say("ถอดบทเรียน"), "ไม่ระบุกิจกรรม")
    assert "ข้อ 1/5" in question[0]["text"]
    chat.tap(answer_all(chat, question), "บันทึก")
    assert reflections(db)[0].activity_id is None


def test_the_button_under_an_activity_starts_a_reflection_about_it(db, chat):
    activity = logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 22), chat.now - timedelta(hours=1))
    about, question = chat.postback(f"cmd=reflect_on&activity={activity}")
    assert about["text"] == "กิจกรรม: ค่ายคุณธรรม (22 พ.ย. 2569)" and "ข้อ 1/5" in question["text"]
    chat.tap(answer_all(chat, [about, question]), "บันทึก")
    assert reflections(db)[0].activity_id == activity


@pytest.mark.parametrize("said", ["ถอดบทเรียนเลยค่ะ", "ถอดบทเรียน", "อยากถอดบทเรียนครับ"])
def test_asked_for_in_words_soon_after_saving_an_activity_a_reflection_is_about_it(db, chat, said):
    # Saving offers "ถอดบทเรียนเลย" as a button; a member who types it instead means that activity.
    logged(db, USER, "ปลูกป่าชายเลน", date(2026, 11, 20), chat.now - timedelta(days=3))
    saved = logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 23), chat.now - timedelta(minutes=2))
    about, question = chat.say(said)
    assert about["text"] == "กิจกรรม: ค่ายคุณธรรม (23 พ.ย. 2569)" and "ข้อ 1/5" in question["text"]
    review = answer_all(chat, [about, question])
    assert "แก้กิจกรรม" in labels(review)  # another one can still be chosen from the review
    chat.tap(review, "บันทึก")
    assert reflections(db)[0].activity_id == saved


def test_an_hour_after_saving_the_member_is_asked_which_activity_again(db, chat):
    logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 23), chat.now - timedelta(hours=1))
    assert "มาจากกิจกรรมไหน" in chat.say("ถอดบทเรียน")[0]["text"]


def test_a_button_naming_someone_elses_activity_starts_an_ordinary_reflection(db, chat):
    theirs = logged(db, other_member(db), "ของคนอื่น", date(2026, 11, 22), chat.now)
    question = chat.postback(f"cmd=reflect_on&activity={theirs}")
    assert "กิจกรรม:" not in question[0]["text"] and "ข้อ 1/5" in question[0]["text"]


def test_a_deleted_activity_leaves_its_reflection_and_a_deleted_member_leaves_nothing(db, chat):
    activity = logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 22), chat.now)
    chat.tap(answer_all(chat, chat.postback(f"cmd=reflect_on&activity={activity}")), "บันทึก")
    chat.say("ประเมิน")
    for _ in range(5):
        chat.tap(chat.say("3"), "ข้าม")
    with db.unit_of_work() as session:
        session.execute(delete(Activity).where(Activity.id == activity))
    [reflection] = reflections(db)
    assert reflection.activity_id is None and reflection.lesson == "ทำทุกปี"
    with db.unit_of_work() as session:
        session.execute(delete(Member).where(Member.line_user_id == USER))
    with db.unit_of_work() as session:
        assert session.scalars(select(Assessment)).all() == []
    assert reflections(db) == []


def texts_and_postbacks(node) -> tuple[list[str], list[str]]:
    """Every text and every postback's data inside a Flex message, in order."""
    found_texts, found_data = [], []
    if isinstance(node, dict):
        if node.get("type") == "text":
            found_texts.append(node["text"])
        if node.get("type") == "postback":
            found_data.append(node["data"])
        children = node.values()
    else:
        children = node if isinstance(node, list) else []
    for child in children:
        if isinstance(child, (dict, list)):
            more_texts, more_data = texts_and_postbacks(child)
            found_texts += more_texts
            found_data += more_data
    return found_texts, found_data


def test_my_activities_shows_each_ones_lesson_or_a_button_to_write_it(db, chat):
    # Session 10's walk: neither "my activities" nor "my summary" showed which had a lesson.
    done = logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 22), chat.now - timedelta(days=2))
    chat.tap(answer_all(chat, chat.postback(f"cmd=reflect_on&activity={done}")), "บันทึก")
    waiting = logged(db, USER, "ปลูกป่าชายเลน", date(2026, 11, 23), chat.now - timedelta(days=1))
    [pages] = chat.say("กิจกรรมของฉัน")
    first, second = pages["contents"]["contents"]  # newest first
    shown, buttons = texts_and_postbacks(first)
    assert "ปลูกป่าชายเลน" in shown and "ยังไม่ได้ถอดบทเรียน" in shown
    assert f"cmd=reflect_on&activity={waiting}" in buttons
    shown, buttons = texts_and_postbacks(second)
    assert "ค่ายคุณธรรม" in shown and "ทำทุกปี" in shown  # its lesson
    assert not any(data.startswith("cmd=reflect_on") for data in buttons)
    about, question = chat.postback(f"cmd=reflect_on&activity={waiting}")
    assert about["text"] == "กิจกรรม: ปลูกป่าชายเลน (23 พ.ย. 2569)" and "ข้อ 1/5" in question["text"]


def test_adding_a_criterion_in_words_keeps_those_ticked_from_the_activity(db, chat):
    # Session 10's second walk: "เพิ่มข้อ ๕ ด้วยค่ะ" was refused, and "๕ ค่ะ" dropped 1 and 2.
    activity = logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 22), chat.now, (1, 3))
    chat.postback(f"cmd=reflect_on&activity={activity}")
    for answer in ("ตั้งใจปลูกป่า", "ปลูกได้ 120 ต้น", "ชุมชนช่วยกัน", "ไม่มี", "ทำทุกปี"):
        chat.say(answer)
    again = chat.say("เพิ่มข้อ ๕ ด้วยค่ะ")
    assert "เลือกแล้ว:" in again[0]["text"]  # still choosing, the three shown
    chat.tap(chat.tap(again, "เสร็จ"), "บันทึก")
    [reflection] = reflections(db)
    assert reflection.criteria.split(",")[:2] == ["principles", "results"]
    assert len(reflection.criteria.split(",")) == 3
