"""A Chiang Rai teacher's walk, typing naturally on a phone: each thing she hit, as she typed it.
Real router, real database."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import select

from storage import conversations
from storage.models import Member
from storage.models.activities import Activity
from tests.meetings import BANGKOK, schedule
from tests.router_chat import Chat

NOTICE_BUTTONS = ["ยินยอม", "ไม่ยินยอม", "English"]


def fresh(chat: Chat) -> Chat:
    """The same chat as someone who has not consented yet (nobody stored)."""
    chat.user += "new"
    return chat


def member_of(chat: Chat) -> Member | None:
    with chat.db.unit_of_work() as session:
        found = session.scalars(select(Member).where(Member.line_user_id == chat.user)).first()
        if found is not None:
            session.expunge(found)
        return found


def draft(chat: Chat) -> dict:
    with chat.db.unit_of_work() as session:
        return json.loads(conversations.current(session, chat.user).data)


def test_before_consent_a_greeting_is_greeted_and_shown_the_notice_without_apology(db, tmp_path):
    chat = fresh(Chat(db, tmp_path))
    chat.say("สวัสดีค่ะ น้องคุณธรรม")
    assert "สวัสดีค่ะ 🙏 ยินดีที่ได้รู้จัก" in chat.text() and "ขออภัย" not in chat.text()
    assert chat.labels() == NOTICE_BUTTONS
    assert member_of(chat) is None  # nothing kept


def test_before_consent_her_own_words_for_my_data_show_what_is_kept(db, tmp_path):
    for said in ("ข้อมูลของฉันมีอะไรบ้างคะ", "ข้อมูลเก็บไว้ที่ไหนคะ"):
        chat = fresh(Chat(db, tmp_path))
        chat.say(said)
        assert chat.outcome == "command:my_data", said
        assert "ขออภัย" not in chat.text() and "ต้องได้รับความยินยอมก่อน" not in chat.text()
        assert "ไม่มีข้อมูลของคุณเก็บไว้ในระบบค่ะ" in chat.text()
        assert chat.labels() == NOTICE_BUTTONS  # then the notice, to decide


def test_changing_her_mind_after_declining_is_consent(db, tmp_path):
    chat = fresh(Chat(db, tmp_path))
    chat.say("สวัสดีค่ะ")
    chat.tap("ไม่ยินยอม")
    assert member_of(chat).consent_status == "declined"
    chat.say("เปลี่ยนใจค่ะ ยินยอมค่ะ")
    assert member_of(chat).consent_status == "given"
    assert "อยากให้เรียกชื่อว่าอะไรคะ" in chat.text()


def test_the_english_notice_then_ok_i_agree_stays_in_english(db, tmp_path):
    chat = fresh(Chat(db, tmp_path))
    chat.say("สวัสดีค่ะ")
    chat.tap("English")
    chat.say("ok I agree")
    assert "Thank you for agreeing" in chat.text() and "What name should I use?" in chat.text()
    assert member_of(chat).language == "en"


def test_mid_assessment_asking_what_is_kept_shows_my_data_and_keeps_the_assessment(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.say("แบบประเมินค่ะ")
    for said in ("เดี๋ยวก่อนค่ะ ระบบเก็บข้อมูลอะไรของหนูไว้บ้างคะ", "ขอดูข้อมูลส่วนตัวที่เก็บไว้หน่อยค่ะ"):
        chat.say(said)
        assert chat.outcome == "command:my_data", said
        assert "ข้อมูลของคุณที่น้องคุณธรรมเก็บไว้" in chat.text()
        assert chat.current_flow() == ("assess", "rate_0")  # nothing answered, nothing lost


def test_withdrawn_she_can_still_ask_in_english_to_delete_everything(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.say("ถอนความยินยอม")
    chat.tap("ยืนยันถอน")
    chat.say("please delete all my data")
    assert chat.outcome == "command:delete_my_data"
    assert "need your consent" not in chat.text() and "ต้องได้รับความยินยอม" not in chat.text()
    chat.tap("ลบทั้งหมด")
    assert member_of(chat) is None


def test_what_data_do_you_keep_goes_to_my_data_and_no_question_has_two_same_buttons(db, tmp_path):
    chat = Chat(db, tmp_path, language="en")
    chat.say("what data do you keep about me?")
    assert chat.outcome == "command:my_data"
    assert "What I keep about you" in chat.text()
    for said in ("where do you keep my data", "ขอดูข้อมูลส่วนตัวหน่อยค่ะ", "help me with my data"):
        chat.say(said)
        assert len(chat.labels()) == len(set(chat.labels())), (said, chat.labels())


def test_skip_this_one_at_a_required_reflection_question_is_never_the_answer(db, tmp_path):
    chat = Chat(db, tmp_path)
    for said in ("ถอดบทเรียนค่ะ", "ตั้งใจปลูกป่า", "ได้ปลูก 100 ต้น"):
        chat.say(said)
    assert "ข้อ 1, 2, 3 และ 5 ต้องตอบ" not in chat.text()  # said at the first question
    step = chat.current_flow()
    for said in ("ข้ามข้อนี้ค่ะ", "ข้าม"):
        chat.say(said)
        assert "ข้อนี้จำเป็นต้องตอบค่ะ ข้ามไม่ได้" in chat.text()
        assert chat.current_flow() == step
        assert "ข้าม" not in json.dumps(draft(chat), ensure_ascii=False)


def test_the_first_reflection_question_says_which_questions_can_be_skipped(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.say("ถอดบทเรียนค่ะ")
    assert "ข้อ 1, 2, 3 และ 5 ต้องตอบ ส่วนข้อ 4 ข้ามได้" in chat.text()


def test_logging_yesterday_uses_yesterday_and_groups_of_people_are_added_up(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.say("บันทึกกิจกรรมเมื่อวานหน่อยค่ะ")
    assert chat.current_flow() == ("log_activity", "title")
    chat.say("ปลูกต้นไม้")
    assert chat.current_flow() == ("log_activity", "place")  # the day is not asked
    assert draft(chat)["held_on"] == "2026-11-23"
    chat.say("ออนไลน์")
    chat.say("นร. ๓๒ คน ครู ๔ คนค่ะ")
    assert draft(chat)["participants"] == 36
    chat.say("หลัก ๒ กับ ๓ ค่ะ")
    assert draft(chat)["criteria"] == [2, 3]
    chat.tap("ไม่มีรูป")
    chat.say("บันทึกเลยค่ะ")
    with db.unit_of_work() as session:
        saved = session.scalars(select(Activity)).one()
        assert (saved.title, saved.held_on.isoformat(), saved.participants) == (
            "ปลูกต้นไม้", "2026-11-23", 36,
        )  # fmt: skip


def test_every_hint_names_only_buttons_that_are_shown(db, tmp_path):
    chat = Chat(db, tmp_path)
    for said in ("บันทึกกิจกรรมค่ะ", "ปลูกต้นไม้", "เมื่อวาน", "ออนไลน์", "30"):
        chat.say(said)
    assert "เสร็จ" not in chat.labels() and "แตะ เสร็จ" not in chat.text()  # criteria: none chosen
    chat.tap("2 การมีส่วนร่วม")
    assert "เสร็จ" in chat.labels() and "แตะ เสร็จ" in chat.text()
    chat.tap("เสร็จ")
    chat.sticker()
    assert "ไม่มีรูป" in chat.labels() and "เสร็จ" not in chat.labels()
    assert "แตะ ไม่มีรูป" in chat.text() and "เสร็จ" not in chat.text()


def test_twice_yes_after_a_meeting_card_is_an_rsvp(db, tmp_path):
    chat = Chat(db, tmp_path)
    now = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)
    chat.now = now + timedelta(hours=1)
    schedule(db, now + timedelta(days=6), now, title="ประชุมเครือข่าย")
    chat.say("ไปค่ะ เข้าร่วมนะคะ")
    assert chat.outcome == "command:meeting_words"
    assert "บันทึกว่าคุณจะเข้าร่วม “ประชุมเครือข่าย”" in chat.text()
