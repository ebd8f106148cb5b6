"""Leases on lanes: at most one holder handles a user's (or group's) events at a time."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage import core_sql
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
# And the lease's other steps: every lane taken is given back with one of them.
# (Names unlike any column: an UPDATE keeps those for the values it sets.)
_OURS = (Lane.key == bindparam("lane"), Lane.holder == bindparam("holder_id"))
_RENEW = update(Lane).where(*_OURS).values(lease_until=bindparam("until"))
_RELEASE = delete(Lane).where(*_OURS)
_RELEASE_ALL = delete(Lane).where(
    Lane.key.in_(bindparam("lanes", expanding=True)), Lane.holder == bindparam("holder_id")
)


def try_claim(session: Session, key: str, holder: str, now: datetime, lease: timedelta) -> bool:
    """Take the lane if it is free or its lease ran out; the row lock makes only one taker win."""
    stmt = _CLAIM[session.get_bind().dialect.name]
    values = {"key": key, "holder": holder, "until": now + lease, "now": now}
    return core_sql.execute(session, stmt, values).first() is not None


def claim_all(
    session: Session, keys: list[str], holder: str, now: datetime, lease: timedelta
) -> set[str]:
    """Take each of these lanes that is free or whose lease ran out, in one statement (a batch's
    lanes); return the keys taken."""
    if not keys:
        return set()
    stmt = _CLAIM[session.get_bind().dialect.name]
    values = [{"key": key, "holder": holder, "until": now + lease, "now": now} for key in keys]
    return set(core_sql.execute(session, stmt, values).scalars())


def renew(session: Session, key: str, holder: str, now: datetime, lease: timedelta) -> bool:
    """Extend a lease this holder still has; False if it was lost."""
    values = {"lane": key, "holder_id": holder, "until": now + lease}
    return core_sql.execute(session, _RENEW, values).rowcount == 1


def release(session: Session, key: str, holder: str) -> None:
    """Give the lane back so the next event of that source can be taken by anyone."""
    # Deleted, not just freed: its key names a user, and nothing is kept about anyone for long.
    core_sql.execute(session, _RELEASE, {"lane": key, "holder_id": holder})


def release_all(session: Session, keys: list[str], holder: str) -> None:
    """Give back every one of these lanes this holder has."""
    if keys:
        core_sql.execute(session, _RELEASE_ALL, {"lanes": keys, "holder_id": holder})
