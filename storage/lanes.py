"""Leases on lanes: at most one holder handles a user's (or group's) events at a time."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import Lane


def try_claim(session: Session, key: str, holder: str, now: datetime, lease: timedelta) -> bool:
    """Take the lane if it is free or its lease ran out; the row lock makes only one taker win."""
    # One statement: a new lane is inserted taken; an existing one is taken only if free.
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(Lane).values(key=key, holder=holder, lease_until=now + lease)
    stmt = stmt.on_conflict_do_update(
        index_elements=[Lane.key],
        set_={"holder": stmt.excluded.holder, "lease_until": stmt.excluded.lease_until},
        where=or_(Lane.holder.is_(None), Lane.lease_until < now, Lane.holder == holder),
    ).returning(Lane.key)
    return session.execute(stmt).first() is not None


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
