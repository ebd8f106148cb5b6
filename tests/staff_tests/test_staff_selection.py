"""A selection round on the staff web: open, shortlist, two scorers, side by side, decision."""

from __future__ import annotations

import re

from storage import organisations
from storage.models.selection import SelectionCandidate
from tests.staffweb import PASSWORD, add_staff, csrf, signed_in, try_sign_in

KEYS = ("principles", "participation", "results", "learning", "network")


def _orgs(db) -> tuple[int, int, int]:
    with db.unit_of_work() as session:
        made = [organisations.create(session, "โรงเรียนบ้านป่าอ้อ", province="เชียงราย"),
                organisations.create(session, "วัดร่องขุ่น", province="เชียงราย"),
                organisations.create(session, "วัดพระธาตุดอยสุเทพ", province="เชียงใหม่")]  # fmt: skip
        return tuple(org.id for org in made)


def _second_scorer(app, db):
    add_staff(db, "committee2@moralcenter.example")
    client = app.test_client()
    assert try_sign_in(client, "committee2@moralcenter.example", PASSWORD).status_code == 302
    return client


def _criteria_keys(page: str) -> list[str]:
    return re.findall(r'name="s_([a-z_]+)"', page)[:5]


def test_a_round_from_opening_to_decision_with_two_scorers(app, db):
    school, temple, elsewhere = _orgs(db)
    first = signed_in(app, db)
    token = csrf(first, "/staff/selection")
    form = {"csrf_token": token, "name": "รอบคัดเลือกปี 2569", "province": "เชียงราย",
            **{f"w_{key}": "1" for key in KEYS}, "w_principles": "2"}  # fmt: skip
    response = first.post("/staff/selection", data=form)
    assert response.status_code == 302
    round_page = response.headers["Location"]
    page = first.get(round_page).get_data(as_text=True)
    assert "รอบคัดเลือกปี 2569" in page and "วัดร่องขุ่น" in page and "ดอยสุเทพ" not in page
    shortlist = round_page + "/shortlist"
    for org in (school, temple):
        assert (
            first.post(shortlist, data={"csrf_token": token, "organisation": org}).status_code
            == 302
        )
    assert (
        first.post(shortlist, data={"csrf_token": token, "organisation": elsewhere}).status_code
        == 400
    )
    with db.unit_of_work() as session:
        candidates = {c.organisation_id: c.id for c in session.query(SelectionCandidate)}
    page = first.get(round_page).get_data(as_text=True)
    keys = _criteria_keys(page)
    assert len(keys) == 5
    second = _second_scorer(app, db)
    token2 = csrf(second, round_page)
    for client, tok, value in ((first, token, 5), (second, token2, 3)):
        scores = {f"s_{key}": value for key in keys}
        scores[f"c_{keys[0]}"] = f"หลักฐานชัดเจน {value}"
        url = f"{round_page}/score/{candidates[school]}"
        assert client.post(url, data={"csrf_token": tok, **scores}).status_code == 302
    bad = {"csrf_token": token, f"s_{keys[0]}": 9}
    assert first.post(f"{round_page}/score/{candidates[temple]}", data=bad).status_code == 400
    page = first.get(round_page).get_data(as_text=True)
    assert page.count("เฉลี่ย 4 · ต่างกัน 2") == 5  # both scorers side by side, with the spread
    assert "หลักฐานชัดเจน 5" in page and "หลักฐานชัดเจน 3" in page
    assert "<strong>4.0</strong>" in page  # weighted score of the school
    decide = f"{round_page}/decide/{candidates[school]}"
    assert (
        first.post(
            decide, data={"csrf_token": token, "decision": "selected", "reasons": ""}
        ).status_code
        == 400
    )
    reasons = "มีหลักฐานครบทั้ง 5 หลัก และชุมชนมีส่วนร่วม"
    form = {"csrf_token": token, "decision": "selected", "reasons": reasons}
    assert first.post(decide, data=form).status_code == 302
    page = second.get(round_page).get_data(as_text=True)
    assert "ได้รับคัดเลือก" in page and reasons in page


def test_a_round_outside_the_account_scope_is_not_found(app, db):
    _orgs(db)
    client = signed_in(app, db, provinces=["เชียงใหม่"])
    token = csrf(client, "/staff/selection")
    form = {"csrf_token": token, "name": "รอบเชียงราย", "province": "เชียงราย"}
    assert client.post("/staff/selection", data=form).status_code == 400
    form.update(province="เชียงใหม่", name="รอบเชียงใหม่")
    url = client.post("/staff/selection", data=form).headers["Location"]
    assert client.get(url).status_code == 200
    with db.unit_of_work() as session:
        from storage import selection
        from storage.models.selection import SelectionRound

        other = selection.open_round(session, "รอบเชียงราย", "เชียงราย", {})
        other_id = other.id
        assert session.query(SelectionRound).count() == 2
    assert client.get(f"/staff/selection/{other_id}").status_code == 404
    listing = client.get("/staff/selection").get_data(as_text=True)
    assert "รอบเชียงใหม่" in listing and "รอบเชียงราย" not in listing
