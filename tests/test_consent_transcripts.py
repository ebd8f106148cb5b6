"""Consent through the chat console (real HTTP, the emulator): agree, decline, English, too early."""

from __future__ import annotations

from handlers.consent import NOTICE_VERSION
from storage import members
from tests.transcripts import converse

NOTICE_TH = ("ยินดีต้อนรับสู่น้องคุณธรรม", "[1] ยินยอม", "[2] ไม่ยินยอม", "[3] English")
NOTICE_EN = ("Welcome to the moral network bot", "[1] I agree", "[2] I do not agree", "[3] ภาษาไทย")


def stored(db, user_id: str):
    with db.unit_of_work() as session:
        return members.find(session, user_id)


def test_agreeing_in_thai_records_the_notice_version_and_starts_registration(play, line, db):
    user = line.add_user("สมศรี ใจดี")["userId"]
    converse(play, user, [
        ("/follow", NOTICE_TH),
        ("1", ("ขอบคุณที่ยินยอมค่ะ", "อยากให้เรียกชื่อว่าอะไรคะ", "[1] สมศรี ใจดี")),
    ])  # fmt: skip
    member = stored(db, user)
    assert (member.consent_status, member.consent_version) == ("given", NOTICE_VERSION)
    assert member.consent_decided_at is not None and member.registered_at is None


def test_the_notice_in_english_then_agreeing_registers_in_english(play, line, db):
    user = line.add_user("Somchai")["userId"]
    converse(play, user, [
        ("/follow", NOTICE_TH),
        ("3", (*NOTICE_EN, "What: your display name", "How long: at most 3 years")),
        ("1", ("Thank you for agreeing", "What name should I use?", "[1] Somchai")),
    ])  # fmt: skip
    member = stored(db, user)
    assert (member.consent_status, member.language) == ("given", "en")


def test_declining_in_thai_keeps_only_the_decision_and_asks_again_later(play, line, db):
    user = line.add_user("น้องฟ้า")["userId"]
    converse(play, user, [
        ("/follow", NOTICE_TH),
        ("2", ("จะเก็บไว้เพียงคำตอบนี้ (รหัสผู้ใช้ LINE ของคุณ คำตอบ และเวลาที่ตอบ) เพื่อไม่ถามซ้ำ",
               "พิมพ์ “ลบข้อมูลของฉัน” เพื่อลบแม้แต่คำตอบนี้")),
        ("สวัสดี", ("ต้องได้รับความยินยอมก่อน", *NOTICE_TH)),
    ])  # fmt: skip
    member = stored(db, user)
    assert member.consent_status == "declined" and not member.consented
    assert (member.display_name, member.network, member.registered_at) == (None, None, None)


def test_declining_in_english(play, line, db):
    user = line.add_user("Nok")["userId"]
    converse(play, user, [
        ("/follow", NOTICE_TH),
        ("3", NOTICE_EN),
        ("2", ("Only this answer is kept (your LINE user id, the answer and its time)",
               "Type “delete my data” to remove even that.")),
        ("I agree", ("Thank you for agreeing", "What name should I use?")),
    ])  # fmt: skip
    assert stored(db, user).consent_status == "given"


def test_typing_or_sending_a_sticker_before_consenting_gets_the_notice(play, line, db):
    user = line.add_user("ครูแดง")["userId"]
    converse(play, user, [
        ("บันทึกกิจกรรม", ("ขออภัยค่ะ ต้องได้รับความยินยอมก่อน", *NOTICE_TH)),
        ("/sticker", ("ต้องได้รับความยินยอมก่อน", "[1] ยินยอม")),
        ("ช่วยเหลือ", ("ต้องได้รับความยินยอมก่อน", "[1] ยินยอม")),
        ("ยินยอม", ("ขอบคุณที่ยินยอมค่ะ", "อยากให้เรียกชื่อว่าอะไรคะ")),
    ])  # fmt: skip
    assert stored(db, user).consented


def test_typing_before_consenting_in_english(play, line, db):
    user = line.add_user("Dang", language="en")["userId"]
    converse(play, user, [
        ("Log activity", ("ต้องได้รับความยินยอมก่อน", "[3] English")),
        ("English", NOTICE_EN),
        ("/sticker", ("ต้องได้รับความยินยอมก่อน",)),  # no language chosen yet: Thai first
        ("3", NOTICE_EN),
        ("1", ("Thank you for agreeing", "What name should I use?")),
    ])  # fmt: skip
    assert stored(db, user).language == "en"


def test_the_thai_notice_names_its_version_with_a_buddhist_era_year(play, line, db):
    user = line.add_user("น้องดาว")["userId"]
    transcript = converse(play, user, [
        ("/follow", ("(ฉบับ พ.ย. 2569)", *NOTICE_TH)),
        ("3", ("(notice 2026-11)", *NOTICE_EN)),
    ])  # fmt: skip
    assert "ฉบับ 2026-11" not in transcript
