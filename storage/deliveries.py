"""Repository of the outbox: deliveries created exactly once, each with its stored retry key."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
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


def enqueue_reply(
    session: Session, reply_token: str | None, to: str, messages: list[dict], now: datetime
) -> Delivery:
    """Store a reply (with `to` for the push fallback) and return it."""
    delivery = Delivery(
        **_row(
            "reply",
            [to],
            messages,
            reply_token=reply_token,
            created_at=now,
            next_attempt_at=now + REPLY_HANDOFF,
        )
    )
    session.add(delivery)
    session.flush()
    return delivery


def enqueue_reply_to_event(
    session: Session, event: dict[str, Any], messages: list[dict], now: datetime
) -> int:
    """Store the reply to a webhook event (its group, room or user for the push fallback); 0 if
    the event can be answered neither way."""
    source = event.get("source") or {}
    to = source.get("groupId") or source.get("roomId") or source.get("userId")
    token = event.get("replyToken")
    if not to and not token:
        return 0
    return enqueue_reply(session, token, to or "", messages, now).id


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


def claim(session: Session, delivery_id: int, now: datetime, lease: timedelta) -> Delivery | None:
    """Take a pending delivery for sending unless another sender holds it; return it if taken."""
    claimed = claim_for_sending(session, delivery_id, now, lease)
    return claimed[0] if claimed else None


def claim_for_sending(
    session: Session, delivery_id: int, now: datetime, lease: timedelta
) -> tuple[Delivery, bool] | None:
    """Take a pending, free delivery; return it and whether an earlier sender died sending it.

    A lease that ran out (rather than being given back) means its holder died. If it had marked
    the reply started (`mark_reply_started`), the request may have reached LINE: the outcome of
    that attempt is unknown. Without the mark it never left, and sending is as safe as the first
    time. Pushes and multicasts carry a retry key, so for them it makes no difference.
    """
    expired = Delivery.claimed_until < now
    for free, interrupted in (
        (Delivery.claimed_until.is_(None), False),
        (and_(expired, Delivery.reply_started_at.is_(None)), False),
        (and_(expired, Delivery.reply_started_at.is_not(None)), True),
    ):
        result = session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status == PENDING, free)
            .values(
                claimed_until=now + lease, attempts=Delivery.attempts + 1, reply_started_at=None
            )
        )
        if result.rowcount == 1:
            return session.get(Delivery, delivery_id, populate_existing=True), interrupted
    return None


def mark_reply_started(session: Session, delivery_id: int, now: datetime) -> bool:
    """Record, before the request, that a reply is about to be handed to LINE; False if not ours."""
    result = session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == PENDING, Delivery.claimed_until > now)
        .values(reply_started_at=now)
    )
    return result.rowcount == 1


def due_ids(session: Session, now: datetime, limit: int = 100) -> list[int]:
    """List pending deliveries whose next attempt is due and that nobody holds."""
    stmt = (
        select(Delivery.id)
        .where(
            Delivery.status == PENDING,
            Delivery.next_attempt_at <= now,
            or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now),
        )
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def mark_sent(
    session: Session, delivery_id: int, now: datetime, via: str, request_id: str | None
) -> None:
    """Record that LINE accepted the delivery (or had accepted it already: 409)."""
    # Once sent, who got what is LINE's to keep, not ours: the row keeps only its receipt.
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(
            status=SENT,
            sent_at=now,
            sent_via=via,
            request_id=request_id,
            claimed_until=None,
            recipients="[]",
            messages="[]",
        )
    )


def mark_retry(session: Session, delivery_id: int, at: datetime, error: str) -> None:
    """Leave the delivery pending for another attempt at `at`."""
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(
            next_attempt_at=at, last_error=error[:300], claimed_until=None, reply_started_at=None
        )
    )


def mark_failed(session: Session, delivery_id: int, error: str, reason: str | None = None) -> None:
    """Give up on the delivery, keeping the error and its reason (e.g. QUOTA) to query by."""
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(status=FAILED, last_error=error[:300], reason=reason, claimed_until=None)
    )


def mark_unknown(session: Session, delivery_id: int, error: str, reason: str) -> None:
    """Record a reply whose fate LINE never told us; it is neither retried nor pushed."""
    # Like a sent row, it keeps no content: nothing more will be done with it.
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(
            status=UNKNOWN,
            last_error=error[:300],
            reason=reason,
            claimed_until=None,
            recipients="[]",
            messages="[]",
        )
    )


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
