"""Right after an activity is saved, the member is offered to reflect on it, linked to it."""

from __future__ import annotations

from sqlalchemy import select

from storage.models.reflections import Reflection
from tests.members import join


def test_saving_an_activity_offers_a_reflection_about_it(bot_server, clock, line, db, chat):
    member = join(line, db, "สมศรี")
    transcript = chat(
        line, member,
        "บันทึกกิจกรรม", "ค่ายคุณธรรม", "1", "2", "๓๐ คน", "2", "3", "6", "3", "7",
        "1",  # ถอดบทเรียนเลย, offered first under "saved"
        "พาเยาวชนฝึกจิตอาสา", "มากัน 30 คน", "วัดช่วยเรื่องสถานที่", "ไม่มี", "ทำทุกเดือน", "6",
        "1",  # บันทึก
    )  # fmt: skip
    assert "ตอบด่วน/quick reply: [1] ถอดบทเรียนเลย | [2] บันทึกกิจกรรม" in transcript
    assert "< กิจกรรม: ค่ายคุณธรรม (24 พ.ย. 2569)" in transcript
    assert "  เลือกแล้ว: การมีส่วนร่วม, ผลลัพธ์ที่ดีขึ้น" in transcript  # the activity's criteria
    assert "< บันทึกถอดบทเรียนแล้วค่ะ" in transcript
    with db.unit_of_work() as session:
        [reflection] = session.scalars(select(Reflection)).all()
    assert reflection.activity_id is not None and reflection.criteria == "participation,results"
