"""Send stored deliveries by the gateway's rules: claim, commit, call LINE, then record.

Replies go out at most once: a reply whose outcome is unknown (timeout, connection lost after the
request left, or a sender that died after marking it started) is recorded as "unknown" and never
followed by a push. A push takes its place only when LINE refused the token and nothing before was
unsure; a sender that died before its write-ahead mark sent nothing, so that is not unsure.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.gateway import LineGateway, Outcome, SendResult
from storage import deliveries, members
from storage.db import Database, forget_after_commit
from storage.models import Delivery
from storage.types import utcnow

log = logging.getLogger(__name__)

# LINE keeps a retry key for 24 hours; after that a retry could be sent twice, so we stop.
RETRY_WINDOW = timedelta(hours=24)
# A reply token is good for about a minute after the event; past this, push straight away.
REPLY_TOKEN_AGE = timedelta(seconds=50)
INLINE_ATTEMPTS = 3
# How many requests one process has in flight to LINE at once (send_many).
SEND_CONCURRENCY = 8
# A 429 without Retry-After: a short first pause (a reply token lives about a minute).
RATE_LIMIT_BASE = 5
MAX_DELAY = 3600


@dataclass(frozen=True)
class Attempt:
    """What happened to one claimed delivery: LINE's last answer and how it was sent."""

    result: SendResult
    via: str
    # Set for a reply that may have reached the member (timeout, connection, interrupted):
    # recorded as unknown, never retried nor pushed.
    lost: str | None = None


class DeliverySender:
    """Claim deliveries, attempt them (a few quick retries), then record sent, retry, failed, unknown.

    `on_quota(delivery_ids)` is called (outside any transaction) with the deliveries LINE refused
    because the month's messages are used up, so a person can be told at once.
    """

    def __init__(
        self,
        db: Database,
        gateway: LineGateway,
        clock: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], None] = time.sleep,
        inline_backoff: float = 0.5,
        claim_lease: timedelta | None = None,
        concurrency: int = SEND_CONCURRENCY,
        on_quota: Callable[[list[int]], None] | None = None,
    ) -> None:
        self.db = db
        self.gateway = gateway
        self.clock = clock
        self.sleep = sleep
        self.inline_backoff = inline_backoff
        self.concurrency = max(1, concurrency)
        self.on_quota = on_quota
        # Long enough for one delivery's inline attempts (each bounded by the gateway's timeout),
        # short enough that after a crash a reply token (about a minute) is still good. Overlap
        # is safe anyway: a reply token is spent once, a retry key is answered 409.
        self.claim_lease = claim_lease or timedelta(
            seconds=INLINE_ATTEMPTS * (gateway.timeout + 2 * inline_backoff) + 5
        )
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()

    def send(self, delivery_id: int) -> str | None:
        """Send one delivery if it is pending and free; return its new status."""
        return self.send_many([delivery_id]).get(delivery_id)

    def send_many(self, delivery_ids: Iterable[int]) -> dict[int, str]:
        """Send these deliveries, at most `concurrency` at once; return each one's new status.

        One transaction claims them all, LINE is called with no transaction open, and one
        transaction records every outcome. Deliveries another sender holds are left out.
        """
        claimed = self._claim(list(dict.fromkeys(delivery_ids)))
        if not claimed:
            return {}
        if len(claimed) == 1:
            attempts = [self._attempt_safely(*claimed[0])]
        else:
            attempts = list(self._executor().map(lambda c: self._attempt_safely(*c), claimed))
        statuses = self._record([c[0] for c in claimed], attempts)
        quota = [d.id for (d, _), s in zip(claimed, attempts, strict=True)
                 if s.result.outcome is Outcome.QUOTA]  # fmt: skip
        if quota and self.on_quota is not None:
            try:
                self.on_quota(quota)
            except Exception:  # telling a person must not undo what was recorded
                log.exception("on_quota failed for %d deliver(y/ies)", len(quota))
        return statuses

    def send_due(self, limit: int = 100) -> int:
        """Send every delivery whose (re)try is due; return how many were attempted."""
        with self.db.unit_of_work() as session:
            ids = deliveries.due_ids(session, self.clock(), limit)
        for start in range(0, len(ids), self.concurrency):
            self.send_many(ids[start : start + self.concurrency])
        return len(ids)

    def close(self) -> None:
        """Stop the sending threads (the gateway is closed by its owner)."""
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="send")
            return self._pool

    def _claim(self, ids: list[int]) -> list[tuple[Delivery, bool]]:
        claimed = []
        # Deliveries beyond `concurrency` wait for a free thread: their lease covers the wait.
        lease = self.claim_lease * -(-len(ids) // self.concurrency)
        with self.db.unit_of_work() as session:
            now = self.clock()
            for delivery_id in ids:
                found = deliveries.claim_for_sending(session, delivery_id, now, lease)
                if found is not None:
                    session.expunge(found[0])
                    claimed.append(found)
        return claimed

    def _attempt_safely(self, delivery: Delivery, interrupted: bool) -> Attempt:
        """Attempt one delivery; a bug in one (e.g. a message the SDK refuses) fails only it."""
        try:
            return self._attempt(delivery, interrupted)
        except Exception as exc:  # the gateway catches LINE's errors; this is ours, before sending
            log.exception("delivery %s could not be attempted", delivery.id)
            return Attempt(SendResult(Outcome.FAILED, None, type(exc).__name__), delivery.kind)

    def _attempt(self, delivery: Delivery, interrupted: bool = False) -> Attempt:
        messages = json.loads(delivery.messages)
        recipients = json.loads(delivery.recipients)
        if delivery.kind == "reply":
            return self._reply(delivery, messages, recipients, interrupted)
        if delivery.kind == "push":
            return Attempt(self._push(recipients[0], messages, delivery.retry_key), "push")
        return Attempt(
            self._with_retries(
                lambda: self.gateway.multicast(recipients, messages, delivery.retry_key)
            ),
            "multicast",
        )

    def _reply(
        self, delivery: Delivery, messages: list, recipients: list, interrupted: bool
    ) -> Attempt:
        # An earlier sender died holding this reply: it may have been answered already.
        lost = "interrupted" if interrupted else None
        fresh = self.clock() - delivery.created_at < REPLY_TOKEN_AGE
        if delivery.reply_token and (fresh or lost):
            if not self._mark_started(delivery):
                # Not marked, not sent: the next attempt is as safe as this one would have been.
                return Attempt(SendResult(Outcome.RETRY, None, "not marked started"), "reply")
            for attempt in range(1, INLINE_ATTEMPTS + 1):
                if attempt > 1:
                    self._pause(attempt - 1)
                result = self.gateway.reply(delivery.reply_token, messages)
                if result.uncertain and lost is None:
                    lost = "timeout" if "Timeout" in result.detail else "connection"
                if result.outcome is not Outcome.RETRY:
                    break
            if result.outcome is Outcome.SENT:
                return Attempt(result, "reply")
            if lost:
                # Spent by an attempt whose answer we lost, or simply expired: we cannot tell,
                # and a push could be the member's second copy.
                return Attempt(result, "reply", lost=lost)
            if result.outcome is not Outcome.BAD_REPLY_TOKEN:
                return Attempt(result, "reply")
        # LINE refused the token before anything was unsure (or it is too old to try, or there is
        # none): push instead. A push that died half-way is safe to repeat with its retry key.
        return Attempt(self._push(recipients[0], messages, delivery.retry_key), "push")

    def _mark_started(self, delivery: Delivery) -> bool:
        """Commit the write-ahead mark right before the reply leaves; False if it could not be."""
        # Without it, a sender killed between its claim and the request would leave a reply that
        # looks maybe-sent: never pushed, so the member could get nothing at all.
        try:
            with self.db.unit_of_work() as session:
                return deliveries.mark_reply_started(session, delivery.id, self.clock())
        except Exception as exc:  # noqa: BLE001 - a database hiccup: try again later
            log.warning("delivery %s not marked started: %s", delivery.id, type(exc).__name__)
            return False

    def _push(self, to: str, messages: list, retry_key: str) -> SendResult:
        # Safe to repeat even when unsure: LINE answers a repeated retry key with 409.
        return self._with_retries(lambda: self.gateway.push(to, messages, retry_key))

    def _with_retries(self, call: Callable[[], SendResult]) -> SendResult:
        result = call()
        for attempt in range(1, INLINE_ATTEMPTS):
            if result.outcome is not Outcome.RETRY:
                break
            self._pause(attempt)
            result = call()
        return result

    def _pause(self, attempt: int) -> None:
        self.sleep(self.inline_backoff * 2 ** (attempt - 1) * random.uniform(0.8, 1.2))

    def _record(self, claimed: list[Delivery], attempts: list[Attempt]) -> dict[int, str]:
        statuses = {}
        with self.db.unit_of_work() as session:
            now = self.clock()
            for delivery, attempt in zip(claimed, attempts, strict=True):
                statuses[delivery.id] = self._record_one(session, delivery, attempt, now)
        for delivery, attempt in zip(claimed, attempts, strict=True):
            status, result = statuses[delivery.id], attempt.result
            log.info(
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

    def _record_one(self, session, delivery: Delivery, attempt: Attempt, now: datetime) -> str:
        result = attempt.result
        if result.outcome is Outcome.SENT:
            deliveries.mark_sent(session, delivery.id, now, attempt.via, result.request_id)
            if delivery.kind != "multicast" and not _kept(session, delivery):
                # Sent to someone we keep nothing about: the emptied row is cleaned on disk too.
                forget_after_commit(session, ["deliveries"])
            return deliveries.SENT
        if attempt.lost:
            deliveries.mark_unknown(session, delivery.id, _reason(result), attempt.lost)
            return deliveries.UNKNOWN
        if result.outcome is Outcome.QUOTA:
            deliveries.mark_failed(session, delivery.id, _reason(result), deliveries.QUOTA)
            return deliveries.FAILED
        if result.outcome in (Outcome.RETRY, Outcome.RATE_LIMITED):
            if now - delivery.created_at < RETRY_WINDOW:
                at = now + self._delay(delivery, result)
                deliveries.mark_retry(session, delivery.id, at, _reason(result))
                return deliveries.PENDING
            deliveries.mark_failed(session, delivery.id, _reason(result), "expired")
            return deliveries.FAILED
        deliveries.mark_failed(session, delivery.id, _reason(result), "rejected")
        return deliveries.FAILED

    @staticmethod
    def _delay(delivery: Delivery, result: SendResult) -> timedelta:
        if result.retry_after is not None:
            return timedelta(seconds=min(max(result.retry_after, 1.0), MAX_DELAY))
        base = RATE_LIMIT_BASE if result.outcome is Outcome.RATE_LIMITED else 15
        exponent = min(max(delivery.attempts - 1, 0), 10)
        return timedelta(seconds=min(base * 2**exponent * random.uniform(1.0, 1.2), MAX_DELAY))


def _kept(session, delivery: Delivery) -> bool:
    """Whether the one recipient is a member who consented (a group counts as kept)."""
    to = json.loads(delivery.recipients or "[]")
    if len(to) != 1 or not str(to[0]).startswith("U"):
        return True
    member = members.find(session, to[0])
    return member is not None and member.consented


def _reason(result: SendResult) -> str:
    status = f"HTTP {result.status}: " if result.status else ""
    return f"{result.outcome.value}: {status}{result.detail}".strip()
