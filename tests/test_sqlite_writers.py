"""SQLite's one writer: the threads of one process take turns, none polling the file's lock."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

import storage.db
from storage import members
from storage.models import Member


class _CountingTime:
    """The `time` that storage.db sees: counts the sleeps between two looks at the file's lock."""

    monotonic = staticmethod(time.monotonic)

    def __init__(self) -> None:
        self.sleeps = 0

    def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        time.sleep(seconds)


def test_threads_of_one_process_write_in_turn_without_polling_the_file(db, monkeypatch):
    if db.dialect != "sqlite":
        pytest.skip("PostgreSQL locks rows: its writers do not wait for one another here")
    counting = _CountingTime()
    monkeypatch.setattr(storage.db, "time", counting)
    start = threading.Barrier(4)

    def write(thread: int) -> None:
        start.wait()
        for n in range(10):
            with db.unit_of_work() as session:
                members.get_or_create(session, f"U{thread:016x}{n:016x}")
                time.sleep(0.002)  # hold the write lock while the others want it

    threads = [threading.Thread(target=write, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 40
    # Each waited for the one before it and began the moment it committed: a thread that looked
    # at the file's lock while another held it would have slept before looking again.
    assert counting.sleeps == 0
