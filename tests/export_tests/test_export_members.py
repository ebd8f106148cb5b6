"""Members export: Thai in Excel, real dates, only consented members, pseudonyms that hold."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage import members
from storage.models.members import CONSENT_DECLINED, CONSENT_WITHDRAWN
from tests.exporting import read_csv, read_xlsx, run_export, xlsx_text
from tests.members import registered

SOMSRI, ARUN, NID = "U" + "1" * 32, "U" + "2" * 32, "U" + "3" * 32
# 9 August 2021, 23:30 in Bangkok: already 10 August there, still 9 August in UTC.
LATE_EVENING = datetime(2021, 8, 9, 16, 30, tzinfo=UTC)


@pytest.fixture
def people(db):
    registered(db, SOMSRI, name="สมศรี ใจดี", roles=(("coordinator", "civil"),))
    registered(db, ARUN, name="อรุณ แสงทอง", network="youth")
    registered(db, NID, name="นิด ถอนตัว")
    with db.unit_of_work() as session:
        members.find(session, SOMSRI).registered_at = LATE_EVENING
        members.find(session, NID).consent_status = CONSENT_WITHDRAWN
        members.get_or_create(session, "U" + "4" * 32).consent_status = CONSENT_DECLINED
    return db


def test_csv_opens_in_excel_with_thai_headers_and_only_consented_members(app, people):
    rows = read_csv(run_export(app, "members"))
    assert rows[0][:4] == ["รหัสสมาชิก", "รหัสผู้ใช้ LINE", "ชื่อ", "เครือข่าย"]
    assert sorted(row[2] for row in rows[1:]) == ["สมศรี ใจดี", "อรุณ แสงทอง"]
    somsri = next(row for row in rows if row[1] == SOMSRI)
    assert somsri[3] == "เครือข่ายประชาสังคมคุณธรรม"
    assert somsri[7] == "สมาชิก, ผู้ประสานงาน (เครือข่ายประชาสังคมคุณธรรม)"
    arun = next(row for row in rows if row[1] == ARUN)
    assert arun[7] == "สมาชิก"  # an ordinary member is a member, as the chat says
    assert somsri[rows[0].index("วันที่ลงทะเบียน")] == "2021-08-09 23:30"


def test_english_headers_and_buddhist_era_dates_on_request(app, people):
    rows = read_csv(run_export(app, "members", "--lang", "en", "--buddhist-era"))
    header = rows[0]
    assert header[:3] == ["Member id", "LINE user id", "Name"]
    somsri = next(row for row in rows if row[1] == SOMSRI)
    assert somsri[header.index("Registered at")] == "9/8/2564 23:30"
    assert somsri[header.index("Network")] == "Civil-society moral network"
    arun = next(row for row in rows if row[1] == ARUN)
    assert arun[header.index("Roles")] == "member"


def test_xlsx_has_real_dates_a_frozen_header_and_sized_columns(app, people, tmp_path):
    out = tmp_path / "members.xlsx"
    run_export(app, "members", "--format", "xlsx", "-o", str(out))
    sheet, rows = read_xlsx(out)
    assert sheet.title == "สมาชิก" and sheet.freeze_panes == "A2"
    assert rows[0][2] == "ชื่อ" and len(rows) == 3
    assert sheet.column_dimensions["B"].width >= 30
    column = rows[0].index("วันที่ลงทะเบียน") + 1
    somsri = next(r for r in range(2, 4) if sheet.cell(r, 2).value == SOMSRI)
    cell = sheet.cell(somsri, column)
    assert cell.value == datetime(2021, 8, 9, 23, 30) and cell.is_date
    assert cell.number_format == "yyyy-mm-dd hh:mm"


def test_buddhist_era_xlsx_keeps_date_cells_and_shows_the_thai_year(app, people, tmp_path):
    out = tmp_path / "members.xlsx"
    run_export(app, "members", "--format", "xlsx", "--buddhist-era", "-o", str(out))
    sheet, rows = read_xlsx(out)
    cell = sheet.cell(2, rows[0].index("วันที่ลงทะเบียน") + 1)
    assert cell.is_date and "bbbb" in cell.number_format


def test_anonymized_exports_hold_no_line_id_and_no_name_and_codes_are_stable(app, people, tmp_path):
    first = run_export(app, "members", "--anonymize").decode("utf-8-sig")
    again = run_export(app, "members", "--anonymize").decode("utf-8-sig")
    out = tmp_path / "anon.xlsx"
    run_export(app, "members", "--anonymize", "--format", "xlsx", "-o", str(out))
    for text in (first, xlsx_text(out)):
        for secret in (SOMSRI, ARUN, "สมศรี", "อรุณ", "ใจดี"):
            assert secret not in text
    assert first == again
    rows = read_csv(first.encode("utf-8-sig"))
    codes = [row[0] for row in rows[1:]]
    assert rows[0][0] == "รหัสแทนตัว" and len(set(codes)) == 2
    assert all(code.startswith("M-") and len(code) == 12 for code in codes)


def test_filters_by_network_and_by_days_in_bangkok_time(app, people):
    youth = read_csv(run_export(app, "members", "--network", "youth"))
    assert [row[2] for row in youth[1:]] == ["อรุณ แสงทอง"]
    by_thai_name = read_csv(run_export(app, "members", "--network", "เครือข่ายเด็กและเยาวชนคุณธรรม"))
    assert by_thai_name == youth
    # 23:30 on 9 August in Bangkok belongs to that day, given in either era.
    for day in ("2021-08-09", "9/8/2564", "๙/๘/๒๕๖๔"):
        rows = read_csv(run_export(app, "members", "--from", day, "--to", day))
        assert [row[2] for row in rows[1:]] == ["สมศรี ใจดี"], day
    assert (
        len(read_csv(run_export(app, "members", "--from", "2021-08-10", "--to", "2021-08-10"))) == 1
    )


def test_text_that_looks_like_a_formula_stays_text(app, db, tmp_path):
    registered(db, SOMSRI, name='=HYPERLINK("http://x")')
    rows = read_csv(run_export(app, "members"))
    assert rows[1][2] == '\'=HYPERLINK("http://x")'
    out = tmp_path / "m.xlsx"
    run_export(app, "members", "--format", "xlsx", "-o", str(out))
    sheet, _ = read_xlsx(out)
    assert sheet.cell(2, 3).data_type == "s"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--network", "mars"], "unknown network"),
        (["--from", "31/2/2564"], "not a date"),
        (["--from", "2021-08-10", "--to", "2021-08-09"], "after"),
    ],
)
def test_bad_filters_are_refused_with_a_reason(app, db, args, says):
    result = app.test_cli_runner().invoke(args=["export", "members", *args])
    assert result.exit_code != 0 and says in result.output


def test_anonymizing_without_a_stable_secret_is_refused(config):
    from bot import create_app

    app = create_app(config.with_changes(pseudonym_secret=None))
    try:
        result = app.test_cli_runner().invoke(args=["export", "members", "--anonymize"])
    finally:
        app.extensions["bot"].close()
    assert result.exit_code != 0 and "EXPORT_PSEUDONYM_SECRET" in result.output
