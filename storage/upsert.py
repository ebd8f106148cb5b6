"""Insert rows that may race, letting the database's unique constraints decide who wins."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from storage import core_sql

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


@cache
def _insert_ignoring(dialect: str, table):
    if dialect not in _INSERTS:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database: {dialect}")
    # RETURNING yields a row only for a row actually inserted, on both databases; rowcount does not
    # (psycopg 3 reports -1 for an INSERT ... ON CONFLICT, new or not).
    return _INSERTS[dialect](table).on_conflict_do_nothing().returning(*table.primary_key.columns)


def insert_ignore(session: Session | Connection, model: type, rows: list[dict[str, Any]]) -> int:
    """Insert rows, silently skipping any that violate a unique constraint; return how many went in."""
    if not rows:
        return 0
    # One statement per table, its values given as parameters: a statement made with each row's
    # values cost more to build (and to key for SQLAlchemy's cache) than to run, on every webhook.
    stmt = _insert_ignoring(core_sql.dialect_of(session), model.__table__)
    return sum(len(core_sql.execute(session, stmt, row).all()) for row in rows)
