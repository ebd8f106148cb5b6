"""A refusal in the staff web is a Thai page in the staff layout, with a short English line; a
record outside the account's provinces looks exactly like one that does not exist."""

from __future__ import annotations

from storage import members
from tests import records
from tests.members import registered
from tests.staffweb import signed_in

CHIANG_MAI = "U" + "c" * 32
NOT_FOUND = "ไม่พบรายการนี้ หรืออยู่นอกขอบเขตจังหวัดของบัญชีนี้"


def _thai_refusal(response, code: int, thai: str, english: str) -> str:
    assert response.status_code == code
    page = response.get_data(as_text=True)
    assert thai in page and english in page
    assert "Not Found</h1>" not in page and "Forbidden</h1>" not in page
    assert 'class="brand"' in page  # the staff layout
    return page


def test_another_provinces_record_reads_like_a_missing_one(app, db):
    registered(db, CHIANG_MAI, name="ครูสุเทพ")
    with db.unit_of_work() as session:
        members.find(session, CHIANG_MAI).province = "เชียงใหม่"
    hidden = records.activity(db, CHIANG_MAI, app.extensions["bot"].config.media_dir)
    client = signed_in(app, db, provinces=["เชียงราย"])
    english = "This item was not found"
    outside = _thai_refusal(client.get(f"/staff/activities/{hidden}"), 404, NOT_FOUND, english)
    missing = _thai_refusal(client.get("/staff/activities/999999"), 404, NOT_FOUND, english)
    same = outside.replace(f"activities/{hidden}", "activities/N")
    assert same == missing.replace("activities/999999", "activities/N")  # nothing tells them apart
    assert "ครูสุเทพ" not in outside and "/staff/sign-out" in outside  # still signed in
    _thai_refusal(client.get("/staff/export/jobs/someone-elses"), 404, NOT_FOUND, english)
    _thai_refusal(client.get("/staff/no-such-page"), 404, NOT_FOUND, english)


def test_a_page_for_admins_only_says_so_in_thai(app, db):
    client = signed_in(app, db)
    _thai_refusal(client.get("/staff/admin"), 403, "บัญชีนี้ไม่มีสิทธิ์เปิดหน้านี้", "may not open")


def test_other_paths_keep_their_own_answers(app):
    response = app.test_client().get("/no-such-path")
    assert response.status_code == 404 and "ไม่พบรายการนี้" not in response.get_data(as_text=True)
