"""Registration finds organisations by part of a name, adds new ones, and editing can re-pick."""

from __future__ import annotations

from storage import members, organisations
from storage.models.organisations import Organisation
from tests.members import join
from tests.transcripts import converse

ASK_ORGANISATION_TH = "สังกัดหน่วยงานหรือองค์กรไหนคะ"
ASK_PROVINCE_TH = ("อยู่จังหวัดอะไรคะ", "[1] เชียงราย")
PICK_TH = ("พบหน่วยงานที่ชื่อใกล้เคียงกับ", "เพิ่มหน่วยงานใหม่", "พิมพ์ใหม่")


def _schools(db) -> dict[str, int]:
    with db.unit_of_work() as session:
        made = [organisations.create(session, name, province="เชียงราย")
                for name in ("โรงเรียนบ้านป่าอ้อ", "วัดร่องขุ่น", "โรงเรียนบ้านห้วยไคร้")]  # fmt: skip
        return {org.name: org.id for org in made}


START = [("/follow", "[1] ยินยอม"), ("1", "[1] ครูนิด"), ("1", "[1] ประชาสังคม"),
         ("1", ASK_ORGANISATION_TH)]  # fmt: skip
FINISH = [("1", "[1] ภาษาไทย"), ("1", "ตรวจสอบข้อมูลก่อนบันทึก"), ("1", "ลงทะเบียนเรียบร้อยค่ะ")]


def _register(play, line, exchange) -> str:
    """Register a new member, answering the organisation step with `exchange`."""
    user = line.add_user("ครูนิด")["userId"]
    converse(play, user, [*START, *exchange, *FINISH])
    return user


def test_a_partial_misspelled_name_offers_the_school_and_a_tap_links_the_member(play, line, db):
    ids = _schools(db)
    user = _register(play, line, [
        ("บ้านปาอ้อ", (*PICK_TH, "1. โรงเรียนบ้านป่าอ้อ", "[1] โรงเรียนบ้านป่าอ้อ")),
        ("1", ASK_PROVINCE_TH),
    ])  # fmt: skip
    with db.unit_of_work() as session:
        member = members.find(session, user)
        assert (member.organisation_id, member.organisation) == (
            ids["โรงเรียนบ้านป่าอ้อ"], "โรงเรียนบ้านป่าอ้อ"
        )  # fmt: skip
        school = session.get(Organisation, ids["โรงเรียนบ้านป่าอ้อ"])
        assert "บ้านปาอ้อ" in school.original_names.splitlines()  # what was typed is kept
        assert len(organisations.active(session)) == 3


def test_an_abbreviated_exact_name_needs_no_question(play, line, db):
    ids = _schools(db)
    user = _register(play, line, [("รร. บ้านห้วยไคร้", ASK_PROVINCE_TH)])
    with db.unit_of_work() as session:
        assert members.find(session, user).organisation_id == ids["โรงเรียนบ้านห้วยไคร้"]


def test_a_new_organisation_is_added_when_none_fits_or_the_member_says_so(play, line, db):
    _schools(db)
    user = _register(play, line, [
        ("ป่าอ้อ", PICK_TH),
        ("ไม่ใช่", ("กรุณาเลือกจากปุ่มด้านล่างค่ะ", *PICK_TH)),
        ("พิมพ์ใหม่", ASK_ORGANISATION_TH),
        ("ป่าอ้อ", PICK_TH),
        ("เพิ่มหน่วยงานใหม่", ASK_PROVINCE_TH),
    ])  # fmt: skip
    other = _register(play, line, [("สำนักงานวัฒนธรรมจังหวัดเชียงราย", ASK_PROVINCE_TH)])
    with db.unit_of_work() as session:
        first, second = members.find(session, user), members.find(session, other)
        added = session.get(Organisation, first.organisation_id)
        assert (added.name, added.province) == ("ป่าอ้อ", "เชียงราย")
        office = session.get(Organisation, second.organisation_id)
        assert (office.name, office.kind) == ("สำนักงานวัฒนธรรมจังหวัดเชียงราย", "government")
        assert len(organisations.active(session)) == 5


def test_editing_the_organisation_from_the_review_picks_from_matches(play, line, db):
    ids = _schools(db)
    user = join(line, db, "ครูแดง")  # saved as the free text โรงเรียนบ้านดอย
    converse(play, user, [
        ("แก้ไขข้อมูล", "[1] ครูแดง"), ("1", "[1] ประชาสังคม"),
        ("1", (ASK_ORGANISATION_TH, "[1] โรงเรียนบ้านดอย")), ("1", ASK_PROVINCE_TH),
        ("1", "[1] ภาษาไทย"), ("1", "ตรวจสอบข้อมูลก่อนบันทึก"),
        ("4", ASK_ORGANISATION_TH),
        ("ร่องขุ่น", (*PICK_TH, "[1] วัดร่องขุ่น")),
        ("1", ("ตรวจสอบข้อมูลก่อนบันทึก", "หน่วยงาน: วัดร่องขุ่น")),  # back to the review
        ("1", "แก้ไขข้อมูลเรียบร้อยแล้วค่ะ"),
    ])  # fmt: skip
    with db.unit_of_work() as session:
        assert members.find(session, user).organisation_id == ids["วัดร่องขุ่น"]


def test_the_district_is_given_from_the_review_and_kept_on_the_organisation(play, line, db):
    ids = _schools(db)
    user = line.add_user("ครูนิด")["userId"]
    review = ("ตรวจสอบข้อมูลก่อนบันทึก", "[7] แก้อำเภอ")
    converse(play, user, [
        *START, ("รร. บ้านห้วยไคร้", ASK_PROVINCE_TH), ("1", "[1] ภาษาไทย"),
        ("1", (*review, "อำเภอ: -")),
        ("7", "หน่วยงานของคุณอยู่อำเภอ (หรือเขต) อะไรคะ"),
        ("ก", ("ชื่ออำเภอควรยาว 2–100 ตัวอักษรค่ะ", "หน่วยงานของคุณอยู่อำเภอ")),
        ("อ.แม่สาย", (*review, "อำเภอ: แม่สาย")),
        ("1", "ลงทะเบียนเรียบร้อยค่ะ"),
        ("แก้ไขข้อมูล", "[1] ครูนิด"), ("1", "[1] ประชาสังคม"), ("1", ASK_ORGANISATION_TH),
        ("1", ASK_PROVINCE_TH), ("1", "[1] ภาษาไทย"),
        ("1", (*review, "อำเภอ: แม่สาย")),  # editing shows the organisation's district
        ("4", ASK_ORGANISATION_TH),
        ("วัดร่องขุ่น", (*review, "หน่วยงาน: วัดร่องขุ่น", "อำเภอ: -")),  # the new one's district
        ("ยกเลิก", "ยกเลิก"),
    ])  # fmt: skip
    with db.unit_of_work() as session:
        assert session.get(Organisation, ids["โรงเรียนบ้านห้วยไคร้"]).district == "แม่สาย"
