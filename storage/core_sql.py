"""Run the statements every event goes through as Core, on the session's own connection."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection, CursorResult
from sqlalchemy.orm import Session


def execute(
    session: Session | Connection,
    statement,
    params: dict[str, Any] | list[dict[str, Any]] | None = None,
) -> CursorResult:
    """Execute `statement` on the session's connection, in its transaction (once per dict of a
    list of `params`); rows come back as plain rows, never as mapped objects. A connection given
    instead of a session (see `Database.one_statement`) runs it as it is.

    `session.execute` costs about three times the statement itself on SQLite (its entity set-up,
    cache keys and result loading): for the handful every event runs, that was most of the
    worker's time, with the write lock held. Pending changes are flushed first, as the session's
    autoflush would, so the statement sees them.
    """
    if isinstance(session, Connection):
        return session.execute(statement, params)
    session.flush()
    return session.connection().execute(statement, params)


def dialect_of(session: Session | Connection) -> str:
    """The database's name (sqlite, postgresql) behind a session or a connection."""
    bind = session if isinstance(session, Connection) else session.get_bind()
    return bind.dialect.name
