"""Answers typed inside a conversation, as members type them on a phone: a name that looks like a
suggestion is still theirs, "อุ๊ย ผิด ย้อนกลับค่ะ" goes back, and the same words sent twice never
save a card the member has not seen. Real router, real database."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from handlers.understanding.buttons import KEEP_WORDS, button_for, buttons_of
from handlers.understanding.meaning import keys_of
from storage.models import Member
from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.reflections import Reflection
from tests.router_chat import Chat


class Profiles:
    """LINE's profile endpoint: the display name a new member's name step suggests."""

    def __init__(self, name: str) -> None:
        self.name = name

    def get_profile(self, user_id: str) -> dict:
        return {"display_name": self.name}


@pytest.fixture
def chat(db, tmp_path) -> Chat:
    return Chat(db, tmp_path)


def member(db, user: str) -> Member:
    with db.unit_of_work() as session:
        found = session.scalars(select(Member).where(Member.line_user_id == user)).one()
        session.expunge(found)
        return found


def rows(db, model) -> list:
    with db.unit_of_work() as session:
        found = list(session.scalars(select(model)))
        for row in found:
            session.expunge(row)
        return found


def data_of(chat: Chat) -> dict:
    import json

    from storage import conversations

    with chat.db.unit_of_work() as session:
        return json.loads(conversations.current(session, chat.user).data)


def edit_profile_to_review(chat: Chat, name: str, organisation: str | None = None) -> None:
    chat.say("แก้ไขข้อมูลค่ะ")
    assert chat.current_flow() == ("register", "name")
    chat.say(name)
    chat.tap("ประชาสังคม")
    if organisation is None:
        chat.tap("โรงเรียนบ้านดอย")  # keep the organisation
    else:
        chat.say(organisation)
    chat.tap("เชียงราย")
    chat.tap("ภาษาไทย")
    assert chat.current_flow() == ("register", "review"), chat.text()


# 1. A typed name, organisation or place is kept as typed at a step that also suggests one.


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("สมศรีย์", "สมศรีย์"),  # one letter more than the suggestion "สมศรี": a name of its own
        ("สมศร", "สมศร"),
        ("สมศรี ใจดี", "สมศรี ใจดี"),
        ("สมศรี ค่ะ", "สมศรี"),  # the suggestion itself, with a particle
        ("สมศรีค่ะ", "สมศรี"),
    ],
)
def test_a_name_typed_at_the_suggestion_is_kept_as_typed(chat, db, typed, kept):
    edit_profile_to_review(chat, typed)
    chat.tap("บันทึก")
    assert member(db, chat.user).display_name == kept


def test_a_new_member_typing_part_of_their_line_name_keeps_what_they_typed(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.reset()
    chat.user = chat.user + "new"
    chat.gateway = Profiles("สมศรี ใจดี")
    chat.say("ยินยอมค่ะ")
    assert "สมศรี ใจดี" in chat.labels()
    chat.say("สมศรี")
    assert chat.current_flow() == ("register", "network")
    assert data_of(chat)["name"] == "สมศรี"


def test_an_organisation_close_to_the_current_one_is_a_new_one(chat, db):
    edit_profile_to_review(chat, "สมศรี", organisation="โรงเรียนบ้านดอยหลวง")
    chat.tap("บันทึก")
    assert member(db, chat.user).organisation == "โรงเรียนบ้านดอยหลวง"


def log_to(chat: Chat, step: str, answers=("ปลูกป่าชุมชน", "เมื่อวาน", "ออนไลน์", "30", "1 3")):
    chat.say("บันทึกกิจกรรมค่ะ")
    for answer in answers:
        if chat.current_flow() == ("log_activity", step):
            break
        chat.say(answer)
    assert chat.current_flow() == ("log_activity", step), chat.text()


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("โรงเรียนบ้านดอยหลวง", "โรงเรียนบ้านดอยหลวง"),  # the suggestion is โรงเรียนบ้านดอย
        ("โรงเรียนบ้านดอ", "โรงเรียนบ้านดอ"),
        ("โรงเรียนบ้านดอยค่ะ", "โรงเรียนบ้านดอย"),
    ],
)
def test_a_place_close_to_the_suggested_one_is_kept_as_typed(chat, typed, place):
    log_to(chat, "place")
    chat.say(typed)
    assert chat.current_flow() == ("log_activity", "participants")
    assert data_of(chat)["place"] == place


@settings(max_examples=200, deadline=None)
@given(
    label=st.text(alphabet="กขคงจฉชซดตถทนบปผพฟมยรลวสหอะาิีึืุูเแโใไ่้๊๋ ", min_size=1, max_size=12),
    typed=st.text(alphabet="กขคงจฉชซดตถทนบปผพฟมยรลวสหอะาิีึืุูเแโใไ่้๊๋ ค่ะครับ", max_size=14),
)
def test_at_a_free_text_step_only_the_label_itself_is_the_button(label, typed):
    """The rule at a step whose answer is free text: a button is chosen only when what was typed
    is its label, polite particles aside, or keeps the suggestion ("เดิม", "เหมือนเดิม"); anything
    else, however close, is the member's own."""
    got = button_for(typed, [((label, label), "suggested")], loose=False)
    same = keys_of(typed)[0] != "" and keys_of(typed)[1] == keys_of(label)[1]
    kept = keys_of(typed)[0] in {keys_of(word)[0] for word in KEEP_WORDS}
    assert (got == "suggested") == (same or kept)


# 2. "Oops, go back" in a member's own words goes back a step; it is never stored.


@pytest.mark.parametrize(
    "said", ["อุ๊ย ผิด ย้อนกลับค่ะ", "ย้อนกลับ", "กลับไปแก้", "ขอแก้ข้อก่อนหน้า", "อุ้ย พิมพ์ผิด ขอกลับไปแก้ค่ะ"]
)
def test_going_back_in_own_words_goes_back_a_step(chat, said):
    log_to(chat, "participants")
    chat.say(said)
    assert chat.current_flow() == ("log_activity", "place"), chat.text()
    assert data_of(chat).get("place") is None and data_of(chat)["online"] is True  # nothing stored


def test_going_back_from_a_reflection_question_keeps_the_answer_out(chat):
    chat.say("ถอดบทเรียนค่ะ")
    chat.say("ตั้งใจปลูกป่าให้ชุมชน")
    assert chat.current_flow() == ("reflect", "happened")
    chat.say("อุ๊ย ผิด ย้อนกลับค่ะ")
    assert chat.current_flow() == ("reflect", "set_out")
    assert "ย้อนกลับ" not in str(data_of(chat))


def test_a_longer_answer_that_mentions_going_back_is_an_answer(chat):
    chat.say("ถอดบทเรียนค่ะ")
    chat.say("ย้อนกลับไปดูป่าที่เคยปลูกไว้")
    assert chat.current_flow() == ("reflect", "happened")
    assert data_of(chat)["set_out"] == "ย้อนกลับไปดูป่าที่เคยปลูกไว้"


# 3. A card is saved only from the card: the words that brought the member there, sent twice,
#    show the card again instead; "เสร็จแล้ว" finishes a step but never saves.


@pytest.mark.parametrize("said", ["เสร็จแล้วค่ะ", "โอเค", "ไม่มีรูปค่ะ", "ตกลงค่ะ"])
def test_an_activity_is_not_saved_by_the_same_words_twice(chat, db, said):
    log_to(chat, "photos")
    chat.say(said)
    assert chat.current_flow() == ("log_activity", "review")
    chat.say(said)
    assert chat.current_flow() == ("log_activity", "review")
    assert "ยังไม่ได้บันทึก" in chat.text() and "ตรวจสอบกิจกรรม" in chat.text()
    assert rows(db, Activity) == []
    chat.tap("บันทึก")
    assert [a.title for a in rows(db, Activity)] == ["ปลูกป่าชุมชน"]


@pytest.mark.parametrize("said", ["พอแล้วค่ะ รูปเดียว", "แค่นี้ค่ะ", "พอแล้วครับ"])
def test_enough_photos_said_in_her_words_goes_on_to_the_card(chat, db, said):
    log_to(chat, "photos")
    chat.say(said)
    assert chat.current_flow() == ("log_activity", "review"), chat.text()
    assert rows(db, Activity) == []


def test_done_never_saves_an_activity_card(chat, db):
    log_to(chat, "photos")
    chat.tap("ไม่มีรูป")
    chat.say("เสร็จแล้วค่ะ")
    assert chat.current_flow() == ("log_activity", "review")
    assert rows(db, Activity) == []
    chat.say("บันทึกเลยค่ะ")
    assert len(rows(db, Activity)) == 1


def test_a_reflection_is_not_saved_by_done_twice(chat, db):
    chat.say("ถอดบทเรียนค่ะ")
    for answer in ("ตั้งใจปลูกป่า", "ได้ปลูก 100 ต้น", "ทุกคนช่วยกัน", "ฝนตก", "ร่วมมือกันดี", "1 2"):
        chat.say(answer)
    assert chat.current_flow() == ("reflect", "review")
    chat.reset()
    chat.say("ถอดบทเรียนค่ะ")
    chat.tap("เริ่มใหม่") if "เริ่มใหม่" in " ".join(chat.labels()) else None
    for answer in ("ตั้งใจปลูกป่า", "ได้ปลูก 100 ต้น", "ทุกคนช่วยกัน", "ฝนตก", "ร่วมมือกันดี"):
        chat.say(answer)
    chat.tap("การมีส่วนร่วม")
    chat.say("เสร็จแล้วค่ะ")
    assert chat.current_flow() == ("reflect", "review")
    chat.say("เสร็จแล้วค่ะ")
    assert chat.current_flow() == ("reflect", "review")
    assert rows(db, Reflection) == []
    chat.tap("บันทึก")
    assert len(rows(db, Reflection)) == 1


def test_an_assessment_is_not_saved_by_skipping_twice(chat, db):
    chat.say("แบบประเมินค่ะ")
    for _ in range(4):
        chat.say("3")
        chat.say("ข้าม")
    chat.say("4")
    chat.say("ข้าม")
    assert chat.current_flow() == ("assess", "review")
    chat.say("ข้าม")
    assert chat.current_flow() == ("assess", "review")
    assert rows(db, Assessment) == []
    chat.say("บันทึก")
    assert len(rows(db, Assessment)) == 1


def test_a_profile_is_not_saved_by_the_language_typed_twice(chat, db):
    chat.say("แก้ไขข้อมูลค่ะ")
    chat.say("สมหญิง")
    chat.tap("ประชาสังคม")
    chat.tap("โรงเรียนบ้านดอย")
    chat.tap("เชียงราย")
    chat.say("ภาษาไทย")
    assert chat.current_flow() == ("register", "review")
    chat.say("ภาษาไทย")
    assert chat.current_flow() == ("register", "review")
    assert member(db, chat.user).display_name == "สมศรี"
    chat.say("บันทึก")
    assert member(db, chat.user).display_name == "สมหญิง"


def test_an_edited_activity_is_not_saved_by_the_same_words_twice(chat, db):
    log_to(chat, "photos")
    chat.tap("ไม่มีรูป")
    chat.tap("บันทึก")
    (activity,) = rows(db, Activity)
    chat.postback(f"cmd=activity_edit&id={activity.id}")
    assert chat.current_flow() == ("log_activity", "review")
    chat.postback("s=review&v=edit_participants")
    chat.say("45 คน")
    assert chat.current_flow() == ("log_activity", "review")
    chat.say("45 คน")
    assert chat.current_flow() == ("log_activity", "review")
    assert rows(db, Activity)[0].participants == 30
    chat.say("โอเค")
    assert rows(db, Activity)[0].participants == 45


# 4. Answers that were refused: consent, the language, criteria in Thai digits, delete, a score.


def stranger(db, tmp_path) -> Chat:
    chat = Chat(db, tmp_path)
    chat.reset()
    chat.user = chat.user + "x"  # nobody yet: the privacy notice comes first
    return chat


@pytest.mark.parametrize(
    "said",
    ["โอเคค่ะ ยินยอมค่ะ", "ยินยอมค่ะ", "ตกลง ยินยอมครับ", "ขอยินยอมค่ะ",
     # Session 10's walk: refused, and the whole notice shown again.
     "ตกลงค่ะ ยินดีให้ข้อมูลค่ะ", "ยินดีค่ะ", "ตกลงครับ"],
)  # fmt: skip
def test_consent_in_own_words_is_given(db, tmp_path, said):
    chat = stranger(db, tmp_path)
    chat.say("สวัสดีค่ะ")
    chat.say(said)
    assert chat.outcome == "consent:given", chat.text()
    assert member(db, chat.user).consent_status == "given"


def test_declining_in_own_words_is_declined_not_agreed(db, tmp_path):
    chat = stranger(db, tmp_path)
    chat.say("ไม่ยินยอมค่ะ")
    assert chat.outcome == "consent:declined"
    chat.say("โอเคค่ะ ไม่ยินยอม")
    assert member(db, chat.user).consent_status == "declined"


@pytest.mark.parametrize("said", ["ไม่ตกลงค่ะ", "ยังไม่ยินดีให้ข้อมูลค่ะ", "โอเคค่ะ", "ตกลงจะคิดดูก่อน"])
def test_words_near_agreeing_that_do_not_agree_are_not_consent(db, tmp_path, said):
    chat = stranger(db, tmp_path)
    chat.say(said)
    assert chat.outcome != "consent:given", chat.text()


def test_consent_sent_twice_is_not_taken_as_the_name(db, tmp_path):
    chat = stranger(db, tmp_path)
    chat.say("ยินยอมค่ะ")
    chat.say("ยินยอมค่ะ")
    assert chat.current_flow() == ("register", "name")
    assert "ไม่ใช่ชื่อ" in chat.text()
    chat.say("สมศรี ค่ะ")
    assert data_of(chat)["name"] == "สมศรี"


def test_consent_given_again_after_withdrawing(chat, db):
    chat.say("ถอนความยินยอม")
    chat.say("ใช่ค่ะ")
    assert member(db, chat.user).consent_status == "withdrawn"
    chat.say("ขอยินยอมอีกครั้งค่ะ")
    assert chat.outcome == "consent:given"
    assert "ยินดีต้อนรับกลับมา" in chat.text()
    assert member(db, chat.user).consent_status == "given"


def test_the_language_typed_with_a_particle(chat, db):
    chat.say("แก้ไขข้อมูลค่ะ")
    chat.tap("สมศรี")
    chat.tap("ประชาสังคม")
    chat.tap("โรงเรียนบ้านดอย")
    chat.tap("เชียงราย")
    chat.say("ไทยค่ะ")
    assert chat.current_flow() == ("register", "review"), chat.text()
    chat.tap("แก้ภาษา")
    chat.say("อังกฤษค่ะ")
    assert chat.current_flow() == ("register", "review")
    chat.tap("Save")
    assert member(db, chat.user).language == "en"


@pytest.mark.parametrize("said", ["หลัก ๑ กับ ๓ ค่ะ", "ข้อ 1 และ 3 ครับ", "๑,๓ ค่ะ", "หลักที่ 1 กับ หลักที่ 3"])
def test_criteria_typed_in_thai_words_and_digits(chat, said):
    log_to(chat, "criteria")
    chat.say(said)
    assert chat.current_flow() == ("log_activity", "photos"), chat.text()
    assert data_of(chat)["criteria"] == [1, 3]


def test_reflection_criteria_typed_in_thai_words_and_digits(chat):
    chat.say("ถอดบทเรียนค่ะ")
    for answer in ("ตั้งใจปลูกป่า", "ได้ปลูก 100 ต้น", "ทุกคนช่วยกัน", "ฝนตก", "ร่วมมือกันดี"):
        chat.say(answer)
    chat.say("หลัก ๑ กับ ๓ ค่ะ")
    assert chat.current_flow() == ("reflect", "review"), chat.text()
    assert len(data_of(chat)["criteria"]) == 2


# Thai answers a yes/no question with its verb: "ลบ" to "ลบ…ใช่ไหมคะ?" is a yes.
@pytest.mark.parametrize("said", ["ใช่ค่ะ ลบเลย", "ลบเลยค่ะ", "ยืนยันค่ะ ลบทั้งหมด", "ลบ"])
def test_delete_my_data_confirmed_in_own_words(chat, db, said):
    chat.say("ลบข้อมูลของฉัน")
    chat.say(said)
    assert chat.current_flow() is None
    assert rows(db, Member) == []


@pytest.mark.parametrize("said", ["ไม่ลบค่ะ", "ไม่ค่ะ", "ไม่ใช่ ลบเลย", "เอ๊ะ อะไรนะ", "ลบแค่กิจกรรม"])
def test_anything_but_a_clear_yes_keeps_the_data(chat, db, said):
    chat.say("ลบข้อมูลของฉัน")
    chat.say(said)
    assert len(rows(db, Member)) == 1


@pytest.mark.parametrize(
    ("said", "score"), [("สามค่ะ", 3), ("ห้า", 5), ("๔", 4), ("4 คะแนน", 4), ("ให้ 2 คะแนนค่ะ", 2)]
)
def test_a_score_in_words(chat, said, score):
    chat.say("แบบประเมินค่ะ")
    chat.say(said)
    assert chat.current_flow() == ("assess", "note_0"), chat.text()
    assert data_of(chat)["rate_0"] == score


# 5. Polite endings are not stored in names, places and titles; reflections stay as written.


def test_particles_are_not_stored_in_a_name_organisation_or_place(db, tmp_path):
    chat = stranger(db, tmp_path)
    chat.say("ยินยอมค่ะ")
    chat.say("สมศรี ค่ะ")
    chat.say("เด็กและเยาวชน")
    chat.say("โรงเรียนบ้านป่าอ้อนะคะ")
    chat.say("เชียงรายค่ะ")
    chat.say("ไทยค่ะ")
    chat.say("บันทึกค่ะ")
    found = member(db, chat.user)
    assert (found.display_name, found.organisation) == ("สมศรี", "โรงเรียนบ้านป่าอ้อ")
    chat.say("บันทึกกิจกรรม")
    chat.say("ปลูกป่าชุมชน ค่ะ")
    chat.say("เมื่อวานค่ะ")
    chat.say("ที่วัดป่าอ้อ ค่ะ")
    chat.say("30 คนค่ะ")
    chat.say("1 3")
    chat.say("ไม่มีรูปค่ะ")
    chat.say("บันทึกเลยค่ะ")
    ((title, place),) = [(a.title, a.place) for a in rows(db, Activity)]
    assert (title, place) == ("ปลูกป่าชุมชน", "ที่วัดป่าอ้อ")


@pytest.mark.parametrize("name", ["ธนะ", "ชนะ", "ปิยนะ", "สมศรี"])
def test_names_ending_like_a_particle_keep_every_letter(chat, db, name):
    edit_profile_to_review(chat, name)
    chat.tap("บันทึก")
    assert member(db, chat.user).display_name == name


def test_a_reflection_keeps_its_particles(chat, db):
    chat.say("ถอดบทเรียนค่ะ")
    for answer in ("ตั้งใจปลูกป่าค่ะ", "ได้ปลูก 100 ต้นนะคะ", "ทุกคนช่วยกันค่ะ", "ฝนตกค่ะ", "ร่วมมือกันดีค่ะ", "1"):
        chat.say(answer)
    chat.tap("บันทึก")
    (reflection,) = rows(db, Reflection)
    assert (reflection.set_out, reflection.happened) == ("ตั้งใจปลูกป่าค่ะ", "ได้ปลูก 100 ต้นนะคะ")


# Every step that shows buttons but takes free text, found by walking each conversation: a near
# miss of any of its buttons' labels is never taken for that button.

FREE_TEXT_WITH_BUTTONS = {
    ("register", "name"),  # the LINE name, or the current one
    ("register", "organisation"),  # the current organisation
    ("register", "province"),  # the current province
    ("log_activity", "date"),  # today, yesterday (and the calendar)
    ("log_activity", "place"),  # online, the member's organisation
}
WALKS = {
    "register": ("แก้ไขข้อมูลค่ะ", ["tap:สมศรี", "tap:ประชาสังคม", "tap:โรงเรียนบ้านดอย",
                                    "tap:เชียงราย", "tap:ภาษาไทย"]),
    "log_activity": ("บันทึกกิจกรรมค่ะ", ["ปลูกป่าชุมชน", "เมื่อวาน", "ออนไลน์", "30", "1 3",
                                         "tap:ไม่มีรูป"]),
    "reflect": ("ถอดบทเรียนค่ะ", ["ตั้งใจปลูกป่า", "ได้ปลูก 100 ต้น", "ทุกคนช่วยกัน", "ฝนตก",
                                  "ร่วมมือกันดี", "1"]),
    "assess": ("แบบประเมินค่ะ", ["3", "ข้าม"] * 5),
    "meeting": ("นัดประชุมค่ะ", ["ประชุมเครือข่ายประจำเดือน", "พรุ่งนี้ 10 โมง", "ห้องประชุมอำเภอ",
                                 "ข้าม", "tap:first"]),
    "delete_my_data": ("ลบข้อมูลของฉัน", []),
}  # fmt: skip


def _send(chat: Chat, said: str) -> None:
    if said == "tap:first":
        chat.tap(chat.labels()[0])
    elif said.startswith("tap:"):
        chat.tap(said[4:])
    else:
        chat.say(said)


def steps_with_buttons(chat: Chat) -> dict[tuple[str, str], tuple[bool, list[str]]]:
    """Walk every conversation; return each step that showed its own buttons: (choose?, labels)."""
    flows = chat.router.registry.flows
    found = {}
    for flow, (command, answers) in WALKS.items():
        chat.reset()
        chat.say(command)
        for answer in [*answers, None]:
            current = chat.current_flow()
            if current is None or current[0] != flow:
                break
            buttons = buttons_of(chat.messages, current[1])
            if buttons:
                found[current] = (flows[flow].step(current[1]).choose, [t[0] for t, _ in buttons])
            if answer is not None:
                _send(chat, answer)
    return found


def test_every_free_text_step_with_buttons_is_known_and_takes_near_misses_as_typed(chat):
    found = steps_with_buttons(chat)
    assert len(found) >= 12  # the walk saw the conversations' buttons
    free = {where for where, (choose, _) in found.items() if not choose}
    assert free == FREE_TEXT_WITH_BUTTONS
    for flow, step in sorted(free):
        for label in found[(flow, step)][1]:
            for near in (label[:-1], label + "ดี", "ที่" + label):
                chat.reset()
                chat.say(WALKS[flow][0])
                for answer in WALKS[flow][1]:
                    if chat.current_flow() == (flow, step):
                        break
                    _send(chat, answer)
                chat.say(near)
                assert chat.outcome != f"flow:{flow}:button", (flow, step, label, near)


# The same answer sent twice (a phone that seemed stuck) is never stored as the next answer unseen.


def test_an_answer_sent_twice_is_not_stored_as_the_next_answer(chat):
    log_to(chat, "date")
    chat.say("เมื่อวานค่ะ")
    assert chat.current_flow() == ("log_activity", "place")
    chat.say("เมื่อวานค่ะ")
    assert chat.outcome == "flow:log_activity:sent-twice"
    assert "ได้รับ “เมื่อวานค่ะ” อีกครั้ง" in chat.text() and "จัดที่ไหน" in chat.text()
    assert data_of(chat).get("place") is None
    chat.say("ที่วัดป่าอ้อ")
    assert data_of(chat)["place"] == "ที่วัดป่าอ้อ"


def test_a_score_sent_twice_is_not_stored_as_the_note_until_sent_again(chat):
    chat.say("แบบประเมินค่ะ")
    chat.say("4")
    chat.say("4")
    assert chat.current_flow() == ("assess", "note_0")
    assert "note_0" not in data_of(chat)
    chat.say("4")  # sent once more: meant
    assert data_of(chat)["note_0"] == "4"


def test_the_same_words_after_going_back_are_a_fresh_answer(chat):
    log_to(chat, "date")
    chat.say("ย้อนกลับ")
    assert chat.current_flow() == ("log_activity", "title")
    chat.say("ปลูกป่าชุมชน")  # the title again, on purpose
    assert chat.current_flow() == ("log_activity", "date")


def test_correcting_the_name_from_the_review_card_keeps_what_was_typed(chat, db):
    edit_profile_to_review(chat, "สมหญิง")
    chat.tap("แก้ชื่อ")
    assert chat.current_flow() == ("register", "name")
    assert chat.labels()[0] == "สมหญิง"  # the name so far, offered as a button
    chat.say("สมหญิงค์")
    assert chat.current_flow() == ("register", "review")
    assert "สมหญิงค์" in chat.text()
    chat.tap("บันทึก")
    assert member(db, chat.user).display_name == "สมหญิงค์"
