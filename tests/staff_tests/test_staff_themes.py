"""Themes: the words and phrases reflections use most, per network, province and criterion, with
Thai stop words removed; on the staff web, as an export, and searchable inside unspaced text."""

from __future__ import annotations

import re

from storage import members
from tests.exporting import read_csv
from tests.members import registered
from tests.records import reflection
from tests.staffweb import csrf, signed_in

CIVIL = [f"U{i:032x}" for i in range(1, 4)]
YOUTH = "U" + "9" * 32
PARENTS = "ชวนผู้ปกครองมาช่วยทำให้เด็กกล้าแสดงออก"
BOOKS = "ทำบัญชีครัวเรือนทุกบ้านช่วยลดหนี้ได้จริง"


def _reflections(db) -> None:
    for user in CIVIL:
        registered(db, user)
        reflection(db, user, lesson=PARENTS, worked="ผู้ปกครองและครูร่วมมือกัน")
    registered(db, YOUTH, network="youth")
    with db.unit_of_work() as session:
        members.find(session, YOUTH).province = "น่าน"
    reflection(db, YOUTH, lesson=BOOKS, worked="ทำบัญชีครัวเรือนด้วยกัน")


def _rows(page: str, word: str) -> list[tuple[str, str]]:
    """(uses, reflections) of a word's rows in the page's tables."""
    pattern = rf">{re.escape(word)}</a></td><td>(\d+)</td><td>(\d+)</td>"
    return re.findall(pattern, page)


def test_the_most_used_words_show_without_stop_words(app, db):
    _reflections(db)
    client = signed_in(app, db)
    page = client.get("/staff/themes").get_data(as_text=True)
    assert "จาก 4 บันทึกล่าสุด" in page
    assert _rows(page, "ผู้ปกครอง") == [("6", "3")]  # twice in each of three reflections
    assert _rows(page, "บัญชี") == [("2", "1")]
    assert _rows(page, "แสดงออก") == [("3", "3")]
    for stop_word in ("และ", "ทำให้", "ได้", "มา"):
        assert _rows(page, stop_word) == [], stop_word
    assert _rows(page, "ชวนผู้ปกครอง") == [("3", "3")]  # a phrase: two words side by side
    assert 'href="/staff/reflections?q=%E0%B8%9C' in page  # each word links to the search


def test_grouped_by_province_network_and_criterion(app, db):
    _reflections(db)
    client = signed_in(app, db)
    by_province = client.get("/staff/themes?by=province").get_data(as_text=True)
    assert "เชียงราย · 3 บันทึก" in by_province and "น่าน · 1 บันทึก" in by_province
    by_network = client.get("/staff/themes?by=network").get_data(as_text=True)
    assert "· 3 บันทึก" in by_network and "· 1 บันทึก" in by_network
    by_criterion = client.get("/staff/themes?by=criterion").get_data(as_text=True)
    assert "หลักคุณธรรมร่วม · 4 บันทึก" in by_criterion
    only = client.get("/staff/themes?province=น่าน").get_data(as_text=True)
    assert _rows(only, "บัญชี") and not _rows(only, "ผู้ปกครอง")


def test_a_province_account_sees_only_its_provinces_words(app, db):
    _reflections(db)
    client = signed_in(app, db, provinces=["น่าน"])
    page = client.get("/staff/themes").get_data(as_text=True)
    assert _rows(page, "บัญชี") and not _rows(page, "ผู้ปกครอง")


def test_the_themes_export_opens_in_excel_with_every_grouping(app, db):
    _reflections(db)
    client = signed_in(app, db)
    form = {"csrf_token": csrf(client, "/staff/themes"), "kind": "themes", "format": "csv"}
    response = client.post("/staff/export", data=form)
    assert response.status_code == 200 and response.data.startswith(b"\xef\xbb\xbf")
    rows = read_csv(response.data)
    assert rows[0] == ["จัดกลุ่มตาม", "กลุ่ม", "ชนิด", "อันดับ", "คำ/วลี", "จำนวนครั้ง", "จำนวนบันทึก"]
    assert ["จังหวัด", "เชียงราย", "คำ", "2", "ผู้ปกครอง", "6", "3"] in rows  # after ช่วยกัน (A–Z)
    assert {row[0] for row in rows[1:]} == {"เครือข่าย", "จังหวัด", "หลัก"}
    assert not any(row[4] in ("และ", "ทำให้") for row in rows[1:])
    form["format"] = "xlsx"
    assert client.post("/staff/export", data=form).data[:2] == b"PK"


def test_the_search_finds_a_thai_word_inside_unspaced_text(app, db):
    _reflections(db)
    client = signed_in(app, db)
    page = client.get("/staff/reflections", query_string={"q": "ลดหนี้"}).get_data(as_text=True)
    assert "พบ 1 รายการ" in page and "<mark>ลดหนี้</mark>" in page
    page = client.get("/staff/reflections", query_string={"q": "กล้าแสดง"}).get_data(as_text=True)
    assert "พบ 3 รายการ" in page
