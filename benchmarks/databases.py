"""Databases for a benchmark: a SQLite file, or a PostgreSQL database of its own, dropped after."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from storage.db import Database, normalize_url
from storage.migrate import upgrade
from storage.models import Base

DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"
PREFIX = "bench_"


class Unavailable(RuntimeError):
    """The database server cannot be reached; the benchmark skips it and says so."""


def _admin_engine(admin_url: str):
    return create_engine(
        normalize_url(admin_url),
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 3},
        poolclass=NullPool,
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _drop_orphans(connection) -> None:
    # A run killed with SIGKILL cannot drop its database; the next run removes it.
    names = connection.execute(
        text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": PREFIX + "%"}
    ).scalars()
    for name in list(names):
        suffix = name[len(PREFIX) :]
        if suffix.isdigit() and not _pid_alive(int(suffix)):
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def postgresql(admin_url: str = DEFAULT_PG_ADMIN_URL) -> Iterator[str]:
    """Create `bench_<pid>` from the admin database, migrate it, yield its URL, drop it."""
    name = f"{PREFIX}{os.getpid()}"
    engine = _admin_engine(admin_url)
    try:
        with engine.connect() as connection:
            _drop_orphans(connection)
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        engine.dispose()
        raise Unavailable(
            f"PostgreSQL at {make_url(normalize_url(admin_url)).host}: {exc}"
        ) from exc
    url = (
        make_url(normalize_url(admin_url)).set(database=name).render_as_string(hide_password=False)
    )
    try:
        upgrade(url)
        yield url
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@contextmanager
def sqlite(directory: Path, name: str = "bench") -> Iterator[str]:
    """Migrate a fresh SQLite file in `directory`, yield its URL, delete it."""
    path = directory / f"{name}.sqlite3"
    for leftover in directory.glob(f"{name}.sqlite3*"):
        leftover.unlink()
    url = f"sqlite:///{path}"
    upgrade(url)
    try:
        yield url
    finally:
        for leftover in directory.glob(f"{name}.sqlite3*"):
            leftover.unlink(missing_ok=True)


@contextmanager
def database(kind: str, directory: Path, admin_url: str = DEFAULT_PG_ADMIN_URL) -> Iterator[str]:
    """Yield the URL of an empty, migrated database of `kind` ("sqlite" or "postgresql")."""
    if kind == "sqlite":
        with sqlite(directory) as url:
            yield url
    elif kind == "postgresql":
        with postgresql(admin_url) as url:
            yield url
    else:
        raise ValueError(f"unknown database kind {kind!r}")


def empty(url: str) -> None:
    """Delete every row of every table, between two cases on the same database."""
    db = Database(url)
    names = [table.name for table in Base.metadata.sorted_tables]
    with db.engine.begin() as connection:
        if db.dialect == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        else:
            for name in reversed(names):
                connection.execute(text(f"DELETE FROM {name}"))
    db.dispose()
