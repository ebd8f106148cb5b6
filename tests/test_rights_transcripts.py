"""The member's rights through the chat console: withdraw consent, delete my data, my data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storage import deliveries, members
from storage.models import Delivery
from tests.members import join
from tests.transcripts import converse
from tests.waiting import wait_until

WITHDRAW_TH = ("ต้องการถอนความยินยอมใช่ไหมคะ", "[1] ยืนยันถอน", "[2] ไม่ถอน")
WITHDRAW_EN = ("Do you want to withdraw your consent?", "[1] Yes, withdraw", "[2] Keep consent")
# The question suggests a copy first (with the my-data command) before anything is erased.
DELETE_TH = (
    "ต้องการลบข้อมูลทั้งหมดของคุณใช่ไหมคะ",
    "[1] ลบทั้งหมด",
    "[2] ไม่ลบ",
    "อยากเก็บสำเนาไว้ก่อน พิมพ์ “ข้อมูลของฉัน” เพื่อรับลิงก์ดาวน์โหลดค่ะ",
)
DELETE_EN = (
    "Do you want to delete all your data?",
    "[1] Delete everything",
    "[2] Don't delete",
    "To keep a copy first, type “my data” for a download link.",
)


def member_of(db, user_id: str):
    with db.unit_of_work() as session:
        return members.find(session, user_id)


def reachable(db) -> list[str]:
    with db.unit_of_work() as session:
        return members.reachable_user_ids(session)


def queue_reminder(db, user_id: str) -> None:
    """A push some feature queued for later (a meeting reminder, say)."""
    later = datetime.now(UTC) + timedelta(hours=1)
    with db.unit_of_work() as session:
        deliveries.enqueue_push(session, user_id, [{"type": "text", "text": "ประชุม"}], later)


def pending_pushes(db) -> list[Delivery]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(Delivery).where(Delivery.status == "pending")))


def nothing_pending(db) -> bool:
    """Wait for the last reply's own delivery row: the member sees it before the bot records it."""
    return wait_until(lambda: not pending_pushes(db), timeout=5)


def test_withdrawing_in_thai_stops_every_message_but_the_confirmation(play, line, db):
    user = join(line, db, "สมศรี")
    queue_reminder(db, user)
    assert reachable(db) == [user] and len(pending_pushes(db)) == 1
    converse(play, user, [
        ("ถอนความยินยอม", WITHDRAW_TH),
        ("2", ("ความยินยอมยังอยู่", "[1] บันทึกกิจกรรม")),
        ("ถอน ความยินยอม", WITHDRAW_TH),
        ("1", "ถอนความยินยอมเรียบร้อยแล้วค่ะ"),
    ])  # fmt: skip
    member = member_of(db, user)
    assert member.consent_status == "withdrawn" and member.display_name == "สมศรี"
    assert reachable(db) == [] and nothing_pending(db)
    converse(play, user, [
        ("บันทึกกิจกรรม", ("ต้องได้รับความยินยอมก่อน", "[1] ยินยอม")),
        ("ถอนความยินยอม", "ตอนนี้คุณไม่ได้ให้ความยินยอมอยู่แล้ว"),
        ("ยินยอม", ("ขอบคุณที่ยินยอมค่ะ", "ยินดีต้อนรับกลับมาค่ะ", "[1] บันทึกกิจกรรม")),
    ])  # fmt: skip
    assert reachable(db) == [user] and member_of(db, user).registered


def test_withdrawing_in_english(play, line, db):
    user = join(line, db, "Somchai", language="en")
    converse(play, user, [
        ("withdraw consent", WITHDRAW_EN),
        ("Keep consent", "your consent stays"),
        ("Withdraw consent", WITHDRAW_EN),
        ("/sticker", ("Please choose one of the buttons below.", "[1] Yes, withdraw")),
        ("yes", "Your consent is withdrawn. I will not message you again."),
        ("help", "Sorry, I need your consent"),
    ])  # fmt: skip
    assert member_of(db, user).consent_status == "withdrawn"


def test_cancel_leaves_consent_as_it_was(play, line, db):
    user = join(line, db, "ครูแดง")
    converse(play, user, [
        ("ถอนความยินยอม", "[4] ยกเลิก"),
        ("4", "ยกเลิก “ถอนความยินยอม” แล้วค่ะ"),
    ])  # fmt: skip
    assert member_of(db, user).consented


def test_deleting_in_thai_erases_the_member_after_a_confirmation(play, line, db):
    user = join(line, db, "น้องฟ้า", roles=(("coordinator", "youth"),))
    queue_reminder(db, user)
    converse(play, user, [
        ("ลบข้อมูลของฉัน", DELETE_TH),
        ("2", ("ไม่ได้ลบข้อมูลใด ๆ", "[1] บันทึกกิจกรรม")),
        ("ลบข้อมูลของฉัน", DELETE_TH),
        ("ใช่", "ลบข้อมูลทั้งหมดของคุณเรียบร้อยแล้วค่ะ"),
        ("ข้อมูลของฉัน", "ไม่มีข้อมูลของคุณเก็บไว้ในระบบค่ะ"),
        ("ลบข้อมูลของฉัน", "ไม่มีข้อมูลของคุณเก็บไว้ในระบบค่ะ"),
        ("สวัสดี", ("ต้องได้รับความยินยอมก่อน", "[1] ยินยอม")),
    ])  # fmt: skip
    assert member_of(db, user) is None and nothing_pending(db)


def test_deleting_in_english_and_coming_back_as_a_new_member(play, line, db):
    user = join(line, db, "Nok", language="en")
    converse(play, user, [
        ("Delete my data", DELETE_EN),
        ("Delete everything", "All your data is deleted"),
        ("hello", "ต้องได้รับความยินยอมก่อน"),  # a stranger again: Thai first
        ("3", "Welcome to the moral network bot"),
        ("1", ("Thank you for agreeing", "What name should I use?")),
    ])  # fmt: skip
    assert member_of(db, user).registered_at is None


def test_a_withdrawn_member_can_still_see_and_delete_their_data(play, line, db):
    user = join(line, db, "พระอาจารย์")
    converse(play, user, [
        ("ถอนความยินยอม", WITHDRAW_TH),
        ("1", "ถอนความยินยอมเรียบร้อยแล้วค่ะ"),
        ("ข้อมูลของฉัน", ("ชื่อ: พระอาจารย์", "ความยินยอม: ถอนแล้ว",
                          "การแจ้งเตือนและประกาศจากบอท: ไม่ส่งถึงคุณ (ถอนความยินยอมแล้ว)")),
        ("ลบข้อมูลของฉัน", DELETE_TH),
        ("ยกเลิก", "ยกเลิก “ลบข้อมูลของฉัน” แล้วค่ะ"),
        ("ลบข้อมูลของฉัน", DELETE_TH),
        ("1", "ลบข้อมูลทั้งหมดของคุณเรียบร้อยแล้วค่ะ"),
    ])  # fmt: skip
    assert member_of(db, user) is None


def test_my_data_in_thai_shows_profile_consent_and_roles(play, line, db):
    user = join(line, db, "สมศรี", roles=(("coordinator", "civil"),))
    transcript = converse(play, user, [
        ("ข้อมูลของฉัน", (
            "ข้อมูลของคุณที่น้องคุณธรรมเก็บไว้ค่ะ", f"รหัสผู้ใช้ LINE: {user}", "ชื่อ: สมศรี",
            "เครือข่าย: เครือข่ายประชาสังคมคุณธรรม", "หน่วยงาน: โรงเรียนบ้านดอย",
            "จังหวัด: เชียงราย", "ความยินยอม: ยินยอม (ประกาศฉบับ พ.ย. 2569 เมื่อ ",
            "บทบาท: สมาชิก, ผู้ประสานงานเครือข่ายประชาสังคมคุณธรรม", "“ลบข้อมูลของฉัน”",
        )),
        # In the middle of a conversation the rights still answer, and the conversation waits.
        ("แก้ไขข้อมูล", "อยากให้เรียกชื่อว่าอะไรคะ"),
        ("ข้อมูลของฉัน", ("ชื่อ: สมศรี", "การสนทนาที่ยังค้างอยู่: 1")),
        ("สมศรี มีสุข", "คุณอยู่เครือข่ายไหนคะ"),
    ])  # fmt: skip
    year = datetime.now(UTC).year + 543
    assert f"/{year} " in transcript  # Buddhist-era year for Thai readers


def test_my_data_in_english(play, line, db):
    user = join(line, db, "Somchai", language="en", roles=(("staff", None),))
    converse(play, user, [
        ("my data", (
            "What I keep about you", "Name: Somchai", "Network: Civil-society moral network",
            "Consent: given (notice 2026-11", "Roles: member, Moral Center staff",
            "No other records yet.", "“Delete my data”",
        )),
    ])  # fmt: skip


def test_my_data_of_a_stranger_says_nothing_is_stored_and_stores_nothing(play, line, db):
    user = line.add_user("ใครสักคน")["userId"]
    converse(play, user, [("ข้อมูลของฉัน", "ไม่มีข้อมูลของคุณเก็บไว้ในระบบค่ะ")])
    assert member_of(db, user) is None
