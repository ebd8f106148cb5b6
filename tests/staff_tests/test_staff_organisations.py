"""Staff see organisations with likely duplicates and merge two: every member follows, nothing lost."""

from __future__ import annotations

from storage import members, organisations, staff_admin
from storage.models.organisations import Organisation
from tests.members import registered
from tests.staffweb import EMAIL, csrf, signed_in


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
    assert 'method="post" action="/staff/organisations/merge"' not in listing  # no one-click merge
    confirm = f"/staff/organisations/{drop}/merge?into={keep}"
    assert confirm in listing
    page = client.get(confirm).get_data(as_text=True)
    assert "สมาชิก 2 คน" in page and "ยืนยันรวม" in page
    with db.unit_of_work() as session:
        assert len(organisations.members_of(session, drop)) == 2  # looking merges nothing
    form = {"csrf_token": csrf(client, confirm), "keep": keep, "drop": drop}
    unconfirmed = client.post("/staff/organisations/merge", data=form)
    assert unconfirmed.headers["Location"].endswith(confirm)
    with db.unit_of_work() as session:
        assert len(organisations.members_of(session, drop)) == 2
    response = client.post("/staff/organisations/merge", data={**form, "confirm": "yes"})
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
    with db.unit_of_work() as session:
        entry = staff_admin.recent_entries(session)[0]
        assert entry.action == "merge_organisation" and entry.actor == EMAIL
        assert "รร.ป่าอ้อ" in entry.detail and "โรงเรียนบ้านป่าอ้อ" in entry.detail


def test_different_places_are_never_suggested_as_one(app, db):
    with db.unit_of_work() as session:
        for name in (
            "สำนักงานวัฒนธรรมจังหวัดเชียงราย", "สำนักงานพระพุทธศาสนาจังหวัดเชียงราย",
            "โรงเรียนเชียงรายวิทยาคม", "โรงเรียนสามัคคีวิทยาคม", "โรงเรียนบ้านป่าอ้อ",
            "ชุมชนบ้านป่าอ้อ", "วัดป่าอ้อ",
        ):  # fmt: skip
            organisations.create(session, name)
        organisations.create(session, "ร.ร.บ้านป่าอ้อ")
    listing = signed_in(app, db).get("/staff/organisations").get_data(as_text=True)
    start = listing.index("น่าจะเป็นองค์กรเดียวกัน")
    box = listing[start : listing.index("</section>", start)]
    assert box.count("รวม “") == 1  # only the two spellings of the one school
    assert "รวม “ร.ร.บ้านป่าอ้อ” เข้ากับ “โรงเรียนบ้านป่าอ้อ”" in box


def test_an_organisation_in_a_selection_round_is_not_merged_away(app, db):
    from storage import selection

    keep, drop = _three_members_in_two_spellings(db)
    with db.unit_of_work() as session:
        found = selection.open_round(session, "รอบคัดเลือก 2569", "เชียงราย", {})
        selection.shortlist(session, found.id, drop)
    client = signed_in(app, db)
    confirm = f"/staff/organisations/{drop}/merge?into={keep}"
    page = client.get(confirm).get_data(as_text=True)
    assert "รวม “รร.ป่าอ้อ” ไม่ได้ค่ะ" in page and "รอบคัดเลือก 2569" in page
    assert "ยืนยันรวม" not in page
    form = {"csrf_token": csrf(client, confirm), "keep": keep, "drop": drop, "confirm": "yes"}
    refused = client.post("/staff/organisations/merge", follow_redirects=True, data=form)
    assert "รวม “รร.ป่าอ้อ” ไม่ได้ค่ะ" in refused.get_data(as_text=True)
    with db.unit_of_work() as session:
        assert len(organisations.members_of(session, drop)) == 2
        assert session.get(Organisation, drop).merged_into_id is None
        assert not [e for e in staff_admin.recent_entries(session) if e.action.startswith("merge")]


def test_a_merge_without_the_form_token_or_into_itself_is_refused(app, db):
    keep, drop = _three_members_in_two_spellings(db)
    client = signed_in(app, db)
    assert client.post(
        "/staff/organisations/merge", data={"keep": keep, "drop": drop}
    ).status_code in (400, 403)
    form = {"csrf_token": csrf(client, "/staff/organisations"), "keep": keep, "drop": keep}
    form["confirm"] = "yes"
    assert client.post("/staff/organisations/merge", data=form).status_code == 400
    with db.unit_of_work() as session:
        assert len(organisations.members_of(session, drop)) == 2


def test_an_organisation_page_groups_evidence_by_criterion_and_hides_small_medians(app, db):
    from datetime import UTC, datetime

    from tests import records

    media = app.extensions["bot"].config.media_dir
    users = [f"U{i:032x}" for i in range(1, 8)]
    for i, user in enumerate(users):
        registered(db, user, name=f"ครู{i}")
    with db.unit_of_work() as session:
        school = organisations.create(session, "โรงเรียนบ้านป่าอ้อ")
        temple = organisations.create(session, "วัดร่องขุ่น")
        for user in users[:6]:
            organisations.link(session, members.find(session, user), school)
        organisations.link(session, members.find(session, users[6]), temple)
        school_id = school.id
    records.activity(db, users[0], media, title="เก็บขยะรอบโรงเรียน")  # criteria 2 and 3
    records.activity(db, users[6], media, title="กวาดลานวัด")  # another organisation's
    records.reflection(db, users[1], lesson="เด็กๆ ช่วยกันคิดกติกาห้องเรียน")  # criteria 1 and 2
    for user in users[:5]:  # five members in one quarter: a median
        records.assessment(db, user, scores=(4, 4, 4, 4, 4), at=datetime(2026, 2, 1, tzinfo=UTC))
    for user in users[:2]:  # two in the next: only the count
        records.assessment(db, user, scores=(1, 1, 1, 1, 1), at=datetime(2026, 5, 1, tzinfo=UTC))
    page = signed_in(app, db).get(f"/staff/organisations/{school_id}").get_data(as_text=True)
    assert "มีหลักฐาน 3 จาก 5 หลัก" in page
    assert page.count("เก็บขยะรอบโรงเรียน") == 2 and "กวาดลานวัด" not in page
    assert page.count("เด็กๆ ช่วยกันคิดกติกาห้องเรียน") == 2
    assert page.count("ยังไม่มีกิจกรรมหรือบทเรียนในหลักนี้") == 2
    assert page.count("/staff/photos/") == 2  # the activity's photo under both its criteria
    assert "2026-Q1" in page and "4.0 <span" in page and "(n=5)" in page
    assert "2 คน (แสดงเมื่อครบ 5 คน)" in page and "1.0 <span" not in page


def test_staff_set_an_organisations_district_within_their_scope(app, db):
    keep, drop = _three_members_in_two_spellings(db)
    client = signed_in(app, db, provinces=["เชียงราย"])
    token = csrf(client, f"/staff/organisations/{keep}")
    form = {"csrf_token": token, "district": "อำเภอเมืองเชียงราย"}
    response = client.post(f"/staff/organisations/{keep}/district", data=form)
    assert response.status_code == 302
    page = client.get(f"/staff/organisations/{keep}").get_data(as_text=True)
    assert "อำเภอ/เขต เมืองเชียงราย" in page  # the prefix is dropped, the name kept
    assert client.post(f"/staff/organisations/{drop}/district", data=form).status_code == 404
    assert client.post(
        f"/staff/organisations/{keep}/district", data={"district": "x"}
    ).status_code in (400, 403)
    with db.unit_of_work() as session:
        assert session.get(Organisation, keep).district == "เมืองเชียงราย"
        assert session.get(Organisation, drop).district is None


def test_an_organisations_activities_are_newest_first_under_each_criterion(app, db):
    from datetime import date

    from tests import records

    media = app.extensions["bot"].config.media_dir
    user = "U" + "a" * 32
    registered(db, user, name="ครูสมศรี")
    with db.unit_of_work() as session:
        school = organisations.create(session, "โรงเรียนบ้านห้วยไคร้")
        organisations.link(session, members.find(session, user), school)
        school_id = school.id
    # Logged out of order (as members do, catching up): March, then January, then June.
    for title, held in (("ประชุมผู้ปกครองมีนาคม", date(2026, 3, 1)),
                        ("ปลูกป่ามกราคม", date(2026, 1, 15)),
                        ("ทำบุญตักบาตรมิถุนายน", date(2026, 6, 10))):  # fmt: skip
        records.activity(db, user, media, title=title, held_on=held, photo=False)
    page = signed_in(app, db).get(f"/staff/organisations/{school_id}").get_data(as_text=True)
    first = [page.find(t) for t in ("ทำบุญตักบาตรมิถุนายน", "ประชุมผู้ปกครองมีนาคม", "ปลูกป่ามกราคม")]
    assert -1 not in first and first == sorted(first), first  # June, March, January
