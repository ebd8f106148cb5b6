"""The selection forms show what is saved: no decision or score the committee did not choose."""

from __future__ import annotations

import html
import re

from storage import organisations, selection
from tests.staffweb import csrf, signed_in

KEYS = ("principles", "participation", "results", "learning", "network")


def _round_with_candidate(db) -> tuple[int, int]:
    with db.unit_of_work() as session:
        org = organisations.create(session, "วัดร่องขุ่น", province="เชียงราย")
        found = selection.open_round(session, "รอบคัดเลือกปี 2569", "เชียงราย", {})
        candidate = selection.shortlist(session, found.id, org.id)
        return found.id, candidate.id


def _selected(page: str, name: str) -> list[str]:
    """The value of each chosen option of every <select name=...> on the page."""
    chosen = []
    for body in re.findall(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S):
        picked = re.search(r'<option value="([^"]*)" selected', body)
        chosen.append(picked.group(1) if picked else "(browser picks the first)")
    return chosen


def test_the_decision_form_shows_the_saved_decision_and_none_before_one_is_made(app, db):
    round_id, candidate_id = _round_with_candidate(db)
    client = signed_in(app, db)
    url = f"/staff/selection/{round_id}"
    page = client.get(url).get_data(as_text=True)
    assert _selected(page, "decision") == [""]  # "— เลือกผลการตัดสิน —", and the field is required
    assert re.search(r'<select name="decision" required>', page)
    token = csrf(client, url)
    form = {"csrf_token": token, "decision": "not_selected", "reasons": "หลักฐานยังไม่ครบ"}
    response = client.post(f"{url}/decide/{candidate_id}", data=form)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "บันทึกผลการตัดสินแล้ว" in page
    assert _selected(page, "decision") == ["not_selected"]
    # Editing only the reasons and saving keeps "not selected".
    form = {"csrf_token": token, "decision": _selected(page, "decision")[0],
            "reasons": "หลักฐานยังไม่ครบ ขาดหลักที่ 5"}  # fmt: skip
    assert client.post(f"{url}/decide/{candidate_id}", data=form).status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert _selected(page, "decision") == ["not_selected"]
    assert "<strong>ยังไม่ได้รับคัดเลือก</strong>" in page
    assert (
        client.post(f"{url}/decide/{candidate_id}", data={**form, "decision": ""}).status_code
        == 400
    )


def test_my_scores_start_empty_and_show_what_i_saved(app, db):
    round_id, candidate_id = _round_with_candidate(db)
    client = signed_in(app, db)
    url = f"/staff/selection/{round_id}"
    page = client.get(url).get_data(as_text=True)
    assert _selected(page, r"s_[a-z_]+") == [""] * 5
    token = csrf(client, url)
    # A scorer who picks only one criterion saves one score, not four made-up 1s.
    form = {"csrf_token": token, **{f"s_{k}": "" for k in KEYS}, "s_results": "4"}
    response = client.post(f"{url}/score/{candidate_id}", data=form)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "บันทึกคะแนนของคุณแล้ว" in page
    assert _selected(page, r"s_[a-z_]+") == ["", "", "4", "", ""]
    with db.unit_of_work() as session:
        from storage.models.selection import SelectionScore

        assert [(s.criterion, s.score) for s in session.query(SelectionScore)] == [("results", 4)]


def test_changing_a_decision_is_in_the_audit_log_with_the_organisation(app, db):
    round_id, candidate_id = _round_with_candidate(db)
    client = signed_in(app, db, admin=True)
    url = f"/staff/selection/{round_id}"
    token = csrf(client, url)
    for decision in ("selected", "not_selected"):
        form = {"csrf_token": token, "decision": decision, "reasons": "เหตุผลลับของกรรมการ"}
        assert client.post(f"{url}/decide/{candidate_id}", data=form).status_code == 302
    page = html.unescape(client.get("/staff/admin").get_data(as_text=True))
    assert page.count("บันทึกผลการตัดสินคัดเลือก") == 2
    assert "ยังไม่ได้ตัดสิน" in page  # the first decision replaced none
    assert "วัดร่องขุ่น" in page and "รอบคัดเลือกปี 2569" in page
    assert "เหตุผลลับของกรรมการ" not in page  # the reasons stay on the selection page
    assert 'ผลเดิม: ได้รับคัดเลือก</span> · <span class="detail">ผลใหม่: ยังไม่ได้รับคัดเลือก' in page
    assert 'ผลเดิม: ยังไม่ได้ตัดสิน</span> · <span class="detail">ผลใหม่: ได้รับคัดเลือก' in page


def test_failed_sign_ins_are_in_the_audit_log_without_password_or_typed_address(app, db):
    from tests.staffweb import EMAIL, try_sign_in

    admin = signed_in(app, db, admin=True)
    stranger = app.test_client()
    assert try_sign_in(stranger, EMAIL, "wrong-guess-123").status_code == 401
    assert try_sign_in(stranger, "nobody-here@example.org", "another-guess").status_code == 401
    page = html.unescape(admin.get("/staff/admin").get_data(as_text=True))
    assert page.count("เข้าสู่ระบบไม่สำเร็จ") == 2
    assert "รหัสผ่านไม่ถูกต้อง" in page and "ไม่มีบัญชีนี้" in page and "บัญชีที่ไม่รู้จัก" in page
    assert "wrong-guess-123" not in page and "another-guess" not in page
    assert "nobody-here" not in page
