"""Create engines and sessions for SQLite (WAL, busy timeout) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
# How long a writer waiting for SQLite's write lock sleeps before looking again (seconds).
SQLITE_LOCK_POLL_FIRST, SQLITE_LOCK_POLL_MAX = 0.001, 0.005
READ_ONLY = "bot_read_only"  # execution option: a unit of work that only reads


def normalize_url(url: str) -> str:
    """Return the URL with the psycopg 3 driver named for plain PostgreSQL URLs."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _tune_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers and one writer work at once across gunicorn workers; the busy timeout
    # makes a second writer wait instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(conn) -> None:
    # pysqlite's deferred BEGIN upgrades to a write lock late and can deadlock two writers;
    # taking the write lock at BEGIN makes concurrent units of work simply queue.
    # SQLite's own busy handler sleeps ever longer between tries (up to 100 ms each), so under
    # load a writer waited far longer than the lock was held (webhook p99 near a second); here
    # the wait for the lock looks again every few milliseconds, with the same 30 s limit.
    raw = conn.connection.dbapi_connection
    if conn.get_execution_options().get(READ_ONLY):
        # A reader (an export streaming for a minute) must not hold the one write lock: under
        # WAL a deferred transaction reads a steady snapshot while writers carry on.
        raw.execute("BEGIN")
        return
    raw.execute("PRAGMA busy_timeout=0")
    try:
        deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
        pause = SQLITE_LOCK_POLL_FIRST
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, SQLITE_LOCK_POLL_MAX)
    finally:
        raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


def make_engine(url: str) -> Engine:
    """Create an engine tuned for the bot's concurrency on SQLite or PostgreSQL."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "isolation_level": None},
            hide_parameters=True,
        )
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    # hide_parameters: an error's message never carries the bound values (members' ids and words).
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True
    )


class Database:
    """Hold one engine and hand out sessions, one transaction per unit of work."""

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """Yield a session and commit once at the end, or roll back on error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """Yield a session for reads only (long exports): on SQLite it takes no write lock."""
        session = self.sessions(bind=self.engine.execution_options(**{READ_ONLY: True}))
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
