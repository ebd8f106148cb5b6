"""A member logs an activity through the console and the local LINE: each step, each mistake."""

from __future__ import annotations

from datetime import date

from messages.catalog import text
from tests.activities.chat import photo, stored
from tests.members import join


def test_a_member_logs_an_activity_step_by_step_in_thai(
    bot_server, line, db, chat, clock, tmp_path
):
    member = join(line, db, "สมศรี")
    transcript = chat(
        line, member,
        "บันทึกกิจกรรม",
        "ปลูกป่าชุมชน",
        "1",  # วันนี้
        "2",  # the member's organisation as the place
        "๓๐ คน",
        "2",  # criterion 2
        "3",  # criterion 3
        "6",  # เสร็จ
        f"/image {photo(tmp_path, 1)}",
        "3",  # เสร็จ
        "7",  # the card's บันทึก
    )  # fmt: skip
    assert "< กิจกรรมชื่ออะไรคะ? ✍️" in transcript
    assert "[1] วันนี้ | [2] เมื่อวาน | [3] เลือกจากปฏิทิน | [4] ย้อนกลับ | [5] ยกเลิก" in transcript
    assert "[1] ออนไลน์ | [2] โรงเรียนบ้านดอย" in transcript
    assert "  1. มีหลักคุณธรรมเป้าหมายที่ยึดถือร่วมกัน" in transcript
    assert "< เลือกแล้ว: 2 การมีส่วนร่วม, 3 ผลลัพธ์ที่ดีขึ้น" in transcript
    assert "[1] ถ่ายรูป | [2] เลือกรูป | [3] ไม่มีรูป" in transcript
    assert "< ได้รับรูปแล้ว 1 รูปค่ะ ส่งเพิ่มได้อีก 4 รูป หรือแตะ เสร็จ" in transcript
    card = transcript.split("< [Flex] ")[1]
    for line_shown in (
        "ชื่อกิจกรรม / ปลูกป่าชุมชน | [1] แก้ไข",
        "วันที่ / 24 พ.ย. 2569 | [2] แก้ไข",
        "สถานที่ / โรงเรียนบ้านดอย | [3] แก้ไข",
        "ผู้เข้าร่วม / 30 คน | [4] แก้ไข",
        "หลักที่สอดคล้อง / 2 การมีส่วนร่วม 3 ผลลัพธ์ที่ดีขึ้น | [5] แก้ไข",
        "รูปภาพ / 1 รูป | [6] แก้ไข",
        "[7] บันทึก",
    ):
        assert line_shown in card
    assert "< บันทึกกิจกรรม “ปลูกป่าชุมชน” เรียบร้อยแล้วค่ะ 🙏" in transcript
    assert "[1] ถอดบทเรียนเลย" in transcript and "[9] กิจกรรมของฉัน" in transcript
    [activity] = stored(db, member)
    assert (activity.title, activity.held_on, activity.place, activity.online) == (
        "ปลูกป่าชุมชน", date(2026, 11, 24), "โรงเรียนบ้านดอย", False,
    )  # fmt: skip
    assert (activity.participants, activity.criteria, len(activity.photos)) == (30, [2, 3], 1)
    assert (activity.network, activity.organisation) == ("civil", "โรงเรียนบ้านดอย")


def test_a_member_logs_an_activity_in_english(bot_server, line, db, chat, clock):
    member = join(line, db, "Somchai", language="en")
    transcript = chat(
        line, member,
        "Log activity",
        "Youth camp",
        "2021-08-09",
        "1",  # Online
        "45 people",
        "1 5",
        "3",  # No photos
        "save",
    )  # fmt: skip
    assert "< What was the activity called? ✍️" in transcript
    assert "< How many people took part? Type a number, e.g. 30." in transcript
    assert "[3] No photos" in transcript
    assert "  Date / 9 Aug 2021 | [2] Edit" in transcript
    assert "  Criteria / 1 Shared principles 5 Sustainability | [5] Edit" in transcript
    assert "  Photos / No photos | [6] Edit" in transcript
    assert "< “Youth camp” is saved 🙏" in transcript
    [activity] = stored(db, member)
    assert (activity.held_on, activity.online, activity.place) == (date(2021, 8, 9), True, None)
    assert (activity.participants, activity.criteria, activity.photos) == (45, [1, 5], [])


def test_bad_and_future_dates_get_hints_and_the_picker_works(bot_server, line, db, chat, clock):
    member = join(line, db, "ครูแดง")
    transcript = chat(
        line, member,
        "กิจกรรม",
        "ค่ายคุณธรรม",
        "32/13/2564",
        "พรุ่งนี้",
        "/sticker",
        "3",  # เลือกจากปฏิทิน
        "9/8/2564",  # what the member picks on the calendar
    )  # fmt: skip
    answers = [row for row in transcript.splitlines() if row.startswith("< ")]
    assert answers[2] == "< " + text("date.problem.impossible", "th")  # the date parser's hint
    assert "< วันที่ 25 พ.ย. 2569 ยังมาไม่ถึงค่ะ บันทึกได้เฉพาะกิจกรรมที่จัดไปแล้ว" in transcript
    assert "< ขอเป็นข้อความพิมพ์ค่ะ (สติกเกอร์หรือไฟล์ใช้ตอบข้อนี้ไม่ได้)" in transcript
    assert "> [3] เลือกจากปฏิทิน → 2021-08-09" in transcript
    assert transcript.rstrip().splitlines()[-2].startswith("< จัดที่ไหนคะ?")


def test_a_bad_or_future_date_is_refused_in_english(bot_server, line, db, chat, clock):
    member = join(line, db, "Ann", language="en")
    transcript = chat(line, member, "log activity", "Clean-up day", "31/2/2021", "1/1/2030",
                      "yesterday")  # fmt: skip
    answers = [row for row in transcript.splitlines() if row.startswith("< ")]
    assert answers[2] == "< " + text("date.problem.impossible", "en")
    assert "< 1 Jan 2030 is still to come. Only activities already held can be logged" in transcript
    assert "< Where was it held? Type the place, or tap Online." in transcript


def test_participants_must_be_a_sensible_number(bot_server, line, db, chat, clock):
    member = join(line, db, "พระอาจารย์")
    transcript = chat(
        line, member,
        "บันทึกกิจกรรม", "ทำบุญตักบาตร", "เมื่อวาน", "วัดพระแก้ว",
        "หลายคน", "0", "20000", "30-40", "ประมาณ ๑,๒๐๐ คน",
    )  # fmt: skip
    assert transcript.count("< ขอเป็นตัวเลขจำนวนคนค่ะ เช่น 30 หรือ ๓๐ คน") == 2
    assert transcript.count("< จำนวนผู้เข้าร่วมควรอยู่ระหว่าง 1 ถึง 10,000 คนค่ะ") == 2
    assert "< กิจกรรมนี้สอดคล้องกับหลักใดบ้างคะ?" in transcript


def test_participants_and_a_sticker_in_english(bot_server, line, db, chat, clock):
    member = join(line, db, "Ben", language="en")
    transcript = chat(line, member, "Log activity", "/sticker", "Team meeting", "today", "Online",
                      "thirty", "12")  # fmt: skip
    assert "< Please type your answer (stickers and files can't answer this one)." in transcript
    assert "< Please type the number of people, e.g. 30." in transcript
    assert "< Which of the five criteria does it serve?" in transcript


def test_criteria_need_at_least_one_and_only_one_to_five(bot_server, line, db, chat, clock):
    member = join(line, db, "น้องฟ้า")
    transcript = chat(
        line, member,
        "บันทึกกิจกรรม", "ปลูกป่า 30 คน เมื่อวาน ออนไลน์",
        "เสร็จ",
        "/say 6",  # typed, not a tap
        "1", "1",  # criterion 1 on, then off again
        "เสร็จ",
        "/say 2 ๔",
    )  # fmt: skip
    assert transcript.count("< กรุณาเลือกอย่างน้อย 1 หลักค่ะ") == 2
    assert "< หลักมีข้อ 1 ถึง 5 ค่ะ แตะปุ่ม หรือพิมพ์ตัวเลข เช่น 1 3" in transcript
    assert "[1] ✓1 หลักคุณธรรมร่วม" in transcript
    assert "< ส่งรูปกิจกรรมได้สูงสุด 5 รูปค่ะ" in transcript
    assert "[3] ไม่มีรูป | [4] ย้อนกลับ | [5] ข้าม | [6] ยกเลิก" in transcript


def test_back_and_cancel(bot_server, line, db, chat, clock):
    member = join(line, db, "สมชาย")
    transcript = chat(
        line, member,
        "บันทึกกิจกรรม", "ประชุมเครือข่าย", "1", "ย้อนกลับ", "1", "2", "ยกเลิก", "ทำต่อ",
        "ยกเลิก", "1",
    )  # fmt: skip
    asked = [line for line in transcript.splitlines() if line.startswith("< ")]
    assert asked[3].startswith("< จัดกิจกรรมวันไหนคะ?")  # back from the place to the date
    # Three answers given: cancel asks first; "keep going" asks the same question again.
    assert transcript.count("< คุณตอบบันทึกกิจกรรมไว้แล้ว 3 ข้อ") == 2
    assert asked[-2].startswith(asked[-4][:20])  # back at the participants question
    assert "< ยกเลิกบันทึกกิจกรรมที่ยังไม่บันทึกแล้วค่ะ" in transcript
    assert stored(db, member) == []


def test_back_and_cancel_in_english(bot_server, line, db, chat, clock):
    member = join(line, db, "Chai", language="en")
    transcript = chat(line, member, "Log activity", "Fair", "Back", "Back", "Cancel")
    assert transcript.count("< What was the activity called?") == 3
    assert "< This is already the first question." in transcript
    assert "< “Log activity” cancelled. Nothing was changed." in transcript
    assert stored(db, member) == []


def test_the_card_edits_one_field_and_comes_back(bot_server, line, db, chat, clock):
    member = join(line, db, "สมศรี")
    transcript = chat(
        line, member,
        "กิจกรรม: ปลูกป่าชุมชน 12/9/2564 30 คน ออนไลน์ หลัก 1",
        "2",  # the card's แก้ไข beside the date
        "2",  # เมื่อวาน
        "4",  # แก้ไข participants
        "45",
        "บันทึก",
    )  # fmt: skip
    cards = transcript.split("< [Flex] ")
    assert len(cards) == 4
    assert "วันที่ / 12 ก.ย. 2564" in cards[1] and "วันที่ / 23 พ.ย. 2569" in cards[2]
    assert "ผู้เข้าร่วม / 45 คน" in cards[3]
    [activity] = stored(db, member)
    assert (activity.held_on, activity.participants, activity.criteria) == (
        date(2026, 11, 23), 45, [1],
    )  # fmt: skip


def test_back_from_a_step_asked_again_goes_to_the_step_before(bot_server, line, db, chat, clock):
    member = join(line, db, "สมศรี")
    transcript = chat(
        line, member,
        "บันทึกกิจกรรม", "ปลูกป่า 30 คน เมื่อวาน ออนไลน์",
        "1", "2", "3",  # three taps on the criteria question: it is asked again each time
        "ย้อนกลับ",
    )  # fmt: skip
    assert transcript.split("> ย้อนกลับ\n")[1].startswith("< กิจกรรมชื่ออะไรคะ? ✍️")
