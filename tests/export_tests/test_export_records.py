"""Reflections, activities and assessments exported for Excel: one column per question, Thai, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from storage import members
from storage.models.members import CONSENT_WITHDRAWN
from tests.exporting import read_csv, read_xlsx, run_export, xlsx_text
from tests.members import registered
from tests.records import activity, assessment, reflection

SOMSRI, ARUN, GONE = "U" + "1" * 32, "U" + "2" * 32, "U" + "3" * 32


@pytest.fixture
def records(db, config):
    registered(db, SOMSRI, name="สมศรี ใจดี")
    registered(db, ARUN, name="อรุณ แสงทอง", network="youth")
    registered(db, GONE, name="นิด ถอนตัว")
    done = activity(db, SOMSRI, config.media_dir)
    reflection(db, SOMSRI, activity_id=done)
    reflection(db, ARUN, lesson="เยาวชนกล้าแสดงออกมากขึ้น")
    reflection(db, GONE, lesson="ข้อความของคนที่ถอนความยินยอม")
    assessment(db, SOMSRI)
    assessment(db, ARUN, scores=(3, 3, 3, 3, 3))
    assessment(db, GONE)
    activity(db, GONE, config.media_dir, title="กิจกรรมของคนที่ถอนตัว")
    with db.unit_of_work() as session:
        members.find(session, GONE).consent_status = CONSENT_WITHDRAWN
    return done


def test_reflections_have_one_column_per_question_and_only_consented_members(app, records):
    rows = read_csv(run_export(app, "reflections"))
    header = rows[0]
    questions = ["1. สิ่งที่ตั้งใจจะทำ", "2. สิ่งที่เกิดขึ้นจริง", "3. ปัจจัยความสำเร็จ",
                 "4. อุปสรรคและการแก้ไข", "5. บทเรียนและก้าวต่อไป"]  # fmt: skip
    assert [h for h in header if h[:2] in ("1.", "2.", "3.", "4.", "5.")] == questions
    assert len(rows) == 3 and "ถอนความยินยอม" not in str(rows)
    somsri = next(row for row in rows if row[header.index("ชื่อ")] == "สมศรี ใจดี")
    assert somsri[header.index("กิจกรรม")] == "ทำความสะอาดวัดร่องขุ่น"
    assert somsri[header.index("4. อุปสรรคและการแก้ไข")] == "'=ฝนตกหนัก"
    assert somsri[header.index("หลักที่เกี่ยวข้อง")] == "หลักคุณธรรมร่วม, การมีส่วนร่วม"
    assert somsri[header.index("วันที่บันทึก")] == "2021-08-09 13:30"


def test_reflections_xlsx_has_date_cells_and_filters_apply(app, records, tmp_path):
    out = tmp_path / "r.xlsx"
    run_export(app, "reflections", "--format", "xlsx", "--network", "youth", "-o", str(out))
    sheet, rows = read_xlsx(out)
    assert sheet.title == "ถอดบทเรียน" and len(rows) == 2
    assert rows[1][rows[0].index("5. บทเรียนและก้าวต่อไป")] == "เยาวชนกล้าแสดงออกมากขึ้น"
    assert rows[1][rows[0].index("วันที่บันทึก")] == datetime(2021, 8, 9, 13, 30)
    empty = read_csv(run_export(app, "reflections", "--from", "2021-08-10"))
    assert len(empty) == 1


def test_assessments_have_a_score_column_per_question_and_english_headers(app, records):
    rows = read_csv(run_export(app, "assessments", "--lang", "en"))
    header = rows[0]
    scores = header[header.index("Submitted at") + 1 :][:5]
    assert scores == [
        "Shared principles",
        "Participation",
        "Results",
        "Recognition",
        "Sustainability",
    ]
    assert len(rows) == 3
    somsri = next(row for row in rows if row[header.index("Name")] == "สมศรี ใจดี")
    start = header.index("Shared principles")
    assert somsri[start : start + 5] == ["5", "4", "3", "2", "1"]
    assert somsri[header.index("Shared principles – example/note")] == "มีเกียรติบัตร"


def test_activities_have_real_dates_criteria_and_photo_references(app, records, tmp_path):
    out = tmp_path / "a.xlsx"
    run_export(app, "activities", "--format", "xlsx", "-o", str(out))
    sheet, rows = read_xlsx(out)
    header = rows[0]
    assert len(rows) == 2
    row = rows[1]
    assert row[header.index("วันที่จัด")] == datetime(2021, 8, 9)  # a date cell in Excel
    assert sheet.cell(2, header.index("วันที่จัด") + 1).number_format == "yyyy-mm-dd"
    assert row[header.index("หลักที่เกี่ยวข้อง")] == "การมีส่วนร่วม, ผลลัพธ์ที่ดีขึ้น"
    assert row[header.index("จำนวนภาพ")] == 1
    assert row[header.index("ไฟล์ภาพ")].startswith("members/") and row[
        header.index("ไฟล์ภาพ")
    ].endswith(".png")
    by_day = read_csv(run_export(app, "activities", "--from", "2564-08-09", "--to", "2564-08-09"))
    assert len(by_day) == 2 and date(2021, 8, 9).isoformat() in by_day[1]


@pytest.mark.parametrize("kind", ["reflections", "activities", "assessments"])
def test_anonymized_records_hold_no_line_id_and_no_name(app, records, tmp_path, kind):
    text = run_export(app, kind, "--anonymize").decode("utf-8-sig")
    out = tmp_path / f"{kind}.xlsx"
    run_export(app, kind, "--anonymize", "--format", "xlsx", "-o", str(out))
    for data in (text, xlsx_text(out)):
        for secret in (SOMSRI, ARUN, "สมศรี", "อรุณ", "แสงทอง", "members/"):
            assert secret not in data, (kind, secret)
    assert text.count("M-") == text.count("\r\n") - 1  # one pseudonym per row


def test_the_write_api_streams_a_kind_to_any_binary_file(app, records, tmp_path):
    import exports

    bot = app.extensions["bot"]
    with open(tmp_path / "out.csv", "wb") as out:
        rows = exports.write(
            "reflections", "csv", out, exports.Filters(), db=bot.db, config=bot.config
        )
    assert (
        rows == 2 == exports.count("reflections", exports.Filters(), db=bot.db, config=bot.config)
    )
