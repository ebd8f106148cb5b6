"""Staff see organisations with likely duplicates and merge two: every member follows, nothing lost."""

from __future__ import annotations

from storage import members, organisations
from storage.models.organisations import Organisation
from tests.members import registered
from tests.staffweb import csrf, signed_in


def _three_members_in_two_spellings(db) -> tuple[int, int]:
    for user, name in (
        ("U" + "1" * 32, "ครูดาว"),
        ("U" + "2" * 32, "ครูเดือน"),
        ("U" + "3" * 32, "ลุงมี"),
    ):
        registered(db, user, name=name)
    with db.unit_of_work() as session:
        keep = organisations.create(session, "โรงเรียนบ้านป่าอ้อ", province="เชียงราย")
        drop = organisations.create(session, "รร.ป่าอ้อ")
        organisations.create(session, "วัดร่องขุ่น")
        organisations.link(session, members.find(session, "U" + "1" * 32), keep)
        for user in ("U" + "2" * 32, "U" + "3" * 32):
            organisations.link(session, members.find(session, user), drop)
        return keep.id, drop.id


def test_staff_merge_two_spellings_and_every_member_follows(app, db):
    keep, drop = _three_members_in_two_spellings(db)
    client = signed_in(app, db)
    listing = client.get("/staff/organisations").get_data(as_text=True)
    assert "น่าจะเป็นองค์กรเดียวกัน" in listing
    assert "รวม “รร.ป่าอ้อ” เข้ากับ “โรงเรียนบ้านป่าอ้อ”" in listing
    assert "วัดร่องขุ่น</a>" in listing and "รวม “วัดร่องขุ่น”" not in listing
    form = {"csrf_token": csrf(client, "/staff/organisations"), "keep": keep, "drop": drop}
    response = client.post("/staff/organisations/merge", data=form)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "ย้ายสมาชิก 2 คนมาที่นี่" in page and "สมาชิก 3 คน" in page
    assert "ครูดาว" in page and "ครูเดือน" in page and "ลุงมี" in page
    assert "<li>รร.ป่าอ้อ</li>" in page  # the other spelling is kept
    with db.unit_of_work() as session:
        assert {m.organisation_id for m in organisations.members_of(session, keep)} == {keep}
        assert len(organisations.members_of(session, keep)) == 3
        assert session.get(Organisation, drop).merged_into_id == keep
    assert client.get(f"/staff/organisations/{drop}").status_code == 302  # old links still lead
    listing = client.get("/staff/organisations").get_data(as_text=True)
    assert "รร.ป่าอ้อ</a>" not in listing and "น่าจะเป็นองค์กรเดียวกัน" not in listing


def test_a_merge_without_the_form_token_or_into_itself_is_refused(app, db):
    keep, drop = _three_members_in_two_spellings(db)
    client = signed_in(app, db)
    assert client.post(
        "/staff/organisations/merge", data={"keep": keep, "drop": drop}
    ).status_code in (400, 403)
    form = {"csrf_token": csrf(client, "/staff/organisations"), "keep": keep, "drop": keep}
    assert client.post("/staff/organisations/merge", data=form).status_code == 400
    with db.unit_of_work() as session:
        assert len(organisations.members_of(session, drop)) == 2
