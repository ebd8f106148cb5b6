"""Meetings export and pages: one row per meeting, Bangkok times, RSVPs of consented members."""

from __future__ import annotations

from datetime import UTC, datetime

from storage import meetings, members
from storage.models.members import CONSENT_WITHDRAWN
from tests.exporting import read_csv, read_xlsx, run_export
from tests.meetings import many_members, schedule
from tests.members import registered
from tests.staffweb import signed_in

NOW = datetime(2021, 8, 1, 3, 0, tzinfo=UTC)
STARTS = datetime(2021, 8, 9, 6, 30, tzinfo=UTC)  # 13:30 in Bangkok, the day of the article


def _meetings(db):
    registered(db, "U" + "c" * 32, name="ผู้ประสานงาน สมศรี", roles=(("coordinator", "civil"),))
    civil = many_members(db, 3)
    youth = many_members(db, 1, network="youth")
    first = schedule(db, STARTS, NOW, organiser="U" + "c" * 32, title="ถอดบทเรียนออนไลน์")
    schedule(db, STARTS.replace(day=20), NOW, networks=("youth",), title="ค่ายเยาวชน")
    with db.unit_of_work() as session:
        ids = [members.find(session, uid).id for uid in civil]
        for member_id, answer in zip(ids, ("yes", "yes", "no"), strict=True):
            meetings.answer(session, first, member_id, answer, NOW)
        members.find(session, civil[1]).consent_status = CONSENT_WITHDRAWN
    return first, youth


def test_one_row_per_meeting_with_rsvps_of_consented_members_only(app, db):
    _meetings(db)
    rows = read_csv(run_export(app, "meetings"))
    header, body = rows[0], rows[1:]
    assert len(body) == 2
    first = next(row for row in body if row[1] == "ถอดบทเรียนออนไลน์")
    assert first[header.index("วันเวลาเริ่ม")] == "2021-08-09 13:30"
    assert first[header.index("ผู้ได้รับเชิญ")] == "เครือข่ายประชาสังคมคุณธรรม"
    assert first[header.index("ผู้นัดประชุม")] == "ผู้ประสานงาน สมศรี"
    assert (first[header.index("ตอบเข้าร่วม")], first[header.index("ตอบไม่สะดวก")]) == ("1", "1")


def test_meetings_filter_by_network_and_day_and_anonymize_the_organiser(app, db, tmp_path):
    _meetings(db)
    youth = read_csv(run_export(app, "meetings", "--network", "youth"))
    assert [row[1] for row in youth[1:]] == ["ค่ายเยาวชน"]
    day = read_csv(run_export(app, "meetings", "--from", "9/8/2564", "--to", "9/8/2564"))
    assert [row[1] for row in day[1:]] == ["ถอดบทเรียนออนไลน์"]
    out = tmp_path / "meetings.xlsx"
    run_export(app, "meetings", "--anonymize", "--format", "xlsx", "-o", str(out))
    sheet, rows = read_xlsx(out)
    assert "รหัสแทนตัวผู้นัด" in rows[0]
    assert not any("สมศรี" in str(cell) for row in rows for cell in row)
    starts = sheet.cell(2, rows[0].index("วันเวลาเริ่ม") + 1)
    # Anonymized: no time finer than a day.
    assert starts.is_date and starts.value == datetime(2021, 8, 9)


def test_staff_see_meetings_with_rsvps_and_the_delivery_report(app, db):
    first, _ = _meetings(db)
    client = signed_in(app, db)
    listing = client.get("/staff/meetings").get_data(as_text=True)
    assert "ถอดบทเรียนออนไลน์" in listing and "9 ส.ค. 2564 13:30" in listing
    filtered = client.get("/staff/meetings?network=youth").get_data(as_text=True)
    assert "ค่ายเยาวชน" in filtered and "ถอดบทเรียนออนไลน์" not in filtered
    detail = client.get(f"/staff/meetings/{first}").get_data(as_text=True)
    assert "รายงานการส่งข้อความ" in detail and "ประกาศนัด" in detail
    assert client.get("/staff/meetings/999999").status_code == 404
