"""PostgreSQL: check a pooled connection before use only when it has sat idle a while."""

from __future__ import annotations

import time

import psycopg
from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

# A connection back in the pool for longer than this is checked before it is handed out again.
IDLE_PING_SECONDS = 1.0
_IDLE_SINCE = "bot_idle_since"


def ping_when_idle(engine: Engine) -> None:
    """Check each connection that sat idle over IDLE_PING_SECONDS when it is taken from the pool.

    SQLAlchemy's pool_pre_ping checks every one: a round trip more for every unit of work, 5% of
    a web process's time under load (py-spy). A connection used a moment ago is as alive as a
    ping could tell; one idle longer may have been cut (a server restart) and is replaced before
    anyone uses it, as pre-ping would.
    """

    @event.listens_for(engine, "checkin")
    def _checked_in(dbapi_connection, record) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection, record, proxy) -> None:
        since = record.info.get(_IDLE_SINCE)
        if since is None or time.monotonic() - since < IDLE_PING_SECONDS:
            return
        try:
            dbapi_connection.execute("SELECT 1")
            dbapi_connection.rollback()
        except psycopg.Error as exc:
            # The pool drops this connection and hands out another (a new one if need be).
            raise DisconnectionError("connection lost while idle") from exc
