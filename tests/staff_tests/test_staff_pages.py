"""What staff see: the overview in Thai or English, exports downloaded with the CLI's filters."""

from __future__ import annotations

import io

import openpyxl

from tests.exporting import read_csv
from tests.members import registered
from tests.staffweb import csrf, signed_in


def test_overview_counts_consented_members_per_network_in_thai_then_english(app, db):
    registered(db, "U" + "1" * 32, name="สมศรี")
    registered(db, "U" + "2" * 32, name="อรุณ", network="youth")
    client = signed_in(app, db)
    page = client.get("/staff/").get_data(as_text=True)
    assert "ภาพรวมเครือข่ายคุณธรรม" in page and "เครือข่ายเด็กและเยาวชนคุณธรรม" in page
    assert '>2</div><div class="lbl">' in page
    assert "<svg" in page  # the monthly chart is drawn on the server
    client.get("/staff/lang/en?next=/staff/")
    english = client.get("/staff/").get_data(as_text=True)
    assert "Moral networks at a glance" in english and "Children and youth moral network" in english


def test_export_button_downloads_the_same_file_as_the_cli(app, db):
    registered(db, "U" + "1" * 32, name="สมศรี ใจดี")
    registered(db, "U" + "2" * 32, name="อรุณ แสงทอง", network="youth")
    client = signed_in(app, db)
    token = csrf(client, "/staff/export")
    form = {"csrf_token": token, "kind": "members", "format": "xlsx", "network": "youth"}
    response = client.post("/staff/export", data=form)
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert "members-youth.xlsx" in response.headers["Content-Disposition"]
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True)
    )
    assert [row[2] for row in rows[1:]] == ["อรุณ แสงทอง"]
    anonymous = client.post(
        "/staff/export",
        data={"csrf_token": token, "kind": "members", "format": "csv", "anonymize": "on"},
    )
    text = anonymous.data.decode("utf-8-sig")
    assert "สมศรี" not in text and "U111" not in text and len(read_csv(anonymous.data)) == 3


def test_a_bad_filter_on_the_export_page_says_why(app, db):
    client = signed_in(app, db)
    form = {"csrf_token": csrf(client, "/staff/export"), "kind": "members", "from": "someday"}
    response = client.post("/staff/export", data=form)
    page = response.get_data(as_text=True)
    # In the page's language, not the CLI's English wording.
    assert response.status_code == 400 and "อ่านวันที่ “someday” ไม่ได้" in page
    assert "not a date" not in page
