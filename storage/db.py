"""Create engines and sessions for SQLite (WAL, busy timeout) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from storage.pg_ping import ping_when_idle

SQLITE_BUSY_TIMEOUT_MS = 30_000
# How long a checkpoint after an erasure waits for readers before leaving it to a later one.
SQLITE_CHECKPOINT_WAIT_MS = 2_000
# A unit of work that erased someone lists here the tables to clean on disk once it commits.
FORGET_ON_DISK = "storage.forget_on_disk"

log = logging.getLogger(__name__)
# How long a writer waiting for SQLite's write lock sleeps before looking again (seconds).
SQLITE_LOCK_POLL_FIRST, SQLITE_LOCK_POLL_MAX = 0.001, 0.005
READ_ONLY = "bot_read_only"


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
    # Deleted rows are overwritten with zeros, so an erased member's words are not left readable
    # in free space of the database file (the WAL is emptied after an erasure: forget_deleted).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin_immediate(conn) -> None:
    # pysqlite's deferred BEGIN upgrades to a write lock late and can deadlock two writers;
    # taking the write lock at BEGIN makes concurrent units of work simply queue.
    # SQLite's own busy handler sleeps ever longer between tries (up to 100 ms each), so under
    # load a writer waited far longer than the lock was held (webhook p99 near a second); here
    # the wait for the lock looks again every few milliseconds, with the same 30 s limit.
    raw = conn.connection.dbapi_connection
    if conn.get_execution_options().get(READ_ONLY):
        # A reader needs no write lock: under WAL it sees one snapshot beside the writer.
        raw.execute("BEGIN DEFERRED")
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
    engine = create_engine(url, pool_size=10, max_overflow=10, hide_parameters=True)
    ping_when_idle(engine)
    return engine


def forget_after_commit(session: Session, tables: list[str]) -> None:
    """Ask the database's owner to clean these tables on disk once the unit of work commits."""
    session.info[FORGET_ON_DISK] = sorted({*session.info.get(FORGET_ON_DISK, ()), *tables})


def forget_deleted(engine: Engine, tables: list[str]) -> bool:
    """Make rows already deleted and committed unreadable on disk, outside any transaction.

    SQLite: deleted content is zeroed in the pages (secure_delete), but older copies of those
    pages stay in the write-ahead log until a checkpoint; a TRUNCATE checkpoint copies the latest
    pages into the database and empties the log file. PostgreSQL: deleted rows stay as dead tuples
    until VACUUM makes their space free for reuse (their bytes can remain until overwritten, and
    in the server's own WAL until it is recycled). Return False when SQLite's readers were busy
    and the log could not be emptied (try again later).
    """
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()
        try:
            dbapi = raw.dbapi_connection
            dbapi.execute(f"PRAGMA busy_timeout={SQLITE_CHECKPOINT_WAIT_MS}")
            busy, _, _ = dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            dbapi.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            if busy:
                log.warning("erasure checkpoint deferred: readers were busy")
        finally:
            raw.close()
        return not busy
    if engine.dialect.name == "postgresql" and tables:
        names = ", ".join(engine.dialect.identifier_preparer.quote(t) for t in sorted(tables))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            # TRUNCATE false: giving empty end pages back to the system needs the table to itself,
            # and VACUUM waits up to 5 s for that while the inbox is busy (every batch stalled).
            # Freed space stays in the file either way, its bytes until overwritten, as above.
            connection.exec_driver_sql(f"VACUUM (TRUNCATE false) {names}")
    return True


class Database:
    """Hold one engine and hand out sessions, one transaction per unit of work."""

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        # PostgreSQL runs one statement atomically on its own: without BEGIN and COMMIT it takes
        # one round trip, not three (SQLite keeps its write lock's turn, see `_writing`).
        self._single = None
        if self.dialect == "postgresql":
            self._single = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._erased_tables: set[str] = set()
        self._erased_lock = threading.Lock()
        self._erased_at = float("-inf")
        # SQLite has one writer at a time. Threads of this process wait for it here, each woken
        # the moment the last one commits, rather than at their next look for the file's lock
        # (up to 5 ms later, see _begin_immediate), while the lock sat free: py-spy showed a
        # draining worker's threads waiting there much of the time. Other processes (the web)
        # still wait on the file.
        self._writer = threading.RLock() if self.dialect == "sqlite" else None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """Yield a session and commit once at the end, or roll back on error."""
        with self._writing():
            session = self.sessions()
            try:
                yield session
                session.commit()
                erased = session.info.get(FORGET_ON_DISK)
                if erased:
                    with self._erased_lock:
                        self._erased_tables.update(erased)
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    @contextmanager
    def one_statement(self) -> Iterator[Connection]:
        """Yield a connection for a unit of work that runs a single Core statement: on PostgreSQL
        in autocommit (a second statement would not share its transaction), on SQLite in a
        transaction holding the write lock, committed at the end."""
        if self._single is None:
            with self._writing(), self.engine.begin() as connection:
                yield connection
            return
        with self._single.connect() as connection:
            yield connection

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold this process's turn to write (SQLite), within the same limit as the file's lock."""
        if self._writer is None:
            yield
            return
        if not self._writer.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            # As the file's lock would fail: the webhook answers 503, LINE sends it again.
            locked = sqlite3.OperationalError("database is locked")
            raise OperationalError("BEGIN IMMEDIATE", None, locked)
        try:
            yield
        finally:
            self._writer.release()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """Yield a session for reads only: on SQLite it never waits for, nor holds, the write lock."""
        session = self._readers()
        try:
            yield session
        finally:
            session.rollback()  # nothing to keep: a stray write here is discarded, never half-saved
            session.close()

    def forget_erased(self, pause: float = 0.0) -> bool:
        """After an erasure has committed (and what followed it, e.g. the reply, is done), make the
        deleted rows unreadable on disk; return True if there was anything to do.

        With `pause`, nothing is done if the last cleanup began less than `pause` seconds ago: a
        busy inbox cleans once in a while, not after every batch (the inbox's next sweep will).
        """
        with self._erased_lock:
            if pause and time.monotonic() - self._erased_at < pause:
                return False
            tables, self._erased_tables = sorted(self._erased_tables), set()
            if tables:
                self._erased_at = time.monotonic()
        if not tables:
            return False
        try:
            done = forget_deleted(self.engine, tables)
        except Exception as exc:  # noqa: BLE001 - the erasure itself is committed; this is extra
            log.warning("cleaning erased rows on disk failed: %s", type(exc).__name__)
            return False
        if not done:  # readers were busy: left for the next call (the inbox's next sweep)
            with self._erased_lock:
                self._erased_tables.update(tables)
        return done

    def dispose(self) -> None:
        self.engine.dispose()
