"""Leases on lanes: at most one holder handles a user's (or group's) events at a time."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.orm import Session

from storage.models import Lane
from storage.upsert import insert_ignore


def try_claim(session: Session, key: str, holder: str, now: datetime, lease: timedelta) -> bool:
    """Take the lane if it is free or its lease ran out; the row lock makes only one taker win."""
    insert_ignore(session, Lane, [{"key": key}])
    result = session.execute(
        update(Lane)
        .where(
            Lane.key == key,
            or_(Lane.holder.is_(None), Lane.lease_until < now, Lane.holder == holder),
        )
        .values(holder=holder, lease_until=now + lease)
    )
    return result.rowcount == 1


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
