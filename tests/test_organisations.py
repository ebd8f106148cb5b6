"""Organisations as records: variants found, free text migrated into records, merges lose nothing."""

from __future__ import annotations

from sqlalchemy import text

from storage import members, organisations
from storage.db import Database
from storage.migrate import downgrade, upgrade
from storage.models.organisations import Organisation


def test_a_partial_or_misspelled_name_finds_the_organisation_and_unrelated_ones_do_not(db):
    with db.unit_of_work() as session:
        for name in ("โรงเรียนบ้านป่าอ้อ", "วัดร่องขุ่น", "เทศบาลตำบลแม่ยาว"):
            organisations.create(session, name, province="เชียงราย")
    with db.unit_of_work() as session:
        names = lambda typed: [o.name for o in organisations.suggest(session, typed)]  # noqa: E731
        assert names("ป่าอ้อ")[0] == "โรงเรียนบ้านป่าอ้อ"  # part of the name, no spaces
        assert names("รร. บ้านปาอ้อ")[0] == "โรงเรียนบ้านป่าอ้อ"  # abbreviated and misspelled
        assert names("ร่องขุ่น") == ["วัดร่องขุ่น"]
        assert names("โรงพยาบาลเชียงรายประชานุเคราะห์") == []
        assert organisations.find_exact(session, "รร.บ้านป่าอ้อ").name == "โรงเรียนบ้านป่าอ้อ"


def test_merging_moves_every_member_and_keeps_every_spelling(db):
    with db.unit_of_work() as session:
        keep = organisations.create(session, "โรงเรียนบ้านป่าอ้อ")
        drop = organisations.create(session, "รร.ป่าอ้อ ชร.")
        for user, org in (("U1", keep), ("U2", drop), ("U3", drop)):
            organisations.link(session, members.get_or_create(session, user), org)
        ids = keep.id, drop.id
    with db.unit_of_work() as session:
        assert organisations.merge(session, *ids) == 2
    with db.unit_of_work() as session:
        moved = organisations.members_of(session, ids[0])
        assert [m.line_user_id for m in moved] == ["U1", "U2", "U3"]
        assert {m.organisation for m in moved} == {"โรงเรียนบ้านป่าอ้อ"}
        kept = session.get(Organisation, ids[0])
        assert kept.original_names.splitlines() == ["โรงเรียนบ้านป่าอ้อ", "รร.ป่าอ้อ ชร."]
        assert organisations.get(session, ids[1]).id == ids[0]  # the old id still leads somewhere
        assert [o.id for o in organisations.active(session)] == [ids[0]]


def test_the_migration_groups_obvious_variants_and_keeps_what_members_typed(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0009")
    database = Database(url)
    typed = ["โรงเรียนบ้านป่าอ้อ", "รร. บ้านป่าอ้อ", "โรงเรียนบ้านปาอ้อ", "วัดร่องขุ่น",
             "โรงเรียนบ้านป่าอ้อย", None]  # fmt: skip
    with database.engine.begin() as connection:
        for i, name in enumerate(typed):
            connection.execute(
                text("INSERT INTO members (id, line_user_id, language, following, organisation,"
                     " province, created_at, updated_at) VALUES (:i, :u, 'th', 1, :o, 'เชียงราย',"
                     " '2026-01-01', '2026-01-01')"),
                {"i": i + 1, "u": f"U{i}", "o": name},
            )  # fmt: skip
    database.dispose()
    upgrade(url)
    database = Database(url)
    with database.unit_of_work() as session:
        rows = {m.line_user_id: m for m in (members.find(session, f"U{i}") for i in range(6))}
        assert (
            rows["U0"].organisation_id == rows["U1"].organisation_id == rows["U2"].organisation_id
        )
        assert rows["U1"].organisation == "รร. บ้านป่าอ้อ"  # what the member typed is kept
        assert rows["U4"].organisation_id != rows["U0"].organisation_id  # อ้อย is another place
        assert rows["U3"].organisation_id != rows["U0"].organisation_id
        assert rows["U5"].organisation_id is None
        school = session.get(Organisation, rows["U0"].organisation_id)
        assert (school.kind, school.province) == ("school", "เชียงราย")
        assert set(school.original_names.splitlines()) == set(typed[:3])
    database.dispose()
    downgrade(url, "0009")
