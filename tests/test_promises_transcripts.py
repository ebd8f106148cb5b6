"""Issue 11's promises, each in Thai and in English, through the real router and database:
the assessment's review card, thanks at a step, trimmed text the member is told about and can
edit, a withdrawn member shown as receiving nothing, summaries by the date held, no "0 รูป"."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.reflections import Reflection
from tests.activities.chat import logged
from tests.chatting import Chat, flex_texts, labels, make_router, texts
from tests.members import registered

USER = "U" + "7" * 32
WORDS = {
    "th": {
        "assess": "แบบประเมิน 5 หลัก", "rate": "3 ทำได้บางส่วน", "better": "5 เป็นต้นแบบ",
        "skip": "ข้าม", "save": "บันทึก", "edit2": "แก้ข้อ 2",
        "review": "ตรวจคำตอบก่อนบันทึก", "line2": "ข้อ 2 การมีส่วนร่วม: {score} คะแนน",
        "note_cut": "✂️ หมายเหตุข้อ 1 ยาวเกิน 300 ตัวอักษร", "note": "หมายเหตุ: ",
        "reflect": "ถอดบทเรียน", "answer_cut": "✂️ คำตอบข้อ 1 ยาวเกิน 1,000 ตัวอักษร",
        "card_cut": "✂️ ตัดให้เหลือ 1,000 ตัวอักษร", "edit_answer1": "แก้ข้อ 1",
        "thanks": "ขอบคุณค่ะ", "pause": "พักไว้ก่อน", "warm": "ยินดีเสมอค่ะ",
        "withdraw": "ถอนความยินยอม", "yes": "ใช่", "my_data": "ข้อมูลของฉัน",
        "receiving_nothing": "การแจ้งเตือนและประกาศจากบอท: ไม่ส่งถึงคุณ (ถอนความยินยอมแล้ว)",
        "summary": "สรุปของฉัน", "held": "กิจกรรมที่บันทึก: 2 รายการ (จัดในเดือนนี้ 1)",
        "network_summary": "สรุปเครือข่าย", "network_held": "• กิจกรรมที่จัด: 1 รายการ",
        "no_photos": "ไม่มีรูป", "zero_photos": "0 รูป",
    },
    "en": {
        "assess": "5-criteria check", "rate": "3", "better": "5",
        "skip": "Skip", "save": "Save", "edit2": "Edit 2",
        "review": "Please check your answers", "line2": "2. Participation: {score}",
        "note_cut": "✂️ The note on question 1 was over 300 characters", "note": "Note: ",
        "reflect": "reflect", "answer_cut": "✂️ Answer 1 was over 1,000 characters",
        "card_cut": "✂️ trimmed to 1,000 characters", "edit_answer1": "Edit 1",
        "thanks": "thank you", "pause": "Pause it", "warm": "",
        "withdraw": "withdraw consent", "yes": "yes", "my_data": "my data",
        "receiving_nothing": "Reminders and announcements from the bot: not sent to you (consent withdrawn)",
        "summary": "my summary", "held": "Activities logged: 2 (1 held this month)",
        "network_summary": "network summary", "network_held": "• Activities held: 1",
        "no_photos": "no photos", "zero_photos": "0 photo",
    },
}  # fmt: skip
LANGUAGES = pytest.mark.parametrize("language", ["th", "en"])


@pytest.fixture(scope="module")
def router():
    return make_router()


@pytest.fixture
def chat(db, router, language):
    registered(db, USER, name="ครูแดง", language=language)
    return Chat(db, router, USER)


def _one(db, model):
    with db.unit_of_work() as session:
        return session.scalars(select(model)).one()


@LANGUAGES
def test_the_assessment_ends_on_a_review_card_where_any_answer_can_be_changed(chat, db, language):
    w = WORDS[language]
    reply = chat.say(w["assess"])
    for _ in range(5):
        reply = chat.tap(chat.tap(reply, w["rate"]), w["skip"])
    assert texts(reply)[0].startswith(w["review"]), texts(reply)
    assert w["line2"].format(score=3) in texts(reply)[0]
    reply = chat.tap(chat.tap(reply, w["edit2"]), w["better"])
    reply = chat.tap(reply, w["skip"])  # the note of question 2 again, then straight back
    assert texts(reply)[0].startswith(w["review"])
    assert w["line2"].format(score=5) in texts(reply)[0]
    with db.unit_of_work() as session:
        assert session.scalars(select(Assessment)).all() == []  # nothing saved before บันทึก
    chat.tap(reply, w["save"])
    saved = _one(db, Assessment)
    assert [a.score for a in sorted(saved.answers, key=lambda a: a.position)] == [3, 5, 3, 3, 3]


@LANGUAGES
def test_a_long_note_is_trimmed_the_member_is_told_and_can_edit_it(chat, db, language):
    w = WORDS[language]
    long_note = "ชุมชนช่วยกันดูแลวัดทุกสัปดาห์ " * 20  # 600 characters
    reply = chat.tap(chat.say(w["assess"]), w["rate"])
    reply = chat.say(long_note)
    assert texts(reply)[0].startswith(w["note_cut"]), texts(reply)
    for _ in range(4):
        reply = chat.tap(chat.tap(reply, w["rate"]), w["skip"])
    review = texts(reply)[0]
    [note] = [line for line in review.splitlines() if w["note"] in line]
    assert note.endswith("…") and len(note.split(w["note"])[1]) <= 300
    reply = chat.tap(chat.tap(reply, w["edit_answer1"]), w["rate"])
    reply = chat.say("ชุมชนช่วยกันดูแลวัด")
    assert f"{w['note']}ชุมชนช่วยกันดูแลวัด" in texts(reply)[0]
    chat.tap(reply, w["save"])
    first = min(_one(db, Assessment).answers, key=lambda a: a.position)
    assert first.note == "ชุมชนช่วยกันดูแลวัด"


@LANGUAGES
def test_a_long_reflection_answer_is_trimmed_told_and_editable_on_the_review(chat, db, language):
    w = WORDS[language]
    chat.say(w["reflect"])
    notice, _ = chat.say("เด็กและเยาวชนร่วมกันปลูกต้นไม้ที่วัด " * 40)  # 1,480 characters
    assert notice["text"].startswith(w["answer_cut"]) and "ที่วัด…" in notice["text"]
    for answer in ("มีคนมา 30 คน", "วัดช่วย", "ฝนตก", "ชวนโรงเรียนอื่น"):
        review = chat.say(answer)
    review = chat.say("1")  # the first criterion, typed: straight to the review
    assert any(w["card_cut"] in t for t in flex_texts(review[0]))
    chat.tap(review, w["edit_answer1"])
    review = chat.say("ปลูกต้นไม้ที่วัดกับเยาวชน")
    assert not any(w["card_cut"] in t for t in flex_texts(review[0]))
    chat.tap(review, w["save"])
    assert _one(db, Reflection).set_out == "ปลูกต้นไม้ที่วัดกับเยาวชน"


@LANGUAGES
def test_thanks_typed_at_a_step_is_not_stored_and_can_pause_the_conversation(chat, language):
    w = WORDS[language]
    chat.say(w["reflect"])
    asked = chat.say(w["thanks"])
    assert w["pause"] in labels(asked)
    assert chat.step() == "__leave__"
    paused = chat.tap(asked, w["pause"])
    assert w["warm"] in "\n".join(texts(paused)), texts(paused)
    assert chat.step() is None


@LANGUAGES
def test_a_withdrawn_member_is_shown_as_receiving_nothing(chat, language):
    w = WORDS[language]
    chat.say(w["withdraw"])
    chat.say(w["yes"])
    shown = texts(chat.say(w["my_data"]))[0]
    assert w["receiving_nothing"] in shown, shown


@LANGUAGES
def test_the_summaries_count_activities_by_the_month_they_were_held_and_say_so(
    chat, db, tmp_path, language
):
    w = WORDS[language]
    logged(db, tmp_path, USER, title="ปลูกป่า", created_at=chat.now - timedelta(days=1))
    # Logged this month, held last month: counted for the month it was held.
    logged(db, tmp_path, USER, title="งานวัด", created_at=chat.now - timedelta(hours=2))
    with db.unit_of_work() as session:
        first, second = session.scalars(select(Activity).order_by(Activity.id)).all()
        first.held_on, second.held_on = date(2026, 11, 20), date(2026, 10, 30)
    shown = texts(chat.say(w["summary"]))[0]
    assert w["held"] in shown, shown
    registered(db, USER, name="ครูแดง", language=language, roles=(("coordinator", "civil"),))
    [card] = chat.say(w["network_summary"])
    assert w["network_held"] in flex_texts(card), flex_texts(card)


@LANGUAGES
def test_an_activity_without_photos_never_reads_0_photos(chat, db, tmp_path, language):
    w = WORDS[language]
    logged(db, tmp_path, USER, title="ปลูกป่า", created_at=chat.now - timedelta(days=1))
    shown = texts(chat.say(w["my_data"]))[0]
    assert w["no_photos"] in shown and w["zero_photos"] not in shown, shown


INTRO_TRUTH = {
    "th": ("สมาชิกคนอื่นไม่เห็นคำตอบของคุณเป็นรายบุคคล", "อย่างน้อย 5 คน",
           "เจ้าหน้าที่ผู้รับผิดชอบโครงการเห็นคำตอบรายบุคคลได้"),
    "en": ("Other members never see your individual answers", "at least 5 members",
           "Staff responsible for the project can see individual answers"),
}  # fmt: skip


@LANGUAGES
def test_the_assessment_intro_says_who_sees_individual_answers(chat, language):
    # Staff exports show each member's answers with their name: the intro must not deny it.
    intro = texts(chat.say(WORDS[language]["assess"]))[0]
    for promise in INTRO_TRUTH[language]:
        assert promise in intro, intro
    assert "ไม่แสดงเป็นรายบุคคลให้ผู้อื่นเห็น" not in intro
    assert "never shown to others individually" not in intro
