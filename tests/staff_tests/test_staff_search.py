"""Thai search finds what was meant however it was spaced or numbered, counts and highlights it."""

from __future__ import annotations

from staff.search import highlight, normalize
from tests.members import registered
from tests.records import reflection
from tests.staffweb import signed_in

SOMSRI = "U" + "a" * 32


def test_mai_yamok_spaces_and_thai_digits_are_found_either_way(app, db):
    registered(db, SOMSRI)
    reflection(db, SOMSRI, lesson="เด็ก ๆ ช่วยกันเก็บขยะ ๒ ถุง")
    reflection(db, SOMSRI, lesson="เด็กๆ ชอบมาก")
    reflection(db, SOMSRI, lesson="ผู้ใหญ่ช่วยกัน")
    client = signed_in(app, db)
    for query in ("เด็กๆ", "เด็ก ๆ", "เด็ก  ๆ"):
        page = client.get("/staff/reflections", query_string={"q": query}).get_data(as_text=True)
        assert "พบ 2 รายการ" in page, query
        assert "<mark>เด็ก ๆ</mark>" in page and "<mark>เด็กๆ</mark>" in page
    page = client.get("/staff/reflections", query_string={"q": "2 ถุง"}).get_data(as_text=True)
    assert "พบ 1 รายการ" in page and "<mark>๒ ถุง</mark>" in page


def test_highlight_escapes_what_members_wrote():
    shown = highlight("<b>เด็กๆ</b>", "เด็ก ๆ")
    assert str(shown) == "&lt;b&gt;<mark>เด็กๆ</mark>&lt;/b&gt;"
    assert normalize(" ๑ ๒ ") == "12"
    assert highlight("ไม่มี", "เด็ก") is None


def test_a_bad_date_is_said_by_its_field_and_the_list_counts_without_a_search_word(app, db):
    from datetime import UTC, datetime

    registered(db, SOMSRI)
    reflection(db, SOMSRI, lesson="บทเรียนเก่า", at=datetime(2021, 8, 9, tzinfo=UTC))
    reflection(db, SOMSRI, lesson="บทเรียนใหม่", at=datetime(2026, 11, 9, tzinfo=UTC))
    client = signed_in(app, db)
    page = client.get("/staff/reflections").get_data(as_text=True)
    assert "พบ 2 รายการ" in page  # no search word, still counted
    filtered = {"from": "1/1/2569"}
    page = client.get("/staff/reflections", query_string=filtered).get_data(as_text=True)
    assert "พบ 1 รายการ" in page and "บทเรียนใหม่" in page and "บทเรียนเก่า" not in page
    for bad in ("31/2/2569", "abc"):
        page = client.get("/staff/reflections", query_string={"from": bad}).get_data(as_text=True)
        error = f'<span class="error small" id="error-from" role="alert">อ่านวันที่ “{bad}” ไม่ได้'
        assert error in page, bad
        assert "รายการที่แสดงยังไม่ได้กรองตามค่านี้" in page and "พบ 2 รายการ" in page
    backwards = {"from": "1/12/2569", "to": "1/1/2569"}
    page = client.get("/staff/reflections", query_string=backwards).get_data(as_text=True)
    assert 'id="error-to"' in page and "วันเริ่มต้นอยู่หลังวันสิ้นสุด" in page
    page = client.get("/staff/activities", query_string={"to": "abc"}).get_data(as_text=True)
    assert 'id="error-to"' in page and "พบ 0 รายการ" in page
