"""A member who writes as they talk, through the emulator and the real web process."""

from __future__ import annotations

from tests.activities.chat import photo
from tests.members import join
from tests.transcripts import converse


def test_a_member_writes_naturally_and_is_understood(play, line, db, tmp_path):
    user = join(line, db, "สมศรี")
    converse(play, user, [
        ("สวัสดีครับ", ("สวัสดีค่ะ 🙏", "[1] บันทึกกิจกรรม")),
        ("/sticker", "น่ารักจังค่ะ"),
        ("สรุปกิจกรรม", ("หมายถึงอันไหนคะ?", "[1] บันทึกกิจกรรม", "[2] สรุปของฉัน")),
        ("อยากบันทึกกิจกรรมค่ะ", "กิจกรรมชื่ออะไรคะ"),
        ("ขอบคุณค่ะ", ("จะใช้ “ขอบคุณค่ะ” เป็นคำตอบ", "[1] พักไว้ก่อน", "[2] ใช้เป็นคำตอบ")),
        ("2", "จัดกิจกรรมวันไหนคะ"),
        ("ยกเลิก", "ยกเลิก"),
        (f"/image {photo(tmp_path, 1)}", ("บันทึกกิจกรรมพร้อมรูปนี้ไหมคะ?", "[1] บันทึกกิจกรรม")),
        ("1", "กิจกรรมชื่ออะไรคะ"),
        ("ขอดูสรุปของฉันค่ะ", ("เป็นคำสั่ง “สรุปของฉัน”", "[1] ไปที่คำสั่งนั้น")),
        ("1", "พักบันทึกกิจกรรมไว้แล้วค่ะ"),
        ("ขอบคุณมากค่ะ", "ยินดีเสมอค่ะ"),
        ("ฝันดีนะคะ", "ฝันดีนะคะ 🌙"),
    ])  # fmt: skip
