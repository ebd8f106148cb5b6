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
    inserted = 0
    for row in rows:
        # One statement per row so rowcount tells exactly which rows were new.
        inserted += session.execute(stmt.values(**row)).rowcount or 0
    return inserted
