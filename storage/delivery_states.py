"""Repository of a delivery on its way out: claimed for sending, marked started, then sent,
retried, failed or unknown.

Every claim adds one to `attempts`, and every later step of that claim names the count it got: a
sender whose lease ran out while it was slow finds the count moved on and touches nothing. Without
that fence, a slow sender could mark started (or reset) a reply that another sender had already
claimed and sent, spend its used token, be refused, and push a second copy.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, or_, select, update
from sqlalchemy.orm import Session

from storage import core_sql
from storage.deliveries import FAILED, PENDING, SENT, UNKNOWN
from storage.models import Delivery

# Built once and run as Core (`core_sql`): every reply goes through these. The rows in memory
# are not read after them. (Names unlike any column: an UPDATE keeps those for the values it sets.)
_OURS = and_(Delivery.id == bindparam("claim_id"), Delivery.attempts == bindparam("claim_count"))
_MARK_STARTED = (
    update(Delivery)
    .where(
        Delivery.id.in_(bindparam("claim_ids", expanding=True)),
        Delivery.attempts == bindparam("claim_count"),
        Delivery.status == PENDING,
        Delivery.claimed_until > bindparam("now"),
    )
    .values(reply_started_at=bindparam("now"))
    .returning(Delivery.id)
)
_MARK_SENT = (
    update(Delivery)
    .where(_OURS)
    # Once sent, who got what is LINE's to keep, not ours: the row keeps only its receipt.
    .values(
        status=SENT,
        sent_at=bindparam("now"),
        sent_via=bindparam("via"),
        request_id=bindparam("receipt"),
        claimed_until=None,
        recipients="[]",
        messages="[]",
    )
)


def claim(session: Session, delivery_id: int, now: datetime, lease: timedelta) -> Delivery | None:
    """Take a pending delivery for sending unless another sender holds it; return it if taken."""
    claimed = claim_for_sending(session, delivery_id, now, lease)
    return claimed[0] if claimed else None


def claim_for_sending(
    session: Session, delivery_id: int, now: datetime, lease: timedelta
) -> tuple[Delivery, bool] | None:
    """Take a pending, free delivery; return it and whether an earlier attempt may have sent it.

    A reply marked started (`mark_replies_started`) may have reached LINE until an outcome
    settles it: its sender may have died, or lost its connection to the database before it could
    record what LINE said. The claim keeps that mark, so a sender that fails again before it
    settles anything leaves the reply as unsure as it found it. Without the mark it never left,
    and sending is as safe as the first time. Pushes and multicasts carry a retry key instead.
    """
    free = or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now)
    result = session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == PENDING, free)
        .values(claimed_until=now + lease, attempts=Delivery.attempts + 1)
    )
    if result.rowcount != 1:
        return None
    claimed = session.get(Delivery, delivery_id, populate_existing=True)
    return claimed, claimed.reply_started_at is not None


def held(session: Session, delivery_ids: list[int], now: datetime) -> list[Delivery]:
    """Return these deliveries if still pending and held by their first claim (`enqueue_reply`)."""
    stmt = select(Delivery).where(
        Delivery.id.in_(delivery_ids),
        Delivery.status == PENDING,
        Delivery.claimed_until > now,
        Delivery.attempts == 1,  # nobody took them over after the hold ran out
    )
    return list(session.scalars(stmt.order_by(Delivery.id)))


def mark_replies_started(session: Session, claimed: list[Delivery], now: datetime) -> set[int]:
    """Record, before the requests, that these replies are about to be handed to LINE; return
    the ids still held by the claims that returned them (the others are not ours any more)."""
    by_claim: dict[int, list[int]] = {}
    for delivery in claimed:
        by_claim.setdefault(delivery.attempts, []).append(delivery.id)
    marked: set[int] = set()
    # One statement per claim count: a batch's replies (all held by their first claim) in one.
    for count, ids in by_claim.items():
        values = {"claim_ids": ids, "claim_count": count, "now": now}
        marked.update(core_sql.execute(session, _MARK_STARTED, values).scalars())
    return marked


def ours(claimed: Delivery):
    """The condition that the delivery is still held by the claim that returned `claimed`."""
    return and_(Delivery.id == claimed.id, Delivery.attempts == claimed.attempts)


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


def mark_all_sent(
    session: Session, sent: list[tuple[Delivery, str, str | None]], now: datetime
) -> set[int]:
    """Record that LINE accepted each (delivery, via, request id), or had already (409); return
    the ids still held by the claims that sent them."""
    values = [
        {"claim_id": d.id, "claim_count": d.attempts, "now": now, "via": via, "receipt": receipt}
        for d, via, receipt in sent
    ]
    if not values:
        return set()
    # One statement for them all (psycopg sends them in one go), each row's count summed.
    if core_sql.execute(session, _MARK_SENT, values).rowcount == len(values):
        return {d.id for d, _, _ in sent}
    # Some were taken over meanwhile: ask row by row (setting the same values again is harmless).
    return {v["claim_id"] for v in values if core_sql.execute(session, _MARK_SENT, v).rowcount}


def mark_retry(
    session: Session, claimed: Delivery, at: datetime, error: str, settled: bool = True
) -> bool:
    """Leave the delivery pending for another attempt at `at`.

    Not `settled`: a reply that an earlier attempt may have sent, held back this time before its
    request left (no write-ahead mark): it stays marked started, as unsure as it was.
    """
    values = {"next_attempt_at": at, "last_error": error[:300], "claimed_until": None}
    if settled:
        values["reply_started_at"] = None
    return _still_ours(session, update(Delivery).where(ours(claimed)).values(**values))


def mark_failed(session: Session, claimed: Delivery, error: str, reason: str | None = None) -> bool:
    """Give up on the delivery, keeping the error and its reason (e.g. QUOTA) to query by."""
    return _still_ours(
        session,
        update(Delivery)
        .where(ours(claimed))
        .values(status=FAILED, last_error=error[:300], reason=reason, claimed_until=None),
    )


def mark_unknown(session: Session, claimed: Delivery, error: str, reason: str) -> bool:
    """Record a reply whose fate LINE never told us; it is neither retried nor pushed."""
    # Like a sent row, it keeps no content: nothing more will be done with it.
    return _still_ours(
        session,
        update(Delivery)
        .where(ours(claimed))
        .values(
            status=UNKNOWN,
            last_error=error[:300],
            reason=reason,
            claimed_until=None,
            recipients="[]",
            messages="[]",
        ),
    )


def _still_ours(session: Session, statement) -> bool:
    """Run a claim's final update; False if a newer claim holds the delivery (nothing changed)."""
    return session.execute(statement).rowcount == 1
