"""Reads never queue behind a writer on SQLite, and a read-only session keeps nothing it was given."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from storage import members
from storage.models import Member


def test_a_read_runs_while_another_unit_of_work_holds_the_write_lock(db):
    with db.unit_of_work() as session:
        members.get_or_create(session, "U" + "1" * 32)
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with db.unit_of_work() as session:
            members.get_or_create(session, "U" + "2" * 32)
            session.flush()  # on PostgreSQL the row lock; on SQLite the write lock since BEGIN
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        with db.reading() as session:
            seen = session.scalars(select(Member.line_user_id)).all()
        waited = time.monotonic() - started
    finally:
        release.set()
        thread.join()
    # The reader saw the committed member, not the writer's uncommitted one, and did not wait.
    assert seen == ["U" + "1" * 32]
    assert waited < 1.0


def test_a_read_only_session_saves_nothing(db):
    with db.reading() as session:
        members.get_or_create(session, "U" + "3" * 32)
        session.flush()
    with db.reading() as session:
        assert session.scalars(select(Member)).all() == []
