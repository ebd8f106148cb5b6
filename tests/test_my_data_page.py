"""The download page reads as the member reads: labels in their language, never raw column names,
times in Bangkok, Thai dates with the Buddhist-era year; the JSON's times carry their offset."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.my_data_page import LINK_COLUMNS, reader_for
from bot.my_data_web import make_token
from bot.networks import DEFAULT_NETWORKS
from storage import members
from storage.member_copy import SECRET_COLUMNS, member_copy
from storage.models import Member, MemberRole
from storage.models.activities import Activity, ActivityPhoto
from storage.models.assessments import Assessment, AssessmentAnswer
from storage.models.invites import Invite
from storage.models.meeting_series import MeetingSeries
from storage.models.meetings import LinkedGroup, Meeting, Rsvp
from storage.models.reflections import Reflection
from storage.models.stories import SharedStory, StoryDigestOptOut
from tests import records
from tests.meetings import BANGKOK
from tests.members import registered

USER = "U" + "e" * 32
# Every model the copy takes rows from: a column added to one needs a label on the page.
COPIED = (Member, MemberRole, Activity, ActivityPhoto, Reflection, Assessment, AssessmentAnswer,
          Rsvp, Meeting, LinkedGroup, Invite, SharedStory, StoryDigestOptOut,
          MeetingSeries)  # fmt: skip


def _everything(db, media_dir, language: str) -> None:
    registered(db, USER, language=language, roles=(("coordinator", "civil"),))
    activity = records.activity(db, USER, media_dir, title="ทำความสะอาดวัดร่องขุ่น")
    records.reflection(db, USER, activity_id=activity)
    records.assessment(db, USER)
    with db.unit_of_work() as session:
        member = members.find(session, USER)
        meeting = Meeting(title="ประชุมเครือข่าย", starts_at=datetime(2026, 12, 1, 3, tzinfo=UTC),
                          audience="networks", networks="civil", plan="announcement",
                          organiser_id=member.id)  # fmt: skip
        session.add(meeting)
        session.flush()
        session.add(Rsvp(meeting_id=meeting.id, member_id=member.id, answer="yes",
                         answered_at=records.AT))  # fmt: skip
        session.add(SharedStory(member_id=member.id, activity_id=activity, status="granted",
                                show_name=True, answered_at=records.AT))  # fmt: skip
        session.add(StoryDigestOptOut(member_id=member.id, since=records.AT))


@pytest.fixture
def download(app, db, config):
    """GET a path of the member's download link through the app."""
    client = app.test_client()
    bot = app.extensions["bot"]

    def get(suffix: str = ""):
        with db.unit_of_work() as session:
            member_id = members.find(session, USER).id
        token = make_token(config.staff_secret_key, member_id, USER, bot.clock())
        response = client.get(f"/my-data/{token}{suffix}")
        assert response.status_code == 200
        return response

    return get


def _cells(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", c).strip() for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", html, re.S)]


def test_the_page_of_a_thai_member_has_thai_labels_bangkok_times_and_buddhist_years(
    download, db, config
):
    _everything(db, config.media_dir, "th")
    html = download().get_data(as_text=True)
    cells = _cells(html)
    for label in ("ชื่อ", "เครือข่าย", "ชื่อเรื่อง", "วันที่จัด", "สิ่งที่ตั้งใจจะทำ", "บทเรียนและก้าวต่อไป",
                  "คะแนน", "หมายเหตุ", "การประชุม", "คำตอบ", "บทบาท"):  # fmt: skip
        assert label in cells, label
    # No raw column names or codes where a member reads.
    for raw in ("display_name", "held_on", "set_out", "consent_decided_at", "line_user_id",
                "created_at", "given", "coordinator", "civil", "yes", "True", "False"):  # fmt: skip
        assert raw not in cells, raw
    assert "9 ส.ค. 2564" in cells  # the activity's date, Buddhist era
    assert "9 ส.ค. 2564 13:30 น." in cells  # 06:30 UTC is 13:30 in Bangkok
    assert "1 ธ.ค. 2569 10:00 น." in cells  # the meeting: 03:00 UTC
    assert "เครือข่ายประชาสังคมคุณธรรม" in cells and "ผู้ประสานงานเครือข่าย" in cells
    assert "เข้าร่วม" in cells and "ยินยอม" in cells and "ภาษาไทย" in cells
    assert "2 การมีส่วนร่วม, 3 ผลลัพธ์ที่ดีขึ้น" in cells  # the activity's criteria by name
    assert records.ANSWERS["lesson"] in cells
    assert "0" not in cells  # the first photo and the first answer are number 1, not 0
    assert '<html lang="th">' in html and "ข้อมูลทั้งหมดที่น้องคุณธรรมเก็บไว้เกี่ยวกับคุณ" in html
    # Later features' records are in the copy too, in words.
    for shown in ("เรื่องเล่าดีๆ ของคุณ", "อนุญาตให้เผยแพร่", "แสดงชื่อของคุณ", "ไม่รับเรื่องเล่ารายเดือน"):
        assert shown in html, shown
    assert "สมาชิก" in cells  # the role chat shows, not "ไม่มี"
    assert "ดาวน์โหลดรูปทั้งหมด (1 รูป)" in html and "เวลาประเทศไทย" in html


def test_the_page_of_an_english_member_is_in_english_with_common_era_years(download, db, config):
    _everything(db, config.media_dir, "en")
    html = download().get_data(as_text=True)
    cells = _cells(html)
    for label in ("Name", "Date held", "What we set out to do", "Score", "Meeting", "Answer"):
        assert label in cells, label
    assert "9 Aug 2021" in cells and "9 Aug 2021 13:30" in cells
    assert "going" in cells and "Civil-society moral network" in cells
    assert "วันที่จัด" not in cells and "2564" not in html
    assert '<html lang="en">' in html and "Download every photo (1)" in html


def test_the_json_keeps_keys_and_writes_times_with_the_bangkok_offset(download, db, config):
    _everything(db, config.media_dir, "th")
    copy = download("/data.json").get_json()
    [reflection] = copy["reflections"]
    assert reflection["created_at"] == "2021-08-09T13:30:00+07:00"
    assert copy["activities"][0]["held_on"] == "2021-08-09"
    assert copy["rsvps"][0]["answered_at"] == "2021-08-09T13:30:00+07:00"
    assert copy["meetings_organised"][0]["starts_at"] == "2026-12-01T10:00:00+07:00"
    stamps = re.findall(r'"(\d{4}-\d\d-\d\dT[^"]*)"', download("/data.json").get_data(as_text=True))
    assert stamps and all(s.endswith("+07:00") for s in stamps)


def test_every_column_the_copy_can_hold_has_a_label_in_both_languages(db, config):
    _everything(db, config.media_dir, "th")
    with db.unit_of_work() as session:
        copy = member_copy(session, members.find(session, USER))
    for language in ("th", "en"):
        copy["profile"]["language"] = language
        reader = reader_for(copy, BANGKOK, DEFAULT_NETWORKS, None)
        columns = {c.name for model in COPIED for c in model.__table__.columns}
        columns -= LINK_COLUMNS | SECRET_COLUMNS
        columns |= {"criteria", "photos", "answers", "meeting_title"}
        unlabelled = sorted(c for c in columns if reader.label(c) == c)
        assert unlabelled == [], "add mydata.field.<column> to messages/catalog/my_data_page.py"
