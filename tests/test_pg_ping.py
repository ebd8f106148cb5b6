"""PostgreSQL: a pooled connection cut while idle is replaced before anyone uses it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from storage import pg_ping
from storage.db import Database, normalize_url


@pytest.fixture
def pool(database_url) -> Iterator[Database]:
    """A database of its own pool, on PostgreSQL only."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has no server to lose")
    db = Database(database_url)
    yield db
    db.engine.dispose()


def cut_while_idle(db: Database, database_url: str) -> int:
    """Use a connection, return it to the pool, end its server process (as a restart would) from
    a connection outside that pool, and leave it idle for 0.1 s; return the ended process's id."""
    with db.unit_of_work() as session:
        cut = session.scalar(text("SELECT pg_backend_pid()"))
    admin = create_engine(normalize_url(database_url), poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": cut})
        connection.commit()
    admin.dispose()
    time.sleep(0.1)
    return cut


def test_a_connection_cut_while_idle_is_replaced_before_use(pool, database_url, monkeypatch):
    monkeypatch.setattr(pg_ping, "IDLE_PING_SECONDS", 0.05)
    cut = cut_while_idle(pool, database_url)  # idle past the limit: checked when taken
    with pool.unit_of_work() as session:
        assert session.scalar(text("SELECT pg_backend_pid()")) != cut


def test_a_connection_used_a_moment_ago_is_not_checked_again(pool, database_url, monkeypatch):
    # The check is a round trip: under load (connections back in the pool for milliseconds)
    # there is none.
    monkeypatch.setattr(pg_ping, "IDLE_PING_SECONDS", 60.0)
    cut_while_idle(pool, database_url)
    # Not checked (idle for less than the limit): the cut connection is used, and fails.
    with pytest.raises(OperationalError), pool.unit_of_work() as session:
        session.scalar(text("SELECT 1"))
