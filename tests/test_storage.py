"""Storage keeps its promises on SQLite and PostgreSQL: migrations match models, races have one winner."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta, timezone

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from storage import deliveries, delivery_states, lanes, members
from storage.db import Database
from storage.models import Base, Delivery

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


def test_migrations_create_exactly_what_the_models_describe(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        assert compare_metadata(context, Base.metadata) == []


def test_datetimes_come_back_aware_in_utc(db):
    bangkok = timezone(timedelta(hours=7))
    with db.unit_of_work() as session:
        member = members.get_or_create(session, "U1")
        member.created_at = datetime(2021, 8, 9, 13, 30, tzinfo=bangkok)
    with db.unit_of_work() as session:
        stored = members.find(session, "U1").created_at
    assert stored.tzinfo is not None
    assert stored == datetime(2021, 8, 9, 6, 30, tzinfo=UTC)


def test_multicast_of_1201_recipients_is_three_chunks_each_with_its_own_retry_key(db):
    recipients = [f"U{i:032x}" for i in range(1201)]
    with db.unit_of_work() as session:
        ids = deliveries.enqueue_multicast(
            session, recipients, [{"type": "text", "text": "ประชุม"}], NOW, "m1"
        )
    with db.unit_of_work() as session:
        rows = [session.get(Delivery, i) for i in ids]
    assert [len(json.loads(row.recipients)) for row in rows] == [500, 500, 201]
    assert sum((json.loads(row.recipients) for row in rows), []) == recipients
    assert len({row.retry_key for row in rows}) == 3


def test_the_same_dedupe_key_is_enqueued_once(db):
    for _ in range(2):
        with db.unit_of_work() as session:
            deliveries.enqueue_multicast(
                session, ["U1", "U2"], [{"type": "text", "text": "x"}], NOW, "m2"
            )
    with db.unit_of_work() as session:
        assert len(list(session.scalars(select(Delivery)))) == 1


def test_a_lane_has_one_holder_even_when_many_race_for_it(db):
    winners: list[str] = []
    barrier = threading.Barrier(6)

    def claim(holder: str) -> None:
        database = Database(db.url)
        barrier.wait()
        with database.unit_of_work() as session:
            if lanes.try_claim(session, "u:U1", holder, NOW, timedelta(seconds=30)):
                winners.append(holder)
        database.dispose()

    threads = [threading.Thread(target=claim, args=(f"h{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1


def test_an_expired_lease_can_be_taken_over(db):
    with db.unit_of_work() as session:
        assert lanes.try_claim(session, "u:U1", "dead", NOW, timedelta(seconds=30))
    with db.unit_of_work() as session:
        assert not lanes.try_claim(
            session, "u:U1", "alive", NOW + timedelta(seconds=10), timedelta(seconds=30)
        )
    with db.unit_of_work() as session:
        assert lanes.try_claim(
            session, "u:U1", "alive", NOW + timedelta(seconds=31), timedelta(seconds=30)
        )


def test_a_claimed_delivery_is_not_claimed_twice(db):
    with db.unit_of_work() as session:
        [delivery_id] = deliveries.enqueue_push(session, "U1", [{"type": "text", "text": "x"}], NOW)
    lease = timedelta(seconds=60)
    with db.unit_of_work() as session:
        assert delivery_states.claim(session, delivery_id, NOW, lease) is not None
    with db.unit_of_work() as session:
        assert (
            delivery_states.claim(session, delivery_id, NOW + timedelta(seconds=5), lease) is None
        )
        assert delivery_states.due_ids(session, NOW + timedelta(seconds=5)) == []
