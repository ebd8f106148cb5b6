"""A Chiang Rai-only staff account sees nothing from Chiang Mai on any staff route or export."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pypdf

import exports
from storage import members, organisations, selection
from storage.models.activities import ActivityPhoto
from tests import records
from tests.meetings import schedule
from tests.members import registered
from tests.staffweb import csrf, signed_in

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
CHIANG_RAI = [f"U{i:032x}" for i in range(1, 6)]
CHIANG_MAI = [f"U{i:032x}" for i in range(11, 16)]
HIDDEN = "สุเทพ"  # every Chiang Mai record carries it; nothing from Chiang Rai does
SHOWN = "ร่องขุ่น"


def _two_provinces(app, db) -> dict[str, list[int]]:
    media = app.extensions["bot"].config.media_dir
    ids: dict[str, list[int]] = {}
    for users, marker, province in (
        (CHIANG_RAI, SHOWN, "เชียงราย"),
        (CHIANG_MAI, HIDDEN, "เชียงใหม่"),
    ):
        for n, user in enumerate(users):
            registered(db, user, name=f"ครู{marker}{n}")
        with db.unit_of_work() as session:
            org = organisations.create(session, f"วัด{marker}", province=province)
            for user in users:
                member = members.find(session, user)
                member.province = province
                organisations.link(session, member, org)
            ids.setdefault("organisations", []).append(org.id)
        activity = records.activity(db, users[0], media, title=f"กวาดลานวัด{marker}")
        ids.setdefault("activities", []).append(activity)
        ids.setdefault("reflections", []).append(
            records.reflection(db, users[1], activity_id=activity, lesson=f"บทเรียน{marker}")
        )
        for user in users:
            records.assessment(db, user, note=f"เกียรติบัตร{marker}")
        ids.setdefault("meetings", []).append(
            schedule(
                db,
                datetime(2026, 12, 1, 3, tzinfo=UTC),
                NOW,
                organiser=users[0],
                title=f"ประชุม{marker}",
            )  # fmt: skip
        )
    with db.unit_of_work() as session:
        for province, org_id in zip(("เชียงราย", "เชียงใหม่"), ids["organisations"], strict=True):
            found = selection.open_round(session, f"รอบ{province}", province, {})
            candidate = selection.shortlist(session, found.id, org_id)
            ids.setdefault("selection", []).append(found.id)
            ids.setdefault("candidates", []).append(candidate.id)
        ids["photos"] = [p.id for p in session.query(ActivityPhoto).order_by(ActivityPhoto.id)]
    return ids


def _get_routes(app) -> list:
    return [r for r in app.url_map.iter_rules()
            if r.endpoint.startswith("staff.") and "GET" in r.methods]  # fmt: skip


def _pages(app, ids):
    """Every staff page with each record's id put in (both provinces' records)."""
    for rule in _get_routes(app):
        if not rule.arguments:
            yield rule.rule, None
            continue
        kind = rule.rule.split("/")[2]
        for index, record_id in enumerate(ids.get(kind, [])):
            path = rule.rule.replace(
                f"<int:{rule.rule.split('<int:')[1].split('>')[0]}>", str(record_id)
            )
            if "<int:candidate_id>" in path:  # a portfolio: the round's own candidate
                path = path.replace("<int:candidate_id>", str(ids["candidates"][index]))
            yield path, index


def test_a_chiang_rai_account_sees_nothing_from_chiang_mai_on_any_route_or_export(app, db):
    ids = _two_provinces(app, db)
    client = signed_in(app, db, provinces=["เชียงราย"])
    seen = 0
    for path, index in _pages(app, ids):
        response = client.get(path)
        if path.startswith("/staff/lang/") or path.endswith("/sign-in"):
            continue
        body = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
        if response.mimetype == "application/pdf":
            reader = pypdf.PdfReader(io.BytesIO(response.data))
            body = "".join(page.extract_text() for page in reader.pages)
        assert HIDDEN not in body, path
        if index == 1:  # a Chiang Mai record's own page or photo: not found
            assert response.status_code == 404, path
        if index == 0:
            assert response.status_code == 200, path
        seen += SHOWN in body
    assert seen >= 6  # the Chiang Rai records do show (the test can fail)
    overview = client.get("/staff/").get_data(as_text=True)
    assert '>5</div><div class="lbl">' in overview and '>10</div><div class="lbl">' not in overview
    token, exported = csrf(client, "/staff/export"), 0
    for kind in exports.registry():
        form = {"csrf_token": token, "kind": kind, "format": "csv"}
        response = client.post("/staff/export", data=form)
        if response.status_code == 400:  # a kind not ready yet
            continue
        text = response.data.decode("utf-8-sig")
        assert HIDDEN not in text, kind
        assert not any(user in text for user in CHIANG_MAI), kind
        exported += any(user in text for user in CHIANG_RAI)
    assert exported >= 4  # members, activities, reflections, assessments


def test_an_account_for_every_province_sees_both(app, db):
    _two_provinces(app, db)
    client = signed_in(app, db)
    for path in (
        "/staff/activities",
        "/staff/reflections",
        "/staff/meetings",
        "/staff/organisations",
    ):
        page = client.get(path).get_data(as_text=True)
        assert HIDDEN in page and SHOWN in page, path
    assert '>10</div><div class="lbl">' in client.get("/staff/").get_data(as_text=True)


def test_the_cli_makes_a_province_account_and_refuses_an_unknown_province(app, db):
    from sqlalchemy import select

    from storage.models.staff import StaffAccount

    runner = app.test_cli_runner()
    made = runner.invoke(
        args=["staff", "create", "cr@culture.example", "--province", "จ.เชียงราย"],
        input="long-enough-1\n" * 2,
    )
    assert made.exit_code == 0, made.output
    with db.unit_of_work() as session:
        account = session.scalars(select(StaffAccount)).one()
        assert (account.scope_provinces, account.scope_networks) == ("เชียงราย", None)
    bad = runner.invoke(
        args=["staff", "create", "x@culture.example", "--province", "แสนสุข"],
        input="long-enough-1\n" * 2,
    )
    assert bad.exit_code != 0 and "แสนสุข" in bad.output
