"""Insert rows that may race, letting the database's unique constraints decide who wins."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, model: type, rows: list[dict[str, Any]]) -> int:
    """Insert rows, silently skipping any that violate a unique constraint; return how many went in."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        stmt = postgresql.insert(model).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite.insert(model).on_conflict_do_nothing()
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database: {dialect}")
    # RETURNING yields a row only for a row actually inserted, on both databases; rowcount does not
    # (psycopg 3 reports -1 for an INSERT ... ON CONFLICT, new or not).
    stmt = stmt.returning(*model.__table__.primary_key.columns)
    inserted = 0
    for row in rows:
        inserted += len(session.execute(stmt.values(**row)).all())
    return inserted
