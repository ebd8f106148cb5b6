"""Worker processes (the Procfile's `worker:`) sharing one database with the web that stores."""

from __future__ import annotations

import signal
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from storage.models import Delivery, InboxEvent
from tests.processes import bot_env, free_port, gunicorn, inbox_worker, worker_ready
from tests.runtime.ordering import in_timestamp_order, members, out_of_order_pairs, post
from tests.waiting import wait_until

pytestmark = pytest.mark.slow


@pytest.mark.slow(seconds=25)
def test_three_workers_on_postgresql_answer_each_member_in_order_and_once(
    emulator, line, db, database_url, tmp_path
):
    if db.dialect != "postgresql":
        pytest.skip("workers on several machines share PostgreSQL; SQLite runs one worker")
    port = free_port()
    env = bot_env(emulator.url, database_url, port, INBOX_HOLDBACK_MS="300")
    web = gunicorn(port, env, tmp_path / "web.log", workers=2, worker=False)
    workers = [inbox_worker(env, tmp_path / f"worker-{n}.log", ready_timeout=0) for n in range(3)]
    try:
        for worker in workers:  # started together, each one handling before the stream
            worker_ready(worker)
        pairs = out_of_order_pairs(line, members(line, db, 40))
        # Each member's later event is posted first, in its own request, all members at once.
        events = [event for pair in pairs.values() for event in pair[::-1]]
        url = f"http://127.0.0.1:{port}/callback"
        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(lambda e: post(url, e), events)) == [200] * len(events)

        assert [m for m in pairs if not in_timestamp_order(line, m)] == []
        wait_until(lambda: _handled(db) == len(events), timeout=30)
        assert all(len(line.messages(m, since=0)["messages"]) == 2 for m in pairs)
        with db.unit_of_work() as session:
            sent = session.scalars(select(Delivery.sent_via)).all()
        assert sorted(set(sent)) == ["reply"] and len(sent) == len(events)
        logs = "".join(worker.output() for worker in workers)
        assert "Traceback" not in logs
    finally:
        for worker in workers:
            worker.stop()
        web.stop()


@pytest.mark.slow(seconds=12)
def test_a_worker_stopped_by_sigterm_finishes_its_batches_and_exits(
    emulator, line, db, database_url, tmp_path
):
    port = free_port()
    env = bot_env(emulator.url, database_url, port)
    web = gunicorn(port, env, tmp_path / "web.log", workers=1)
    try:
        pairs = out_of_order_pairs(line, members(line, db, 10))
        url = f"http://127.0.0.1:{port}/callback"
        assert [post(url, pair[0]) for pair in pairs.values()] == [200] * 10
        worker = web.parts[-1]
        worker.stop(signal.SIGTERM)
        assert worker.popen.returncode == 0, worker.output()[-2000:]
        assert "worker stopped" in worker.output()
        # Whatever it took was answered; what it had not taken waits, stored, for the next one.
        with db.unit_of_work() as session:
            claimed = session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.claimed_until.is_not(None))
            )
        assert claimed == 0
    finally:
        web.stop()


def _handled(db) -> int:
    with db.unit_of_work() as session:
        return session.scalar(
            select(func.count()).select_from(InboxEvent).where(InboxEvent.status == "done")
        )


def test_the_worker_hears_of_an_event_whose_webhook_commits_after_a_later_one(db):
    if db.dialect != "postgresql":
        pytest.skip("on SQLite one writer at a time: ids are given in commit order")
    from datetime import UTC, datetime

    from bot.worker_cli import InboxNews
    from storage import inbox
    from tests.events import text_event

    now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    news = InboxNews(db)
    try:
        assert news.arrived()  # the first look always sweeps
        with db.unit_of_work() as slow:  # a webhook still committing: it took the lower id
            inbox.store_events(slow, [text_event("สวัสดี", "U" + "1" * 32)], now)
            with db.unit_of_work() as quick:
                inbox.store_events(quick, [text_event("ช่วยเหลือ", "U" + "2" * 32)], now)
            assert news.arrived()
            assert not news.arrived()
        assert news.arrived()  # the newest id did not change; one more event waits
    finally:
        news.close()


def test_the_workers_look_connects_again_after_its_connection_is_cut(db):
    # On PostgreSQL the look keeps a connection of its own: after a restart of the server (here,
    # its backend ended) one look fails, and the next one connects again and hears the news.
    if db.dialect != "postgresql":
        pytest.skip("SQLite's look goes through the pool, as every read does")
    from datetime import UTC, datetime

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from bot.worker_cli import InboxNews
    from storage import inbox
    from tests.events import text_event

    news = InboxNews(db)
    try:
        assert news.arrived()
        [pid] = news._connection.execute(text("SELECT pg_backend_pid()")).one()
        with db.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        with db.unit_of_work() as session:
            now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
            inbox.store_events(session, [text_event("สวัสดี", "U" + "1" * 32)], now)
        with pytest.raises(DBAPIError):
            news.arrived()
        assert news.arrived()
    finally:
        news.close()


def test_the_workers_look_for_new_events_reads_no_handled_receipt(db):
    """The look runs 50 times a second: it must not read every receipt ever kept."""
    if db.dialect != "sqlite":
        pytest.skip("SQLite's query plan names each table it scans")
    from storage import inbox

    with db.reading() as session:
        compiled = inbox.ARRIVALS.compile(
            session.get_bind(), compile_kwargs={"literal_binds": True}
        )
        plan = [
            row[-1]
            for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        ]
    # Before, one aggregate read the whole table: "SCAN inbox_events USING COVERING INDEX ...".
    assert not [step for step in plan if step.startswith("SCAN inbox_events")], plan
    assert "SEARCH inbox_events USING COVERING INDEX ix_inbox_pending (status=?)" in plan
