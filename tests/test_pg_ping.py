"""PostgreSQL: a pooled connection cut while idle is replaced before anyone uses it."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from storage import pg_ping
from storage.db import Database, normalize_url


def end_backend(database_url: str, pid: int) -> None:
    """End a server process from a connection outside the pool under test, as a restart would."""
    admin = create_engine(normalize_url(database_url), poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        connection.commit()
    admin.dispose()


def test_a_connection_cut_while_idle_is_replaced_before_use(database_url, monkeypatch):
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has no server to lose")
    monkeypatch.setattr(pg_ping, "IDLE_PING_SECONDS", 0.05)
    db = Database(database_url)
    try:
        with db.unit_of_work() as session:
            cut = session.scalar(text("SELECT pg_backend_pid()"))
        end_backend(database_url, cut)
        time.sleep(0.1)  # idle past the limit: checked when taken from the pool
        with db.unit_of_work() as session:
            assert session.scalar(text("SELECT pg_backend_pid()")) != cut
    finally:
        db.engine.dispose()


def test_a_connection_used_a_moment_ago_is_not_checked_again(database_url, monkeypatch):
    # The check is a round trip: under load (connections back in the pool for milliseconds)
    # there is none.
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has no server to ping")
    monkeypatch.setattr(pg_ping, "IDLE_PING_SECONDS", 60.0)
    db = Database(database_url)
    try:
        with db.unit_of_work() as session:
            cut = session.scalar(text("SELECT pg_backend_pid()"))
        end_backend(database_url, cut)
        time.sleep(0.1)
        # Not checked (idle for less than the limit): the cut connection is used, and fails.
        with pytest.raises(OperationalError), db.unit_of_work() as session:
            session.scalar(text("SELECT 1"))
    finally:
        db.engine.dispose()
