"""Record what LINE answered to each claimed delivery: sent, retried later, failed or unknown."""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.gateway import Outcome, SendResult
from storage import deliveries, delivery_states, members
from storage.db import Database, forget_after_commit
from storage.models import Delivery

# The sender's log: one line per delivery, as before this module was split from it.
log = logging.getLogger("bot.sender")

# LINE keeps a retry key for 24 hours; after that a retry could be sent twice, so we stop.
RETRY_WINDOW = timedelta(hours=24)
# A 429 without Retry-After: a short first pause (a reply token lives about a minute).
RATE_LIMIT_BASE = 5
MAX_DELAY = 3600
# What `record` reports for a delivery another sender claimed while this one was attempting it.
TAKEN_OVER = "taken over"


@dataclass(frozen=True)
class Attempt:
    """What happened to one claimed delivery: LINE's last answer and how it was sent."""

    result: SendResult
    via: str
    # Set for a reply that may have reached the member (timeout, connection, interrupted):
    # recorded as unknown, never retried nor pushed.
    lost: str | None = None
    # A reply an earlier attempt may have sent, held back this time before it left: tried again
    # later, still marked started.
    unsure: bool = False


def record(
    db: Database,
    clock: Callable[[], datetime],
    claimed: list[Delivery],
    attempts: list[Attempt],
    also: Callable[[Session], None] | None = None,
) -> dict[int, str]:
    """Record every attempt's outcome in one transaction (with `also`); return the new statuses."""
    statuses = {}
    with db.unit_of_work() as session:
        now = clock()
        members.find_all(session, [to for d in claimed if (to := _single_user(d))])
        pairs = list(zip(claimed, attempts, strict=True))
        accepted = [
            (d, a.via, a.result.request_id) for d, a in pairs if a.result.outcome is Outcome.SENT
        ]
        # Recorded in one statement; the other outcomes row by row.
        sent = delivery_states.mark_all_sent(session, accepted, now)
        for delivery, attempt in pairs:
            statuses[delivery.id] = _record_one(session, delivery, attempt, now, sent)
        if also is not None:
            also(session)
    for delivery, attempt in zip(claimed, attempts, strict=True):
        status, result = statuses[delivery.id], attempt.result
        # A reply sent, at INFO, was a line for every answered event (as the webhook's was).
        routine = status == deliveries.SENT and attempt.via == "reply"
        log.log(
            logging.DEBUG if routine else logging.INFO,
            "delivery %s (%s via %s): %s%s",
            delivery.id,
            delivery.kind,
            attempt.via,
            status,
            f" after {result.outcome.value} {result.status or ''}".rstrip()
            if status != deliveries.SENT
            else "",
        )
    return statuses


def _record_one(
    session, delivery: Delivery, attempt: Attempt, now: datetime, sent: set[int]
) -> str:
    status, applied = _apply(session, delivery, attempt, now, sent)
    if not applied:
        # Our lease ran out and another sender claimed it: its outcome is the one that counts.
        return TAKEN_OVER
    if status == deliveries.SENT and delivery.kind != "multicast" and not _kept(session, delivery):
        # Sent to someone we keep nothing about: the emptied row is cleaned on disk too.
        forget_after_commit(session, ["deliveries"])
    return status


def _apply(
    session, delivery: Delivery, attempt: Attempt, now: datetime, sent: set[int]
) -> tuple[str, bool]:
    """Record the attempt (those sent are recorded already, `sent` the ones still ours); return
    the new status and whether this claim still held the row."""
    result, reason = attempt.result, _reason(attempt.result)
    if result.outcome is Outcome.SENT:
        return deliveries.SENT, delivery.id in sent
    if attempt.lost:
        return deliveries.UNKNOWN, delivery_states.mark_unknown(
            session, delivery, reason, attempt.lost
        )
    if result.outcome is Outcome.QUOTA:
        quota = deliveries.QUOTA
        return deliveries.FAILED, delivery_states.mark_failed(session, delivery, reason, quota)
    if result.outcome in (Outcome.RETRY, Outcome.RATE_LIMITED):
        if now - delivery.created_at < RETRY_WINDOW:
            at = now + _delay(delivery, result)
            retried = delivery_states.mark_retry(
                session, delivery, at, reason, settled=not attempt.unsure
            )
            return deliveries.PENDING, retried
        return deliveries.FAILED, delivery_states.mark_failed(session, delivery, reason, "expired")
    return deliveries.FAILED, delivery_states.mark_failed(session, delivery, reason, "rejected")


def _delay(delivery: Delivery, result: SendResult) -> timedelta:
    if result.retry_after is not None:
        return timedelta(seconds=min(max(result.retry_after, 1.0), MAX_DELAY))
    base = RATE_LIMIT_BASE if result.outcome is Outcome.RATE_LIMITED else 15
    exponent = min(max(delivery.attempts - 1, 0), 10)
    return timedelta(seconds=min(base * 2**exponent * random.uniform(1.0, 1.2), MAX_DELAY))


def _single_user(delivery: Delivery) -> str | None:
    """The one user a delivery goes to, if it goes to one user (not a group, room or many)."""
    to = json.loads(delivery.recipients or "[]")
    return to[0] if len(to) == 1 and str(to[0]).startswith("U") else None


def _kept(session, delivery: Delivery) -> bool:
    """Whether the one recipient is a member who consented (a group counts as kept)."""
    to = _single_user(delivery)
    if to is None:
        return True
    member = members.find(session, to)  # looked up with the others by `record`
    return member is not None and member.consented


def _reason(result: SendResult) -> str:
    status = f"HTTP {result.status}: " if result.status else ""
    return f"{result.outcome.value}: {status}{result.detail}".strip()
