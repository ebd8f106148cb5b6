"""Registration through the chat console: LINE name or typed, every bad input, back, cancel, edit."""

from __future__ import annotations

from storage import members
from tests.members import join
from tests.transcripts import converse

ASK_NAME_TH = "อยากให้เรียกชื่อว่าอะไรคะ"
ASK_NETWORK_TH = ("คุณอยู่เครือข่ายไหนคะ", "[1] ประชาสังคมคุณธรรม", "[2] เด็กและเยาวชนคุณธรรม")
ASK_ORGANISATION_TH = "สังกัดหน่วยงานหรือองค์กรไหนคะ"
ASK_PROVINCE_TH = ("อยู่จังหวัดอะไรคะ", "[1] เชียงราย")
ASK_LANGUAGE_TH = ("ต้องการให้น้องคุณธรรมตอบเป็นภาษาอะไรคะ", "[1] ภาษาไทย", "[2] English")
REVIEW_TH = ("ตรวจสอบข้อมูลก่อนบันทึกนะคะ", "[1] บันทึก", "[5] แก้จังหวัด", "[9] ยกเลิก")
ASK_NAME_EN = "What name should I use?"
ASK_NETWORK_EN = ("Which network are you part of?", "[1] Civil society", "[2] Children & youth")
ASK_ORGANISATION_EN = "Which organisation or agency are you with?"
ASK_PROVINCE_EN = "Which province?"
REVIEW_EN = ("Please check before saving", "[1] Save", "[2] Edit name", "[9] Cancel")


def member_of(db, user_id: str):
    with db.unit_of_work() as session:
        return members.find(session, user_id)


def test_registering_in_thai_with_the_line_name(play, line, db):
    user = line.add_user("สมศรี ใจดี")["userId"]
    converse(play, user, [
        ("/follow", "[1] ยินยอม"),
        ("1", ("ขอบคุณที่ยินยอมค่ะ", "ก่อนเริ่มใช้งาน ขอทำความรู้จัก", ASK_NAME_TH, "[1] สมศรี ใจดี")),
        ("1", ASK_NETWORK_TH),
        ("1", ASK_ORGANISATION_TH),
        ("โรงเรียนบ้านห้วยไคร้", ASK_PROVINCE_TH),
        ("1", ASK_LANGUAGE_TH),
        ("1", (*REVIEW_TH, "ชื่อ: สมศรี ใจดี", "เครือข่าย: เครือข่ายประชาสังคมคุณธรรม",
               "หน่วยงาน: โรงเรียนบ้านห้วยไคร้", "จังหวัด: เชียงราย", "ภาษา: ภาษาไทย")),
        ("1", ("ลงทะเบียนเรียบร้อยค่ะ ยินดีต้อนรับคุณสมศรี ใจดี", "[1] บันทึกกิจกรรม")),
    ])  # fmt: skip
    member = member_of(db, user)
    assert member.registered and member.display_name == "สมศรี ใจดี"
    assert (member.network, member.organisation, member.province, member.language) == (
        "civil", "โรงเรียนบ้านห้วยไคร้", "เชียงราย", "th",
    )  # fmt: skip


def test_every_bad_answer_in_thai_gets_its_hint_and_the_question_again(play, line, db):
    user = line.add_user("Kru Somsri")["userId"]
    converse(play, user, [
        ("/follow", "[1] ยินยอม"),
        ("1", ASK_NAME_TH),
        ("/sticker", ("ขอเป็นข้อความพิมพ์ค่ะ (สติกเกอร์", ASK_NAME_TH)),
        ("\u200b", ("ชื่อต้องมีตัวอักษรหรือตัวเลข", ASK_NAME_TH)),  # looks empty
        ("   .  ", ("ชื่อต้องมีตัวอักษรหรือตัวเลข", ASK_NAME_TH)),  # only punctuation
        ("ก" * 101, ("ชื่อควรยาว 1–100 ตัวอักษรค่ะ", ASK_NAME_TH)),
        ("ครูสมศรี", ASK_NETWORK_TH),
        ("ย้อนกลับ", (ASK_NAME_TH, "[1] ครูสมศรี")),  # back keeps the typed name
        ("1", ASK_NETWORK_TH),
        ("/sticker", ("กรุณาเลือกจากปุ่มด้านล่างค่ะ", *ASK_NETWORK_TH)),
        ("เด็กและเยาวชนคุณธรรม", ASK_ORGANISATION_TH),  # typed instead of tapped
        ("ก", ("ชื่อหน่วยงานควรยาว 2–200 ตัวอักษรค่ะ", ASK_ORGANISATION_TH)),
        ("วัดร่องขุ่น", ASK_PROVINCE_TH),
        ("จังหวัดแสนสุข", ("ไม่พบจังหวัด “จังหวัดแสนสุข” ค่ะ", "เช่น เชียงราย", *ASK_PROVINCE_TH)),
        ("จ.เชียงใหม่", ASK_LANGUAGE_TH),
        ("ภาษาลาว", ("กรุณาเลือกจากปุ่มด้านล่างค่ะ", *ASK_LANGUAGE_TH)),
        ("1", (*REVIEW_TH, "ชื่อ: ครูสมศรี", "เครือข่าย: เครือข่ายเด็กและเยาวชนคุณธรรม",
               "จังหวัด: เชียงใหม่")),
        ("ไม่รู้สิ", ("กรุณาเลือกจากปุ่มด้านล่างค่ะ", *REVIEW_TH)),
        ("5", ("อยู่จังหวัดอะไรคะ", "[1] เชียงใหม่")),  # edit from the review, then back to it
        ("เชียงราย", (*REVIEW_TH, "จังหวัด: เชียงราย", "ชื่อ: ครูสมศรี")),
        ("บันทึก", "ลงทะเบียนเรียบร้อยค่ะ ยินดีต้อนรับคุณครูสมศรี"),
    ])  # fmt: skip
    member = member_of(db, user)
    assert (member.display_name, member.network, member.organisation, member.province) == (
        "ครูสมศรี", "youth", "วัดร่องขุ่น", "เชียงราย",
    )  # fmt: skip


def test_cancelling_registration_in_thai_registers_nothing_and_it_can_start_again(play, line, db):
    user = line.add_user("น้องฟ้า")["userId"]
    converse(play, user, [
        ("/follow", "[1] ยินยอม"),
        ("1", ASK_NAME_TH),
        ("1", ASK_NETWORK_TH),
        ("ยกเลิก", ("ยกเลิกลงทะเบียนที่ยังไม่บันทึกแล้วค่ะ", "[1] บันทึกกิจกรรม")),
        ("บันทึกกิจกรรม", (ASK_NAME_TH, "[1] น้องฟ้า")),  # registering comes first
    ])  # fmt: skip
    member = member_of(db, user)
    assert member.consented and member.registered_at is None and member.network is None


def test_editing_the_profile_later_in_thai(play, line, db):
    user = join(line, db, "ครูแดง")
    converse(play, user, [
        ("แก้ไขข้อมูล", (ASK_NAME_TH, "[1] ครูแดง")),
        ("1", ASK_NETWORK_TH),
        ("2", (ASK_ORGANISATION_TH, "[1] โรงเรียนบ้านดอย")),  # what is saved, one tap to keep
        ("1", ASK_PROVINCE_TH),
        ("1", ASK_LANGUAGE_TH),
        ("1", (*REVIEW_TH, "เครือข่าย: เครือข่ายเด็กและเยาวชนคุณธรรม")),
        ("ย้อนกลับ", ASK_LANGUAGE_TH),
        ("1", REVIEW_TH),
        ("4", ASK_ORGANISATION_TH),
        ("โรงเรียนบ้านใหม่", (*REVIEW_TH, "หน่วยงาน: โรงเรียนบ้านใหม่")),
        ("1", ("แก้ไขข้อมูลเรียบร้อยแล้วค่ะ", "[1] บันทึกกิจกรรม")),
    ])  # fmt: skip
    member = member_of(db, user)
    assert (member.network, member.organisation) == ("youth", "โรงเรียนบ้านใหม่")


def test_registering_in_english_with_a_typed_name_and_bad_answers(play, line, db):
    user = line.add_user("somchai_88", language="en")["userId"]
    converse(play, user, [
        ("/follow", "[3] English"),
        ("3", "[1] I agree"),
        ("1", ("Thank you for agreeing", ASK_NAME_EN, "[1] somchai_88")),
        ("/sticker", ("Please type your answer (stickers and files can't answer this one).",
                      ASK_NAME_EN)),
        ("x" * 101, ("A name should be 1–100 characters.", ASK_NAME_EN)),
        ("\u200b\u200b", ("A name needs at least one letter or digit", ASK_NAME_EN)),
        ("- . -", ("A name needs at least one letter or digit", ASK_NAME_EN)),
        ("Somchai J.", ASK_NETWORK_EN),
        ("Not sure yet", ("Please choose one of the buttons below.", *ASK_NETWORK_EN)),
        ("1", ASK_ORGANISATION_EN),
        ("x", ("An organisation name should be 2–200 characters.", ASK_ORGANISATION_EN)),
        ("Back", ASK_NETWORK_EN),
        ("1", ASK_ORGANISATION_EN),
        ("Mae Fah Luang University", ASK_PROVINCE_EN),
        ("Atlantis", ("I couldn't find the province “Atlantis”", "e.g. Chiang Rai", ASK_PROVINCE_EN)),
        ("Chiang Rai", "Which language should I answer in?"),
        ("2", (*REVIEW_EN, "Name: Somchai J.", "Network: Civil-society moral network",
               "Province: เชียงราย", "Language: English")),
        ("2", ASK_NAME_EN),  # Edit name, from the review
        ("Somchai Jaidee", (*REVIEW_EN, "Name: Somchai Jaidee")),
        ("Save", ("You're registered. Welcome, Somchai Jaidee", "[1] Log activity")),
    ])  # fmt: skip
    member = member_of(db, user)
    assert (member.display_name, member.language) == ("Somchai Jaidee", "en")


def test_cancelling_and_editing_later_in_english(play, line, db):
    user = join(line, db, "Nok", language="en")
    converse(play, user, [
        ("edit profile", (ASK_NAME_EN, "[1] Nok")),
        ("Cancel", "“Edit profile” cancelled. What was saved before is unchanged."),
        ("Edit profile", (ASK_NAME_EN, "[1] Nok")),
        ("Nok Sriwan", ASK_NETWORK_EN),
        ("3", ASK_ORGANISATION_EN),
        ("1", ASK_PROVINCE_EN),
        ("เชียงใหม่", "Which language should I answer in?"),
        ("ภาษาไทย", (*REVIEW_TH, "ชื่อ: Nok Sriwan", "ภาษา: ภาษาไทย")),  # answers in Thai now
        ("1", "แก้ไขข้อมูลเรียบร้อยแล้วค่ะ"),
    ])  # fmt: skip
    member = member_of(db, user)
    assert (member.display_name, member.network, member.language) == ("Nok Sriwan", "other", "th")
