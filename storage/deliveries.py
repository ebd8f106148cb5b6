"""Repository of the outbox: deliveries created exactly once, each with its stored retry key."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from storage.models import Delivery
from storage.upsert import insert_ignore

MULTICAST_LIMIT = 500
# The handler that stores a reply sends it at once; sweepers step in only if it has not by then,
# so a member's replies are not sent by two threads at once and out of order.
REPLY_HANDOFF = timedelta(seconds=20)
PENDING, SENT, FAILED = "pending", "sent", "failed"
# A reply that may or may not have reached the member (timed out, connection lost): never pushed.
UNKNOWN = "unknown"
QUOTA = "quota"  # the reason of a delivery LINE refused because the month's messages are used up


def _row(kind: str, recipients: list[str], messages: list[dict], **extra: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "retry_key": str(uuid.uuid4()),
        "recipients": json.dumps(recipients),
        "recipient_count": len(recipients),
        "messages": json.dumps(messages, ensure_ascii=False),
        "status": PENDING,
        **extra,
    }


# Built once: every answered event stores its reply with it (the same keys each time). Many rows
# go in one statement; each id is matched to its row by the row's own unique retry key.
_INSERT_REPLY = insert(Delivery.__table__).returning(
    Delivery.__table__.c.id, Delivery.__table__.c.retry_key
)


def _reply_row(
    reply_token: str | None, to: str, messages: list[dict], now: datetime, hold: timedelta | None
) -> dict[str, Any]:
    return _row(
        "reply",
        [to],
        messages,
        reply_token=reply_token,
        created_at=now,
        next_attempt_at=now if hold else now + REPLY_HANDOFF,
        # Held: stored already claimed, as `claim_for_sending` would leave it.
        claimed_until=now + hold if hold else None,
        attempts=1 if hold else 0,
    )


def enqueue_reply(
    session: Session,
    reply_token: str | None,
    to: str,
    messages: list[dict],
    now: datetime,
    hold: timedelta | None = None,
) -> int:
    """Store a reply (with `to` for the push fallback) and return its id (one INSERT).

    With `hold`, it is stored already claimed for sending by the caller for that long (as
    `claim_for_sending` would), so nobody else sends it unless the caller dies first.
    """
    row = _reply_row(reply_token, to, messages, now, hold)
    return session.connection().execute(_INSERT_REPLY, row).one().id


def _answerable(event: dict[str, Any]) -> tuple[str | None, str] | None:
    """The event's reply token and its group, room or user (for the push fallback); None if it
    can be answered neither way."""
    source = event.get("source") or {}
    to = source.get("groupId") or source.get("roomId") or source.get("userId")
    token = event.get("replyToken")
    return (token, to or "") if to or token else None


def enqueue_reply_to_event(
    session: Session,
    event: dict[str, Any],
    messages: list[dict],
    now: datetime,
    hold: timedelta | None = None,
) -> int:
    """Store the reply to a webhook event; 0 if it can be answered neither way."""
    return enqueue_replies_to_events(session, [(event, messages)], now, hold)[0]


def enqueue_replies_to_events(
    session: Session,
    answers: list[tuple[dict[str, Any], list[dict]]],
    now: datetime,
    hold: timedelta | None = None,
) -> list[int]:
    """Store the replies to many events in one statement; return their ids (0 where an event
    can be answered neither way), in the order given."""
    ways = [_answerable(event) for event, _ in answers]
    rows = [
        _reply_row(*way, messages, now, hold)
        for way, (_, messages) in zip(ways, answers, strict=True)
        if way
    ]
    stored = session.connection().execute(_INSERT_REPLY, rows) if rows else []
    ids = {key: id_ for id_, key in stored}
    keys = iter(row["retry_key"] for row in rows)
    return [ids[next(keys)] if way else 0 for way in ways]


def enqueue_push(
    session: Session, to: str, messages: list[dict], now: datetime, dedupe_key: str | None = None
) -> list[int]:
    """Store a push unless one with this dedupe key exists; return the new delivery ids."""
    row = _row("push", [to], messages, dedupe_key=dedupe_key, created_at=now, next_attempt_at=now)
    insert_ignore(session, Delivery, [row])
    return _ids_for_keys(session, [row["retry_key"]])


def enqueue_multicast(
    session: Session,
    to: list[str],
    messages: list[dict],
    now: datetime,
    dedupe_key: str | None = None,
) -> list[int]:
    """Split recipients into chunks of at most 500 and store one delivery per chunk, once."""
    rows = []
    for index, start in enumerate(range(0, len(to), MULTICAST_LIMIT)):
        chunk = to[start : start + MULTICAST_LIMIT]
        key = f"{dedupe_key}#{index}" if dedupe_key else None
        rows.append(
            _row("multicast", chunk, messages, dedupe_key=key, created_at=now, next_attempt_at=now)
        )
    insert_ignore(session, Delivery, rows)
    return _ids_for_keys(session, [row["retry_key"] for row in rows])


def _ids_for_keys(session: Session, retry_keys: list[str]) -> list[int]:
    stmt = select(Delivery.id).where(Delivery.retry_key.in_(retry_keys)).order_by(Delivery.id)
    return list(session.scalars(stmt))


def failed_for_quota(
    session: Session, since: datetime | None = None, dedupe_prefix: str | None = None
) -> list[Delivery]:
    """List deliveries LINE refused for the monthly limit (newest first), e.g. for a meeting's report.

    `dedupe_prefix` narrows to one sender's deliveries (e.g. "meeting-7:" for one meeting's sends).
    """
    stmt = select(Delivery).where(Delivery.status == FAILED, Delivery.reason == QUOTA)
    if since is not None:
        stmt = stmt.where(Delivery.created_at >= since)
    if dedupe_prefix is not None:
        escaped = dedupe_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Delivery.dedupe_key.like(f"{escaped}%", escape="\\"))
    return list(session.scalars(stmt.order_by(Delivery.id.desc())))


def count_by_status(session: Session) -> dict[str, int]:
    """Count deliveries by status (pending, sent, failed, unknown)."""
    stmt = select(Delivery.status, func.count()).group_by(Delivery.status)
    return {status: count for status, count in session.execute(stmt)}
