"""Erasure and disclosure cover every table that can name a member, and files go with rows."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, create_engine, text

from storage import erasure, members
from storage.erasure import Subject
from storage.media import MediaStore
from storage.migrate import upgrade
from storage.models import Base
from storage.models.meetings import Meeting, Rsvp
from tests import records
from tests.members import registered
from tests.scan import mentions, references

USER = "U" + "a" * 32
NEXT = "U" + "b" * 32


def test_every_table_naming_a_member_has_an_eraser_and_a_describer():
    problems = erasure.uncovered(Base.metadata)
    assert problems == [], "\n".join(problems)
    # The rule really looks at these tables (a derived test that found nothing would pass).
    assert {"activities", "activity_photos", "reflections", "assessments", "rsvps", "members",
            "member_roles", "meetings", "invites", "conversations"} <= erasure.tables_naming_members(
        Base.metadata)  # fmt: skip


def test_a_table_added_without_an_eraser_is_named_with_what_to_add():
    metadata = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(metadata)
    Table("badges", metadata, Column("id", Integer, primary_key=True),
          Column("member_id", ForeignKey("members.id")))  # fmt: skip
    Table("stickers", metadata, Column("id", Integer, primary_key=True),
          Column("line_user_id", String(64)))  # fmt: skip
    problems = erasure.uncovered(metadata)
    assert any("'badges'" in p and "@eraser('badges')" in p for p in problems)
    assert any("'badges'" in p and "@describer('badges')" in p for p in problems)
    assert any("'stickers'" in p and "@eraser('stickers')" in p for p in problems)
    assert len(problems) == 4


def _everything(db, tmp_path):
    registered(db, USER, roles=(("coordinator", "civil"),))
    first = records.activity(db, USER, tmp_path, title="ปลูกป่า")
    records.activity(db, USER, tmp_path, title="เก็บขยะ", photo=False)
    records.reflection(db, USER, activity_id=first)
    records.assessment(db, USER)
    with db.unit_of_work() as session:
        member = members.find(session, USER)
        meeting = Meeting(title="ประชุมเครือข่าย", starts_at=datetime(2026, 12, 1, 3, tzinfo=UTC),
                          audience="members", plan="[]", organiser_id=member.id)  # fmt: skip
        session.add(meeting)
        session.flush()
        session.add(Rsvp(meeting_id=meeting.id, member_id=member.id, answer="yes"))
        # A file of an abandoned log: no row refers to it, yet it is the member's.
        MediaStore(tmp_path).save_image(member.id, records.PNG[:-1] + b"\x00")
        return member.id


def test_my_data_describes_every_record(db, tmp_path):
    _everything(db, tmp_path)
    with db.unit_of_work() as session:
        subject = erasure.subject_of(session, USER, tmp_path)
        facts = {f.key: dict(f.params) for f in erasure.describe_member(session, subject)}
    assert facts["mydata.activities"] == {"count": 2, "photos": 1}
    assert facts["mydata.activity_item_photos"]["title"] == "ปลูกป่า"
    assert facts["mydata.activity_item"]["title"] == "เก็บขยะ"
    assert facts["mydata.reflections"] == {"count": 1}
    assert facts["mydata.assessments"] == {"count": 1}
    assert facts["mydata.rsvps"] == {"count": 1}
    assert facts["mydata.rsvp_item.yes"]["title"] == "ประชุมเครือข่าย"
    assert facts["mydata.meetings_organised"] == {"count": 1}


def test_erasing_leaves_no_row_or_file_and_the_next_member_gets_a_new_id(db, tmp_path):
    member_id = _everything(db, tmp_path)
    folder = MediaStore(tmp_path).member_dir(member_id)
    assert len(os.listdir(folder)) == 2
    with db.unit_of_work() as session:
        removed = erasure.erase_member(session, USER, tmp_path)
    assert removed["activities"] == 2 and removed["reflections"] == 1
    assert mentions(db, USER) == []
    assert references(db, "members", member_id) == []
    assert not folder.exists()
    assert list(tmp_path.rglob("*.*")) == []
    registered(db, NEXT)
    with db.unit_of_work() as session:
        assert members.find(session, NEXT).id > member_id
    assert MediaStore(tmp_path).member_files(member_id + 1) == set()


def test_a_rolled_back_erasure_keeps_the_folder(db, tmp_path):
    member_id = _everything(db, tmp_path)
    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        erasure.erase_member(session, USER, tmp_path)
        raise RuntimeError("the unit of work fails")
    assert len(MediaStore(tmp_path).member_files(member_id)) == 2


def test_migration_0010_keeps_every_row_and_stops_id_reuse_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path}/old.sqlite3"
    upgrade(url, "0009")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("PRAGMA foreign_keys=ON"))
        connection.execute(text(
            "INSERT INTO members (id, line_user_id, language, following, created_at, updated_at)"
            " VALUES (1, :a, 'th', 1, '2026-01-01', '2026-01-01'),"
            " (2, :b, 'th', 1, '2026-01-01', '2026-01-01')"), {"a": USER, "b": NEXT})  # fmt: skip
        connection.execute(
            text(
                "INSERT INTO member_roles (member_id, role, network, granted_at) VALUES (2, 'staff', NULL, '2026-01-01')"
            )
        )
    engine.dispose()
    upgrade(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("PRAGMA foreign_keys=ON"))
        assert connection.execute(text("SELECT count(*) FROM member_roles")).scalar() == 1
        connection.execute(text("DELETE FROM member_roles"))
        connection.execute(text("DELETE FROM members WHERE id = 2"))
        connection.execute(text(
            "INSERT INTO members (line_user_id, language, following, created_at, updated_at)"
            " VALUES ('U' || :c, 'th', 1, '2026-01-01', '2026-01-01')"), {"c": "c" * 32})  # fmt: skip
        assert connection.execute(text("SELECT max(id) FROM members")).scalar() == 3
    engine.dispose()


def test_the_subject_without_a_member_row_erases_nothing_of_others(db, tmp_path):
    registered(db, NEXT)
    with db.unit_of_work() as session:
        assert erasure.erase_member(session, USER, tmp_path).get("activities") == 0
        assert members.find(session, NEXT) is not None
    assert Subject(USER, None).member_id is None
