"""A member's data, end to end through the emulator and the real web process (gunicorn):
my data names everything, the download link gives all of it, delete leaves no row and no file,
and the next member gets a new id and an empty folder."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

import pytest
import requests

from storage import members
from storage.media import MediaStore
from storage.models.meetings import Meeting, Rsvp
from tests import records
from tests.activities.chat import Phone, photo, texts
from tests.members import join
from tests.processes import bot_env, free_port, gunicorn
from tests.scan import mentions, references
from tests.test_privacy_storage import settle

pytestmark = pytest.mark.slow


def _meeting_answer(db, user_id: str) -> None:
    # Stored as the RSVP handler stores it; the chat side is covered by test_meeting_chat.py.
    with db.unit_of_work() as session:
        member = members.find(session, user_id)
        meeting = Meeting(title="ประชุมเครือข่ายประจำเดือน", audience="members", plan="[]",
                          starts_at=datetime(2026, 12, 20, 2, tzinfo=UTC))  # fmt: skip
        session.add(meeting)
        session.flush()
        session.add(Rsvp(meeting_id=meeting.id, member_id=member.id, answer="yes"))


def test_my_data_download_and_delete_through_the_web_process(
    emulator, line, database_url, db, tmp_path
):
    port = free_port()
    media = tmp_path / "media"
    env = bot_env(emulator.url, database_url, port, MEDIA_DIR=str(media),
                  PUBLIC_URL=f"http://127.0.0.1:{port}", INBOX_POLL_SECONDS="0.3")  # fmt: skip
    web = gunicorn(port, env, tmp_path / "web.log", workers=1)
    emulator.state.webhook_url = f"http://127.0.0.1:{port}/callback"
    try:
        user = join(line, db, "สมศรี")
        phone = Phone(line, user)
        first, second = photo(tmp_path, 1, "jpg"), photo(tmp_path, 2, "png")
        phone.postback("cmd=log_activity")
        phone.say("ปลูกป่าชุมชน 12/9/2567 30 คน ออนไลน์")
        phone.tap("2 การมีส่วนร่วม")
        phone.tap("เสร็จ")
        phone.image(first)
        phone.image(second)
        phone.tap("เสร็จ")
        assert "เรียบร้อยแล้วค่ะ" in str(texts(phone.tap("บันทึก")))
        records.reflection(db, user)
        records.assessment(db, user)
        _meeting_answer(db, user)
        with db.unit_of_work() as session:
            member_id = members.find(session, user).id
        assert len(MediaStore(media).member_files(member_id)) == 2

        shown = str(texts(phone.say("ข้อมูลของฉัน")))
        for fragment in ("กิจกรรม: 1 รายการ (รูปทั้งหมด 2 รูป)", "ปลูกป่าชุมชน (12/9/2567) รูป 2 รูป",
                         "ถอดบทเรียน: 1 ครั้ง", "แบบประเมินห้าเกณฑ์: 1 ครั้ง",
                         "คำตอบนัดประชุม: 1 ครั้ง", "ประชุมเครือข่ายประจำเดือน"):  # fmt: skip
            assert fragment in shown, shown
        [url] = re.findall(r"http://127\.0\.0\.1:\d+/my-data/\S+", shown)

        page = requests.get(url, timeout=10)
        assert page.status_code == 200 and "ปลูกป่าชุมชน" in page.text
        assert "ถอดบทเรียน" in page.text and records.ANSWERS["lesson"] in page.text
        copy = requests.get(f"{url}/data.json", timeout=10).json()
        assert copy["profile"]["line_user_id"] == user
        assert [len(a["photos"]) for a in copy["activities"]] == [2]
        assert len(copy["reflections"]) == len(copy["assessments"]) == len(copy["rsvps"]) == 1
        assert len(copy["assessments"][0]["answers"]) == 5
        archive = zipfile.ZipFile(io.BytesIO(requests.get(f"{url}/photos.zip", timeout=10).content))
        sizes = sorted(info.file_size for info in archive.infolist())
        assert sizes == sorted([first.stat().st_size, second.stat().st_size])
        # Signed for this member only: a changed token opens nothing.
        assert requests.get(url[:-3] + "xyz", timeout=10).status_code == 404

        phone.say("ลบข้อมูลของฉัน")
        assert "เรียบร้อยแล้ว" in str(texts(phone.tap("ลบทั้งหมด")))
        settle(db)
        assert mentions(db, user) == []
        assert references(db, "members", member_id) == []
        for typed in ("ปลูกป่าชุมชน", records.ANSWERS["lesson"]):
            assert mentions(db, typed) == []
        assert [p for p in media.rglob("*") if p.is_file()] == []
        assert requests.get(f"{url}/data.json", timeout=10).status_code == 404

        newcomer = join(line, db, "สมหญิง")
        with db.unit_of_work() as session:
            assert members.find(session, newcomer).id > member_id
        assert not MediaStore(media).member_dir(member_id).exists()
    finally:
        web.stop()
