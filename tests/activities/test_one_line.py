"""Experienced members log in one line: what it says is filled in, only the rest is asked."""

from __future__ import annotations

from datetime import date

from tests.activities.chat import photo, stored
from tests.members import join


def test_one_line_with_a_colon_asks_only_place_and_criteria(bot_server, line, db, chat, clock):
    member = join(line, db, "สมศรี")
    transcript = chat(line, member, "กิจกรรม: ปลูกป่าชุมชน 12/9/2564 30 คน", "ออนไลน์", "/say 1 2",
                      "บันทึก")  # fmt: skip
    asked = [row for row in transcript.splitlines() if row.startswith("< ")]
    assert asked[0] == "< จัดที่ไหนคะ? พิมพ์ชื่อสถานที่ หรือแตะ ออนไลน์"
    assert asked[1].startswith("< กิจกรรมนี้สอดคล้องกับหลักใดบ้างคะ?")
    assert asked[2] == "< [Flex] ตรวจสอบกิจกรรม “ปลูกป่าชุมชน” ก่อนบันทึก"  # no photo question
    [activity] = stored(db, member)
    assert (activity.title, activity.held_on, activity.participants, activity.online) == (
        "ปลูกป่าชุมชน", date(2021, 9, 12), 30, True,
    )  # fmt: skip
    assert activity.criteria == [1, 2]


def test_one_line_without_colon_thai_digits_and_online(bot_server, line, db, chat, clock):
    member = join(line, db, "ครูแดง")
    transcript = chat(line, member, "กิจกรรม ปลูกป่าชุมชน ๙ ส.ค. ๖๔ ๓๐ คน ออนไลน์ หลัก ๓")
    assert transcript.splitlines()[1] == "< [Flex] ตรวจสอบกิจกรรม “ปลูกป่าชุมชน” ก่อนบันทึก"
    assert "วันที่ / 9 ส.ค. 2564" in transcript
    assert "สถานที่ / ออนไลน์" in transcript and "ผู้เข้าร่วม / 30 คน" in transcript
    assert "หลักที่สอดคล้อง / 3 ผลลัพธ์ที่ดีขึ้น" in transcript


def test_one_line_in_english_and_a_photo_at_the_card(bot_server, line, db, chat, clock, tmp_path):
    member = join(line, db, "Ben", language="en")
    transcript = chat(
        line, member,
        "activity: Tree planting 2021-08-09 30 people online criteria 1,3",
        f"/image {photo(tmp_path)}",
        "done",
        "Save",
    )  # fmt: skip
    assert "Criteria / 1 Shared principles 3 Better results" in transcript
    assert "< 1 photo(s) received. You can send 4 more, or tap Done." in transcript
    assert "Photos / 1 photo(s)" in transcript
    [activity] = stored(db, member)
    assert (activity.criteria, len(activity.photos)) == ([1, 3], 1)


def test_one_line_without_a_title_asks_for_it(bot_server, line, db, chat, clock):
    member = join(line, db, "น้องฟ้า")
    transcript = chat(line, member, "กิจกรรม: เมื่อวาน 25 คน", "เก็บขยะริมน้ำกก")
    asked = [row for row in transcript.splitlines() if row.startswith("< ")]
    assert asked[0] == "< กิจกรรมชื่ออะไรคะ? ✍️"
    assert asked[1] == "< จัดที่ไหนคะ? พิมพ์ชื่อสถานที่ หรือแตะ ออนไลน์"


def test_one_line_with_a_future_date_asks_for_the_date_saying_why(
    bot_server, line, db, chat, clock
):
    member = join(line, db, "สมชาย")
    transcript = chat(line, member, "กิจกรรม: ปลูกป่า 12/9/2580 30 คน", "12/9/2564")
    assert "< วันที่ 12 ก.ย. 2580 ยังมาไม่ถึงค่ะ" in transcript
    assert transcript.count("< จัดกิจกรรมวันไหนคะ?") == 1
    assert "< จัดที่ไหนคะ?" in transcript


def test_a_one_line_entry_in_progress_is_not_dropped_by_the_menu(bot_server, line, db, chat, clock):
    member = join(line, db, "สมศรี")
    transcript = chat(line, member, "กิจกรรม: ปลูกป่า 12/9/2564 30 คน", "บันทึกกิจกรรม", "1")
    assert "< คุณยังทำ “บันทึกกิจกรรม” ค้างไว้ค่ะ จะทำต่อจากเดิม หรือเริ่มใหม่?" in transcript
    assert transcript.count("< จัดที่ไหนคะ?") == 2  # continued where it was


def test_a_line_typed_at_the_title_question_fills_in_its_place_too(
    bot_server, line, db, chat, clock
):
    # Session 10's walk: the place went into the title, and was asked for all the same.
    member = join(line, db, "ครูสมศรี")
    said = "อบรมจิตอาสาพี่สอนน้อง ๓/๑๑/๒๕๖๙ ๔๐ คน ห้องประชุมโรงเรียน"
    transcript = chat(line, member, "บันทึกกิจกรรม", said)
    asked = [row for row in transcript.splitlines() if row.startswith("< ")]
    assert not any("จัดที่ไหน" in row for row in asked)
    assert asked[-1].startswith("< กิจกรรมนี้สอดคล้องกับหลักใดบ้างคะ?")
    chat(line, member, "/say 1 2", "ข้าม", "บันทึก")
    [activity] = stored(db, member)
    assert (activity.title, activity.place, activity.participants, activity.held_on) == (
        "อบรมจิตอาสาพี่สอนน้อง", "ห้องประชุมโรงเรียน", 40, date(2026, 11, 3),
    )  # fmt: skip
