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
