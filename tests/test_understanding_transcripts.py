"""Members write naturally: small talk, a photo first, typed answers to buttons, "หมายถึงอันไหนคะ?",
and a command typed at a step (never stored as the answer unasked). Real router, real database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Member
from storage.models.activities import Activity
from tests.router_chat import Chat

PNG = b"\x89PNG\r\n\x1a\n" + b"a photo of the tree planting " * 20


class LineContent:
    """LINE's content server: the bytes of the photo a member sent."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def get_content(self, message_id: str) -> bytes:
        self.asked.append(message_id)
        return PNG


@pytest.fixture
def chat(db, tmp_path) -> Chat:
    return Chat(db, tmp_path)


def activities_of(db, user: str) -> list[Activity]:
    with db.unit_of_work() as session:
        member = session.scalars(select(Member).where(Member.line_user_id == user)).one()
        found = session.scalars(select(Activity).where(Activity.member_id == member.id))
        return [(a.title, a.participants, len(a.photos)) for a in found]


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("สวัสดีค่ะ", "สวัสดีค่ะ 🙏"),
        ("ขอบคุณมากค่ะ", "ยินดีเสมอค่ะ"),
        ("อรุณสวัสดิ์ค่ะ", "อรุณสวัสดิ์ค่ะ ☀️"),
        ("ฝันดีนะคะ", "ฝันดีนะคะ 🌙"),
        ("บ๊ายบาย", "แล้วคุยกันใหม่นะคะ"),
    ],
)
def test_small_talk_gets_a_warm_answer_and_the_menu(chat, said, answer):
    chat.say(said)
    assert answer in chat.text()
    assert "ไม่เข้าใจ" not in chat.text() and "ขออภัย" not in chat.text()
    assert chat.labels()[:2] == ["บันทึกกิจกรรม", "ถอดบทเรียน"]


def test_a_sticker_gets_a_smile_and_the_menu(chat):
    chat.sticker()
    assert chat.outcome == "smalltalk:sticker"
    assert "น่ารักจังค่ะ" in chat.text() and "ขออภัย" not in chat.text()
    assert "ช่วยเหลือ" in chat.labels()


def test_small_talk_in_english(db, tmp_path):
    chat = Chat(db, tmp_path, language="en")
    chat.say("thank you so much!!")
    assert "You're always welcome" in chat.text()
    assert "Log activity" in chat.labels()


def test_a_photo_sent_first_starts_an_activity_log_with_it_attached(chat, db):
    chat.gateway = LineContent()
    chat.image("photo-1")
    assert chat.text() == "บันทึกกิจกรรมพร้อมรูปนี้ไหมคะ?"
    assert chat.labels() == ["บันทึกกิจกรรม", "ไม่ใช่ค่ะ"]
    chat.tap("บันทึกกิจกรรม")
    assert chat.gateway.asked == ["photo-1"]
    assert "กิจกรรมชื่ออะไรคะ" in chat.text()
    for answer in ("ปลูกป่าชุมชน", "เมื่อวาน", "ออนไลน์", "30 คน", "1 3"):
        chat.say(answer)
    assert chat.current_flow() == ("log_activity", "review")  # the photo is in: not asked again
    chat.say("บันทึกเลยค่ะ")
    assert "บันทึก" in chat.text()
    assert activities_of(db, chat.user) == [("ปลูกป่าชุมชน", 30, 1)]


def test_a_photo_first_can_be_declined(chat, db):
    chat.image("photo-2")
    chat.tap("ไม่ใช่")
    assert "ไม่ได้เก็บรูปนี้ไว้" in chat.text()
    assert chat.current_flow() is None
    assert activities_of(db, chat.user) == []


def log_up_to_photos(chat: Chat) -> None:
    for answer in ("บันทึกกิจกรรมหน่อยค่ะ", "ปลูกป่าชุมชน", "เมื่อวาน", "ออนไลน์", "30 คน", "1 3"):
        chat.say(answer)
    assert chat.current_flow() == ("log_activity", "photos")


def test_typed_answers_reach_the_buttons_they_mean(chat, db):
    log_up_to_photos(chat)
    chat.say("ไม่มีค่ะ")  # the "no photos" button
    assert chat.current_flow() == ("log_activity", "review")
    chat.say("โอเค")  # the save button
    assert chat.current_flow() is None
    assert activities_of(db, chat.user) == [("ปลูกป่าชุมชน", 30, 0)]


@pytest.mark.parametrize("said", ["บันทึกเลยค่ะ", "ได้เลย", "โอเคค่ะ", "บันทึกค่าาา"])
def test_agreeing_in_any_words_saves_the_card(chat, db, said):
    log_up_to_photos(chat)
    chat.say("ไม่มีรูปค่ะ")
    chat.say(said)
    assert activities_of(db, chat.user) == [("ปลูกป่าชุมชน", 30, 0)]


def test_a_shortened_network_name_picks_the_network(chat, db):
    chat.say("แก้ไขข้อมูลค่ะ")
    chat.tap("สมศรี")
    assert chat.current_flow() == ("register", "network")
    chat.say("เด็กและเยาวชน")
    assert chat.outcome == "flow:register:button", chat.text()
    while chat.current_flow() != ("register", "review"):
        chat.tap(chat.labels()[0])  # keep the organisation, province and language
    chat.say("ได้เลยค่ะ")  # the review card's save
    with db.unit_of_work() as session:
        member = session.scalars(select(Member).where(Member.line_user_id == chat.user)).one()
        assert member.network == "youth"


def test_two_close_meanings_are_offered_as_buttons(chat):
    chat.say("สรุปกิจกรรม")
    assert chat.text() == "หมายถึงอันไหนคะ? แตะเลือกได้เลยค่ะ"
    assert chat.labels() == ["บันทึกกิจกรรม", "สรุปของฉัน", "ช่วยเหลือ"]
    chat.tap("สรุปของฉัน")
    assert chat.outcome == "postback:my_summary"


def test_nothing_close_shows_the_help_card_with_examples(chat):
    chat.say("ฝนตกหนักมาก")
    assert chat.outcome == "not-understood"
    assert "ยังไม่แน่ใจ" in chat.text() and "“บันทึกกิจกรรมหน่อยค่ะ”" in chat.text()


def test_a_command_typed_at_a_step_asks_before_leaving(chat):
    chat.say("บันทึกกิจกรรมค่ะ")
    chat.say("ปลูกป่าชุมชน")
    assert chat.current_flow() == ("log_activity", "date")
    chat.say("ขอดูสรุปของฉันค่ะ")
    assert "สรุปของฉัน" in chat.text() and "ใช้ข้อความนี้เป็นคำตอบ" in chat.text()
    assert chat.labels() == ["ไปที่คำสั่งนั้น", "ใช้เป็นคำตอบ"]
    chat.tap("ไปที่คำสั่ง")
    assert chat.outcome == "left:log_activity"
    assert "พักบันทึกกิจกรรมไว้แล้ว" in chat.text()
    assert chat.current_flow() is None  # paused, not answered: the summary was shown
    chat.say("บันทึกกิจกรรม")
    assert "ทำต่อ" in " ".join(chat.labels())  # the paused log can be continued


def test_a_greeting_typed_at_a_step_can_still_be_the_answer(chat, db):
    chat.say("บันทึกกิจกรรม")
    chat.say("สวัสดีค่ะ")
    assert "จะใช้ “สวัสดีค่ะ” เป็นคำตอบ" in chat.text()
    assert chat.current_flow() == ("log_activity", "__leave__")
    chat.tap("ใช้เป็นคำตอบ")
    assert chat.current_flow() == ("log_activity", "date")


def test_thanks_at_a_step_pauses_with_a_warm_answer(chat):
    chat.say("ถอดบทเรียนค่ะ")
    step = chat.current_flow()
    chat.say("ขอบคุณค่ะ")
    chat.tap("พักไว้ก่อน")
    assert "ยินดีเสมอค่ะ" in chat.text()
    assert chat.current_flow() is None
    chat.say("ถอดบทเรียน")
    assert step is not None


def test_other_text_at_the_question_is_read_as_usual(chat):
    chat.say("บันทึกกิจกรรม")
    chat.say("นัดประชุมค่ะ")
    assert chat.current_flow() == ("log_activity", "__leave__")
    chat.say("ยกเลิก")
    assert chat.current_flow() is None


def test_the_questions_in_english(db, tmp_path):
    chat = Chat(db, tmp_path, language="en")
    chat.say("summary activity")
    assert chat.text() == "Which did you mean? Tap one."
    assert chat.labels() == ["My summary", "Log activity", "Help"]
    chat.image("photo-3")
    assert chat.text() == "Log an activity with this photo?"
    assert chat.labels() == ["Log activity", "No, thanks"]
    chat.tap("No")
    assert "the photo was not kept" in chat.text()
    chat.say("log an activity please")
    chat.say("Tree planting")
    chat.say("my summary please")
    assert "is the command “My summary”" in chat.text()
    assert chat.labels() == ["Go to the command", "Use as my answer"]
    chat.tap("Go to")
    assert "Log activity is paused" in chat.text()
    chat.say("Log activity")
    chat.tap(chat.labels()[0])  # continue
    chat.say("hello")
    assert "Use “hello” as your answer, or pause Log activity for now?" in chat.text()
    assert chat.labels() == ["Pause it", "Use as my answer"]


def test_asking_again_for_the_flow_one_is_in_offers_to_continue(chat):
    chat.say("บันทึกกิจกรรม")
    chat.say("ปลูกป่าชุมชน")
    chat.say("อยากบันทึกกิจกรรมค่ะ")
    assert chat.outcome == "flow:log_activity:again"
    assert chat.labels()[:2] == ["ทำต่อ", "เริ่มใหม่"], chat.labels()


def test_a_greeting_at_the_assessment_note_is_not_stored_unasked(chat):
    chat.say("ทำแบบประเมินค่ะ")
    chat.say("ทำได้บางส่วนค่ะ")  # the button "3 ทำได้บางส่วน", typed
    assert chat.current_flow() == ("assess", "note_0")
    chat.say("สวัสดีค่ะ")
    assert chat.text() == "จะใช้ “สวัสดีค่ะ” เป็นคำตอบ หรือพักแบบประเมิน 5 หลักไว้ก่อนคะ?"
    chat.tap("ใช้เป็นคำตอบ")
    assert chat.current_flow() == ("assess", "rate_1")
