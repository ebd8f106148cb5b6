"""Erased means gone from the disk too: no deleted words left in SQLite's file or its log, and
PostgreSQL's dead rows vacuumed once an erasure has committed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from storage import erasure
from storage.db import Database
from storage.migrate import upgrade
from tests import records
from tests.members import registered

USER = "U" + "d" * 32
NAME = "คุณทดสอบลบถาวร"
LESSON = "บทเรียนลับเฉพาะที่ต้องหายไปจากดิสก์"


def _left_on_disk(path: Path) -> list[str]:
    found = []
    for file in (path, path.with_name(path.name + "-wal")):
        raw = file.read_bytes() if file.exists() else b""
        found += [f"{file.name}: {n}" for n in (USER, NAME, LESSON) if n.encode() in raw]
    return found


def _member_with_a_reflection(db: Database) -> None:
    registered(db, USER, name=NAME)
    records.reflection(db, USER, lesson=LESSON)


@pytest.fixture
def sqlite_file(tmp_path):
    path = tmp_path / "disk.sqlite3"
    upgrade(f"sqlite:///{path}")
    database = Database(f"sqlite:///{path}")
    yield database, path
    database.dispose()


def test_every_sqlite_connection_overwrites_what_it_deletes(sqlite_file):
    database, _ = sqlite_file
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_after_an_erasure_neither_the_sqlite_file_nor_its_log_holds_the_member(sqlite_file):
    database, path = sqlite_file
    _member_with_a_reflection(database)
    assert _left_on_disk(path)  # the words are there to be found before
    with database.unit_of_work() as session:
        erasure.erase_member(session, USER)
    assert database.forget_erased() is True
    assert _left_on_disk(path) == []
    assert path.with_name(path.name + "-wal").stat().st_size == 0
    assert database.forget_erased() is False  # nothing more to clean


def test_the_control_a_plain_delete_without_these_steps_leaves_the_words_readable(sqlite_file):
    database, path = sqlite_file
    _member_with_a_reflection(database)
    database.dispose()
    plain = sqlite3.connect(path, isolation_level=None)
    plain.execute("PRAGMA secure_delete=OFF")
    plain.execute("PRAGMA foreign_keys=ON")
    plain.execute("DELETE FROM reflections")
    plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    plain.close()
    # Checkpointed, yet the deleted cell's bytes stay in the page: secure_delete is what zeroes it.
    assert f"{path.name}: {LESSON}" in _left_on_disk(path)


def test_a_rolled_back_erasure_leaves_nothing_to_clean(sqlite_file):
    database, _ = sqlite_file
    _member_with_a_reflection(database)
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        erasure.erase_member(session, USER)
        raise RuntimeError("the unit of work fails")
    assert database.forget_erased() is False


def test_on_postgresql_the_erased_tables_are_vacuumed_after_the_commit(db):
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    _member_with_a_reflection(db)

    def vacuums() -> int:
        with db.engine.connect() as connection:
            return connection.execute(text(
                "SELECT coalesce(sum(vacuum_count), 0) FROM pg_stat_user_tables"
                " WHERE relname IN ('members', 'reflections')")).scalar()  # fmt: skip

    before = vacuums()
    with db.unit_of_work() as session:
        erasure.erase_member(session, USER)
    assert db.forget_erased() is True
    assert vacuums() >= before + 2
