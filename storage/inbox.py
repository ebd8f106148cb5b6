"""Repository of webhook events: store once, list what waits, record the outcome."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, bindparam, func, select, update
from sqlalchemy.orm import Session

from storage import core_sql
from storage.models import InboxEvent
from storage.upsert import insert_ignore

PENDING = "pending"
DONE = "done"
FAILED = "failed"


def user_lane(user_id: str) -> str:
    """A user's lane key: a digest, so a lease row never spells a LINE id (SQLite can leave a
    deleted lease's bytes in its page, and lanes come and go for people we keep nothing about)."""
    return "u:" + hashlib.sha256(user_id.encode()).hexdigest()[:40]


def lane_key_of(event: dict[str, Any]) -> str:
    """Name the lane of an event: its group or room, else its user, else a lane of its own."""
    source = event.get("source")
    if isinstance(source, dict):
        for field, prefix in (("groupId", "g"), ("roomId", "r")):
            value = source.get(field)
            if isinstance(value, str) and value:
                return f"{prefix}:{value}"[:80]
        user_id = source.get("userId")
        if isinstance(user_id, str) and user_id:
            return user_lane(user_id)
    return f"e:{event_id_of(event)}"[:80]


def event_id_of(event: dict[str, Any]) -> str:
    """Return the event's webhookEventId, or a stable digest when LINE sent none."""
    value = event.get("webhookEventId")
    if isinstance(value, str) and value:
        return value  # whole: two long ids cut to one width could collide
    digest = hashlib.sha256(json.dumps(event, sort_keys=True).encode()).hexdigest()
    return f"sha256:{digest[:56]}"


def store_events(
    session: Session | Connection, events: list[dict[str, Any]], now: datetime | None = None
) -> int:
    """Store each event unless its webhookEventId is already known; return how many are new.

    `now` (the app's clock) is when it arrived: the hold-back before handling counts from it.
    """
    rows = []
    for event in events:
        delivery = event.get("deliveryContext")
        timestamp = event.get("timestamp")
        rows.append(
            {
                "webhook_event_id": event_id_of(event),
                "event_type": str(event.get("type") or "unknown")[:64],
                "event_timestamp": timestamp if isinstance(timestamp, int) else 0,
                "is_redelivery": bool(isinstance(delivery, dict) and delivery.get("isRedelivery")),
                "lane_key": lane_key_of(event),
                "payload": json.dumps(event, ensure_ascii=False),
                "status": PENDING,
                **({"received_at": now} if now is not None else {}),
            }
        )
    return insert_ignore(session, InboxEvent, rows)


def pending_lanes(session: Session, limit: int = 100) -> list[str]:
    """List lanes that have events waiting, oldest event first."""
    stmt = (
        select(InboxEvent.lane_key)
        .where(InboxEvent.status == PENDING)
        .group_by(InboxEvent.lane_key)
        .order_by(func.min(InboxEvent.id))
        .limit(limit)
    )
    return [key for key in session.scalars(stmt) if key]


def _claimable_statement(dialect: str):
    stmt = (
        select(InboxEvent.lane_key)
        .where(InboxEvent.status == PENDING, InboxEvent.lane_key.is_not(None))
        .order_by(InboxEvent.id)
        .limit(bindparam("rows"))
    )
    return stmt.with_for_update(skip_locked=True) if dialect == "postgresql" else stmt


# Built once per database kind: every batch looks for its lanes with it.
_CLAIMABLE = {dialect: _claimable_statement(dialect) for dialect in ("postgresql", "sqlite")}


def claimable_lanes(
    session: Session, limit: int, exclude: set[str] | frozenset = frozenset()
) -> list[str]:
    """List up to `limit` lanes with events waiting, oldest event first, leaving out `exclude`.

    On PostgreSQL the waiting rows looked at are locked, skipping those another worker's batch
    has locked already, so workers sharing the database take different lanes at once.
    """
    stmt = _CLAIMABLE[session.get_bind().dialect.name]
    keys: list[str] = []
    for key in core_sql.execute(session, stmt, {"rows": 4 * limit + len(exclude)}).scalars():
        if key not in exclude and key not in keys:
            keys.append(key)
            if len(keys) == limit:
                break
    return keys


# Built once: the inbox runs these for every event, and building a statement costs more than
# running it (SQLAlchemy caches the compiled form by the statement's shape either way).
_NEXT_PENDING = (
    select(InboxEvent)
    .where(InboxEvent.lane_key == bindparam("lane_key"), InboxEvent.status == PENDING)
    .order_by(InboxEvent.event_timestamp, InboxEvent.id)
    .limit(1)
)
_FINISH = (
    update(InboxEvent)
    .where(InboxEvent.id == bindparam("event_id"), InboxEvent.status == PENDING)
    .values(
        status=DONE,
        outcome=bindparam("outcome"),
        handled_at=bindparam("now"),
        payload=None,
        lane_key=None,
    )
)


# The next event of each of several lanes: their waiting events ranked by LINE's timestamp
# (ids only), the first of each read whole.
_RANKED = (
    select(
        InboxEvent.id,
        func.row_number()
        .over(
            partition_by=InboxEvent.lane_key,
            order_by=(InboxEvent.event_timestamp, InboxEvent.id),
        )
        .label("place"),
    )
    .where(
        InboxEvent.status == PENDING,
        InboxEvent.lane_key.in_(bindparam("lane_keys", expanding=True)),
    )
    .subquery()
)
_NEXT_OF_LANES = select(InboxEvent).join(
    _RANKED, (_RANKED.c.id == InboxEvent.id) & (_RANKED.c.place == 1)
)


def next_pending_of(session: Session, lane_keys: list[str]) -> dict[str, Row]:
    """Return each lane's earliest waiting event by LINE's timestamp, in one query (a batch's)."""
    if not lane_keys:
        return {}
    rows = core_sql.execute(session, _NEXT_OF_LANES, {"lane_keys": lane_keys})
    return {row.lane_key: row for row in rows}


def next_pending(session: Session, lane_key: str) -> Row | None:
    """Return the lane's earliest waiting event by LINE's timestamp (its columns, read-only)."""
    return core_sql.execute(session, _NEXT_PENDING, {"lane_key": lane_key}).first()


def ready_at(row: Row, now: datetime, holdback: timedelta) -> datetime | None:
    """Return None if the event may be handled now, else the time from which it may: an event
    waits until it is `holdback` old (a member's event sent in an earlier request may still be
    on its way)."""
    due = row.received_at + holdback
    return due if holdback and due > now else None


def finish_all(session: Session, outcomes: list[tuple[int, str]], now: datetime) -> bool:
    """Mark waiting events handled and drop their content (one statement); False if someone
    else finished any of them."""
    if not outcomes:
        return True
    values = [{"event_id": id_, "outcome": outcome[:120], "now": now} for id_, outcome in outcomes]
    return core_sql.execute(session, _FINISH, values).rowcount == len(outcomes)


def record_failure(
    session: Session, event_id: int, error: str, max_attempts: int, now: datetime
) -> str:
    """Count a failed attempt; give up (status failed, content kept for repair) after max_attempts."""
    row = session.get(InboxEvent, event_id)
    if row is None or row.status != PENDING:
        return "gone"
    row.attempts += 1
    row.outcome = f"error:{error}"[:120]
    if row.attempts >= max_attempts:
        row.status = FAILED
        row.handled_at = now
        row.lane_key = None
    return row.status


def count_by_status(session: Session) -> dict[str, int]:
    """Count events by status, for health checks and the CLI."""
    stmt = select(InboxEvent.status, func.count()).group_by(InboxEvent.status)
    return {status: count for status, count in session.execute(stmt)}


# Two subqueries, each answered from an index (the primary key; ix_inbox_pending): one aggregate
# over the table read every receipt ever kept (14 ms at 100,000 on SQLite), 50 times a second.
ARRIVALS = select(
    select(func.max(InboxEvent.id)).scalar_subquery(),
    select(func.count()).where(InboxEvent.status == PENDING).scalar_subquery(),
)


def arrivals(connection: Connection) -> tuple[int, int]:
    """Return the newest event's id and how many wait: either changes when events arrive.

    The id alone is not enough on PostgreSQL, where two webhooks may commit in the other order
    than their ids were given: the later commit of the lower id still adds one waiting event.
    """
    found, pending = connection.execute(ARRIVALS).one()
    return found or 0, pending
