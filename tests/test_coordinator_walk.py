"""What a coordinator who had not read the code met (issue 12), in Thai through the router."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models.meetings import Meeting
from tests import test_meeting_chat as shared
from tests.meetings import labels, texts

# The meeting transcripts' fixtures: the router, the clock (Tue 24 Nov 2569 10:00), the people.
router, time, people, chat = shared.router, shared.time, shared.people, shared.chat


def _to_audience(coordinator) -> list[dict]:
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    coordinator.say("30 พ.ย. 69 13.30 น.")
    coordinator.say("ห้องประชุมเทศบาล")
    asked = coordinator.say("ติดตามกิจกรรม")
    assert labels(asked)[0] == "ประชาสังคมคุณธรรม"
    return asked


@pytest.mark.parametrize(
    "said", ["สมาชิกเครือข่ายประชาสังคมค่ะ", "ทุกคนในเครือข่ายประชาสังคมคุณธรรมค่ะ", "เครือข่ายประชาสังคม"]
)
def test_the_network_named_in_a_sentence_is_the_audience(chat, people, said):
    coordinator = chat(people["coordinator"])
    _to_audience(coordinator)
    review = coordinator.say(said)
    assert "ผู้รับ: ประชาสังคมคุณธรรม" in texts(review)[-1], texts(review)


def test_words_naming_no_network_are_still_refused(chat, people):
    coordinator = chat(people["coordinator"])
    _to_audience(coordinator)
    assert texts(coordinator.say("สมาชิกเครือข่ายค่ะ"))[0] == "กรุณาเลือกจากปุ่มด้านล่างค่ะ"


def test_weekday_and_day_of_month_with_nee_is_the_coming_tenth(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    heard = texts(coordinator.say("พฤหัสที่ 10 นี้ 9.00 น."))[0]
    assert heard.startswith("รับทราบค่ะ นัดวันพฤหัสบดีที่ 10 ธ.ค. 2569 เวลา 09:00 น."), heard


def test_a_day_of_the_month_on_another_weekday_is_named(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    said = texts(coordinator.say("ศุกร์ที่ 10 นี้ 9.00 น."))[0]
    assert "10 ธ.ค. 2569" in said and "วันพฤหัสบดี" in said, said


def _confirmed(coordinator) -> None:
    review = shared.schedule_in_chat(coordinator, when="30 พ.ย. 69 13.30 น.")
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")


def _status(db) -> str:
    with db.unit_of_work() as session:
        return session.scalars(select(Meeting.status)).one()


def test_asking_to_cancel_goes_straight_to_the_cancel_question(db, chat, people):
    coordinator = chat(people["coordinator"])
    _confirmed(coordinator)
    listed = coordinator.say("ขอยกเลิกประชุมค่ะ")
    asked = coordinator.tap(listed[-1], labels(listed)[0])
    assert texts(asked)[-1].startswith("ยกเลิกการประชุม “ประชุมเครือข่ายประจำเดือนธันวาคม” ใช่ไหมคะ?")
    assert labels(asked) == ["ยืนยันยกเลิกนัด", "ย้อนกลับ", "ไม่ยกเลิกนัด"]
    # "ยกเลิกเลยค่ะ" could be yes or leave: asked back with the two buttons, nothing cancelled.
    unclear = coordinator.say("ยกเลิกเลยค่ะ")
    assert texts(unclear)[0].startswith("ขอโทษค่ะ ยังไม่แน่ใจว่าหมายถึงยกเลิกนัดนี้ หรือไม่ยกเลิก")
    assert labels(unclear) == ["ยืนยันยกเลิกนัด", "ย้อนกลับ", "ไม่ยกเลิกนัด"]
    assert coordinator.say("ยกเลิกได้เลยครับ") and _status(db) == "scheduled"
    done = coordinator.tap(unclear[-1], "ยืนยันยกเลิกนัด")
    assert texts(done)[0].startswith("ยกเลิก")
    assert _status(db) == "cancelled"


def test_the_keep_button_leaves_the_meeting_standing(db, chat, people):
    coordinator = chat(people["coordinator"])
    _confirmed(coordinator)
    listed = coordinator.say("ยกเลิกประชุม")
    asked = coordinator.tap(listed[-1], labels(listed)[0])
    left = coordinator.tap(asked[-1], "ไม่ยกเลิกนัด")
    assert "นัดประชุมยังอยู่ตามเดิม" in texts(left)[0]
    assert _status(db) == "scheduled"


def test_a_member_asking_to_schedule_learns_it_needs_the_coordinator_role(chat, people):
    said = texts(chat(people["somsri"]).say("นัดประชุมค่ะ"))
    assert said[-1] == (
        "ตอนนี้ยังไม่มีนัดประชุมที่กำลังจะมาถึงค่ะ\n\n"
        "การนัดประชุมใช้ได้เฉพาะผู้ประสานงานเครือข่ายค่ะ ถ้าคุณเป็นผู้ประสานงาน "
        "ขอรหัสเชิญจากเจ้าหน้าที่ของเครือข่าย แล้วพิมพ์ เช่น “รหัสเชิญ ABCD-2345”"
    )


def test_a_day_alone_gets_one_message_asking_only_for_the_time(chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมเครือข่าย")
    asked = coordinator.say("พรุ่งนี้ค่ะ")
    assert texts(asked) == [
        "ได้วันพุธที่ 25 พ.ย. 2569 แล้วค่ะ ขอเวลาด้วยนะคะ พิมพ์แค่เวลาก็ได้ เช่น 13.30 น. หรือ บ่ายสองโมง"
    ]
    assert labels(asked)[-1] == "ยกเลิก"
    assert "ประชุมที่ไหน" in texts(coordinator.say("10 โมง"))[0]


def test_a_change_preview_says_the_notice_goes_at_once_by_day(db, chat, people, emulator, time):
    coordinator = chat(people["coordinator"])
    _confirmed(coordinator)
    shared.clock_job(db, emulator.url, time).tick()
    picked = coordinator.say("แก้ไขประชุม")
    action = coordinator.tap(picked[-1], labels(picked)[0])
    coordinator.tap(action[-1], "แก้วาระ")
    confirm = coordinator.say("ติดตามงานเดือนธันวาคม")
    assert "น้องคุณธรรมจะแจ้งผู้ได้รับเชิญ 3 คน ทันทีที่ยืนยัน" in texts(confirm)[-1]


def test_two_similar_group_names_keep_apart_within_lines_twenty_characters():
    from handlers.meeting_steps import short_label

    names = ["กลุ่ม เครือข่ายประชาสังคมคุณธรรมเชียงราย", "กลุ่ม เครือข่ายประชาสังคมคุณธรรมพะเยา"]
    short = [short_label(n) for n in names]
    assert short == ["กลุ่ม เครือ…เชียงราย", "กลุ่ม เครือ…รรมพะเยา"]
    assert all(len(s) <= 20 for s in short) and short[0] != short[1]
    assert short_label("กลุ่ม ครูคุณธรรม") == "กลุ่ม ครูคุณธรรม"
