"""Leases on lanes: at most one holder handles a user's (or group's) events at a time."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import Lane


def _claim_statement(dialect):
    # One statement: a new lane is inserted taken; an existing one is taken only if free.
    stmt = dialect.insert(Lane).values(
        key=bindparam("key"), holder=bindparam("holder"), lease_until=bindparam("until")
    )
    return stmt.on_conflict_do_update(
        index_elements=[Lane.key],
        set_={"holder": stmt.excluded.holder, "lease_until": stmt.excluded.lease_until},
        where=or_(
            Lane.holder.is_(None),
            Lane.lease_until < bindparam("now"),
            Lane.holder == stmt.excluded.holder,
        ),
    ).returning(Lane.key)


# Built once per database kind: every event's lane is claimed with it.
_CLAIM = {"postgresql": _claim_statement(postgresql), "sqlite": _claim_statement(sqlite)}


def try_claim(session: Session, key: str, holder: str, now: datetime, lease: timedelta) -> bool:
    """Take the lane if it is free or its lease ran out; the row lock makes only one taker win."""
    stmt = _CLAIM[session.get_bind().dialect.name]
    values = {"key": key, "holder": holder, "until": now + lease, "now": now}
    return session.execute(stmt, values).first() is not None


def renew(session: Session, key: str, holder: str, now: datetime, lease: timedelta) -> bool:
    """Extend a lease this holder still has; False if it was lost."""
    result = session.execute(
        update(Lane).where(Lane.key == key, Lane.holder == holder).values(lease_until=now + lease)
    )
    return result.rowcount == 1


def release(session: Session, key: str, holder: str) -> None:
    """Give the lane back so the next event of that source can be taken by anyone."""
    # Deleted, not just freed: its key names a user, and nothing is kept about anyone for long.
    session.execute(delete(Lane).where(Lane.key == key, Lane.holder == holder))


def release_all(session: Session, keys: list[str], holder: str) -> None:
    """Give back every one of these lanes this holder has."""
    if keys:
        session.execute(delete(Lane).where(Lane.key.in_(keys), Lane.holder == holder))
