"""Photos of an activity: downloaded through LINE, kept as files with rows, at most five."""

from __future__ import annotations

from tests.activities.chat import Phone, member_id, photo, stored, texts
from tests.members import join
from tests.waiting import sent_requests


def media_dir(bot_server):
    return bot_server.app.extensions["bot"].config.media_dir


def test_a_member_logs_an_activity_with_two_photos_in_eight_messages(
    bot_server, line, db, clock, tmp_path
):
    phone = Phone(line, join(line, db, "สมศรี"))
    first, second = photo(tmp_path, 1, "jpg"), photo(tmp_path, 2, "png")
    phone.postback("cmd=log_activity")  # the rich menu's บันทึกกิจกรรม
    phone.say("ปลูกป่าชุมชน เมื่อวาน 30 คน ออนไลน์")
    phone.tap("2 การมีส่วนร่วม")
    phone.tap("เสร็จ")
    assert "ได้รับรูปแล้ว 1 รูปค่ะ" in texts(phone.image(first))
    assert "ได้รับรูปแล้ว 2 รูปค่ะ" in texts(phone.image(second))
    card = phone.tap("เสร็จ")
    assert card[0]["type"] == "flex"
    assert "บันทึกกิจกรรม “ปลูกป่าชุมชน” เรียบร้อยแล้วค่ะ" in texts(phone.tap("บันทึก"))
    assert phone.sent <= 8
    [activity] = stored(db, phone.user_id)
    assert (activity.title, activity.participants, activity.online) == ("ปลูกป่าชุมชน", 30, True)
    kinds = [(p.position, p.content_type, p.size) for p in activity.photos]
    assert kinds == [
        (0, "image/jpeg", first.stat().st_size),
        (1, "image/png", second.stat().st_size),
    ]
    for kept, sent in zip(activity.photos, (first, second), strict=True):
        path = media_dir(bot_server) / kept.path
        assert path.read_bytes() == sent.read_bytes()
        assert path.parent.name == str(member_id(db, phone.user_id))
    downloads = sent_requests(line, "/v2/bot/message/")
    assert sum(r["path"].endswith("/content") for r in downloads) == 2


def test_a_sixth_photo_is_refused_and_five_are_kept(bot_server, line, db, chat, clock, tmp_path):
    member = join(line, db, "ครูแดง")
    photos = [f"/image {photo(tmp_path, n)}" for n in range(1, 7)]
    transcript = chat(line, member, "กิจกรรม", "ค่ายเยาวชน 12/9/2564 40 คน ออนไลน์", "/say 1",
                      *photos, "บันทึก")  # fmt: skip
    assert "< ได้รับรูปแล้ว 4 รูปค่ะ ส่งเพิ่มได้อีก 1 รูป หรือแตะ เสร็จ" in transcript
    assert "< รับรูปได้สูงสุด 5 รูปค่ะ รูปนี้จึงไม่ได้บันทึก" in transcript
    assert transcript.count("รูปภาพ / 5 รูป") == 2  # the card after the fifth, again after the sixth
    [activity] = stored(db, member)
    assert [p.position for p in activity.photos] == [0, 1, 2, 3, 4]
    assert all((media_dir(bot_server) / p.path).is_file() for p in activity.photos)


def test_a_sixth_photo_is_refused_in_english(bot_server, line, db, chat, clock, tmp_path):
    member = join(line, db, "Ann", language="en")
    photos = [f"/image {photo(tmp_path, n)}" for n in range(1, 7)]
    transcript = chat(line, member, "activity: Fair 1/2/2022 12 people online criteria 4",
                      "6", *photos)  # fmt: skip
    assert "< 1 photo(s) received. You can send 4 more, or tap Done." in transcript
    assert "< At most 5 photos can be kept, so this one was not added." in transcript


def test_what_is_not_a_picture_or_cannot_be_fetched_gets_a_hint(
    bot_server, line, db, chat, clock, tmp_path
):
    member = join(line, db, "พระอาจารย์")
    not_a_picture = tmp_path / "notes.txt"
    not_a_picture.write_text("บันทึกการประชุม", encoding="utf-8")
    line.add_fault(path="/v2/bot/message/*", method="GET", status=500, times=1)
    transcript = chat(
        line, member,
        "บันทึกกิจกรรม", "ทำบุญ เมื่อวาน 20 คน ออนไลน์", "/say 1",
        f"/image {photo(tmp_path, 1)}",  # LINE answers 500 this once
        f"/image {not_a_picture}",
        "/sticker",
        "ไม่มีรูป",
    )  # fmt: skip
    assert "< ขออภัยค่ะ รับรูปนี้ไม่สำเร็จ กรุณาส่งใหม่อีกครั้ง" in transcript
    assert "< ไฟล์นี้ไม่ใช่รูปภาพค่ะ กรุณาส่งเป็นรูป (JPEG หรือ PNG)" in transcript
    assert "< ขั้นนี้รอรูปภาพค่ะ ส่งรูป หรือแตะ ไม่มีรูป" in transcript
    assert "รูปภาพ / ไม่มีรูป" in transcript
    assert not (media_dir(bot_server) / "members").exists()
