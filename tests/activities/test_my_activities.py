"""My activities: the latest ten, editable and deletable for seven days after they were logged."""

from __future__ import annotations

from datetime import timedelta

from tests.activities.chat import NOON, Phone, logged, stored, texts
from tests.members import join
from tests.waiting import sent_requests


def media_dir(bot_server):
    return bot_server.app.extensions["bot"].config.media_dir


def test_the_latest_ten_show_as_a_carousel(bot_server, line, db, chat, clock):
    member = join(line, db, "สมศรี")
    for n in range(12):  # logged an hour apart: number 11 is the latest
        logged(db, media_dir(bot_server), member, title=f"กิจกรรมที่ {n}",
               created_at=NOON - timedelta(hours=12 - n), photos=n % 3)  # fmt: skip
    transcript = chat(line, member, "กิจกรรมของฉัน")
    assert transcript.splitlines()[1] == "< [Flex] กิจกรรมของฉัน 10 รายการล่าสุด"
    assert "── 1/10 ──\n  กิจกรรมที่ 11\n" in transcript
    assert "── 10/10 ──\n  กิจกรรมที่ 2\n" in transcript and "กิจกรรมที่ 1\n" not in transcript
    first_page = transcript.split("── 2/10 ──")[0]
    for shown in (
        "วันที่ / 9 ส.ค. 2564",
        "สถานที่ / วัดดอย",
        "ผู้เข้าร่วม / 30 คน",
        "หลักที่สอดคล้อง / 2 การมีส่วนร่วม 3 ผลลัพธ์ที่ดีขึ้น",
        "รูปภาพ / 2 รูป",
        "บันทึกเมื่อ 24 พ.ย. 2569",
        "แก้ไขหรือลบได้ถึง 1 ธ.ค. 2569",
        "[1] แก้ไข | [2] ลบ",
    ):
        assert shown in first_page


def test_my_activities_in_english_and_when_there_are_none(bot_server, line, db, chat, clock):
    member = join(line, db, "Ann", language="en")
    assert "< No activities logged yet. Tap Log activity to start." in chat(
        line, member, "My activities"
    )
    logged(db, media_dir(bot_server), member, title="Youth camp", place=None, criteria=(5,))
    transcript = chat(line, member, "my activities")
    for shown in ("Date / 9 Aug 2021", "Place / Online", "Criteria / 5 Sustainability",
                  "Photos / No photos", "[1] Edit | [2] Delete"):  # fmt: skip
        assert shown in transcript


def test_edit_within_seven_days_reopens_the_card(bot_server, line, db, chat, clock):
    member = join(line, db, "ครูแดง")
    logged(db, media_dir(bot_server), member, title="ค่ายคุณธรรม", photos=2)
    [before] = stored(db, member)
    clock.advance(days=6, hours=23)
    transcript = chat(
        line, member,
        "กิจกรรมของฉัน",
        "1",  # แก้ไข
        "4",  # the card's แก้ไข beside the participants
        "45",
        "6",  # แก้ไข photos
        "4",  # ลบรูปทั้งหมด
        "3",  # ไม่มีรูป
        "7",  # บันทึก
    )  # fmt: skip
    assert "< [Flex] ตรวจสอบกิจกรรม “ค่ายคุณธรรม” ก่อนบันทึก\n  แก้ไขกิจกรรม" in transcript
    assert "< แก้ไขกิจกรรม “ค่ายคุณธรรม” เรียบร้อยแล้วค่ะ" in transcript
    [after] = stored(db, member)
    assert (after.id, after.participants, after.photos) == (before.id, 45, [])
    assert after.created_at == before.created_at and after.updated_at == clock.now
    assert all(not (media_dir(bot_server) / p.path).exists() for p in before.photos)


def test_delete_asks_first_and_removes_rows_and_files(bot_server, line, db, chat, clock):
    member = join(line, db, "พระอาจารย์")
    logged(db, media_dir(bot_server), member, title="เทศน์ออนไลน์", photos=1)
    logged(db, media_dir(bot_server), member, title="บวชป่า", created_at=NOON - timedelta(days=1))
    [kept_photo] = stored(db, member)[0].photos
    transcript = chat(line, member, "กิจกรรมของฉัน", "2", "2")  # ลบ, then ไม่ลบ
    assert "< ต้องการลบกิจกรรม “เทศน์ออนไลน์” (9 ส.ค. 2564) และรูป 1 รูป ใช่ไหมคะ?" in transcript
    assert "< เก็บกิจกรรมไว้ตามเดิมค่ะ" in transcript
    assert len(stored(db, member)) == 2
    transcript = chat(line, member, "กิจกรรมของฉัน", "2", "1")  # ลบ, then ลบเลย
    assert "< ลบกิจกรรม “เทศน์ออนไลน์” แล้วค่ะ" in transcript
    assert [a.title for a in stored(db, member)] == ["บวชป่า"]
    assert not (media_dir(bot_server) / kept_photo.path).exists()


def test_after_seven_days_the_buttons_are_gone_and_old_ones_are_refused(
    bot_server, line, db, chat, clock
):
    member = join(line, db, "สมชาย")
    activity = logged(db, media_dir(bot_server), member, title="ตลาดนัดคุณธรรม")
    clock.advance(days=7, seconds=1)
    transcript = chat(line, member, "กิจกรรมของฉัน")
    assert "บันทึกเกิน 7 วันแล้ว แก้ไขหรือลบไม่ได้" in transcript
    assert "แก้ไข |" not in transcript and "| [2] ลบ" not in transcript
    phone = Phone(line, member)
    for command in ("activity_edit", "activity_delete"):
        answer = texts(phone.postback(f"cmd={command}&id={activity}"))
        assert answer.startswith("ขออภัยค่ะ กิจกรรม “ตลาดนัดคุณธรรม” บันทึกไว้เกิน 7 วันแล้ว")
    refused = texts(phone.postback(f"cmd=activity_delete&id={activity}&sure=yes"))
    assert "เกิน 7 วันแล้ว" in refused
    assert len(stored(db, member)) == 1


def test_an_edit_saved_after_the_seventh_day_is_refused(bot_server, line, db, chat, clock):
    member = join(line, db, "Chai", language="en")
    logged(db, media_dir(bot_server), member, title="Clean-up", participants=10)
    clock.advance(days=6, hours=12)
    chat(line, member, "My activities", "1", "4", "11")  # edit, change the people to 11
    clock.advance(hours=12, seconds=1)  # the card is still open, but the week is over
    transcript = chat(line, member, "Save")
    assert "< Sorry, “Clean-up” was logged more than 7 days ago" in transcript
    assert stored(db, member)[0].participants == 10


def test_someone_elses_activity_is_not_found(bot_server, line, db, clock):
    owner, other = join(line, db, "สมศรี"), join(line, db, "สมชาย")
    activity = logged(db, media_dir(bot_server), owner)
    phone = Phone(line, other)
    assert "ไม่พบกิจกรรมนี้ค่ะ" in texts(phone.postback(f"cmd=activity_delete&id={activity}&sure=yes"))
    assert "ไม่พบกิจกรรมนี้ค่ะ" in texts(phone.postback("cmd=activity_edit&id=nonsense"))
    assert len(stored(db, owner)) == 1


def test_the_longest_activities_still_fit_line_limits(bot_server, line, db, chat, clock):
    member = join(line, db, "สมศรี")
    title = ("กิจกรรมปลูกป่าชุมชนเฉลิมพระเกียรติ์ " * 4)[:100]
    place = ("ศูนย์การเรียนรู้ชุมชนบ้านห้วยน้ำริน ตำบลแม่ยาว " * 5)[:200]
    for n in range(10):
        logged(db, media_dir(bot_server), member, title=title, place=place, photos=5,
               criteria=(1, 2, 3, 4, 5), participants=10_000,
               created_at=NOON - timedelta(minutes=n))  # fmt: skip
    transcript = chat(line, member, "กิจกรรมของฉัน", "1")  # the carousel, then edit the first
    assert "── 10/10 ──" in transcript and "แก้ไขกิจกรรม" in transcript
    replies = [r for r in sent_requests(line, "/v2/bot/message/reply")]
    assert [r["status"] for r in replies] == [200, 200]
    assert len(str(replies[0]["body"]).encode()) > 20_000  # really near the 50 KB carousel limit
