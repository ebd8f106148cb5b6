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
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.gateway import LineGateway, Outcome, SendResult
from bot.send_outcomes import Attempt, record
from storage import delivery_states
from storage.db import Database
from storage.models import Delivery
from storage.types import utcnow

log = logging.getLogger(__name__)

# A reply token is good for about a minute after the event; past this, push straight away.
REPLY_TOKEN_AGE = timedelta(seconds=50)
INLINE_ATTEMPTS = 3
# How many requests one process has in flight to LINE at once (send_many); also the lanes a
# batch takes. 16, not 8: on PostgreSQL 252 -> 268 events/s handled under the closed-loop bench.
SEND_CONCURRENCY = 16


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
        return self._dispatch(self._claim(list(dict.fromkeys(delivery_ids))))

    def send_held(
        self, delivery_ids: Iterable[int], also: Callable[[Session], None] | None = None
    ) -> dict[int, str]:
        """Send deliveries stored already claimed by this process (`hold_for`), as `send_many`.

        `also` runs in the transaction that records their outcomes (a batch gives its lanes back
        there); it does not run when none of them was still held.
        """
        ids = list(dict.fromkeys(delivery_ids))
        if not ids:
            return {}
        with self.db.unit_of_work() as session:
            now = self.clock()
            found = delivery_states.held(session, ids, now)
            marked = None
            if len(found) <= self.concurrency:
                # They all go out at once, right after this commit: their write-ahead marks are
                # committed with the look that found them, one transaction instead of two.
                marked = _mark(session, [d for d in found if self._replies(d, False)], now)
            session.expunge_all()
        return self._dispatch([(delivery, False) for delivery in found], marked, also)

    def hold_for(self, count: int) -> timedelta:
        """How long `count` deliveries claimed together stay ours (beyond `concurrency`, they
        wait for a free thread: their lease covers the wait)."""
        return self.claim_lease * -(-max(count, 1) // self.concurrency)

    def _dispatch(
        self,
        claimed: list[tuple[Delivery, bool]],
        marked: set[int] | None = None,
        also: Callable[[Session], None] | None = None,
    ) -> dict[int, str]:
        if not claimed:
            return {}
        attempts = []
        for start in range(0, len(claimed), self.concurrency):
            chunk = claimed[start : start + self.concurrency]
            if marked is None or start:
                # The write-ahead marks of a chunk's replies, in one transaction right before
                # they go (unless the caller committed them for this only chunk already).
                marked = self._mark_started([d for d, lost in chunk if self._replies(d, lost)])
            if len(chunk) == 1:
                attempts.append(self._attempt_safely(*chunk[0], marked))
            else:
                delivered, lost = zip(*chunk, strict=True)
                marks = [marked] * len(chunk)
                attempts += self._executor().map(self._attempt_safely, delivered, lost, marks)
        statuses = record(self.db, self.clock, [c[0] for c in claimed], attempts, also)
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
        # A read: the worker looks after every sweep, and on SQLite a unit of work would take the
        # write lock each time, while webhooks wait for it. Claiming them is the write.
        with self.db.reading() as session:
            ids = delivery_states.due_ids(session, self.clock(), limit)
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
        lease = self.hold_for(len(ids))
        with self.db.unit_of_work() as session:
            now = self.clock()
            for delivery_id in ids:
                found = delivery_states.claim_for_sending(session, delivery_id, now, lease)
                if found is not None:
                    session.expunge(found[0])
                    claimed.append(found)
        return claimed

    def _attempt_safely(self, delivery: Delivery, interrupted: bool, marked: set[int]) -> Attempt:
        """Attempt one delivery; a bug in one (e.g. a message the SDK refuses) fails only it."""
        try:
            return self._attempt(delivery, interrupted, delivery.id in marked)
        except Exception as exc:  # the gateway catches LINE's errors; this is ours, before sending
            log.exception("delivery %s could not be attempted", delivery.id)
            return Attempt(SendResult(Outcome.FAILED, None, type(exc).__name__), delivery.kind)

    def _attempt(self, delivery: Delivery, interrupted: bool, marked: bool) -> Attempt:
        messages = json.loads(delivery.messages)
        recipients = json.loads(delivery.recipients)
        if delivery.kind == "reply":
            return self._reply(delivery, messages, recipients, interrupted, marked)
        if delivery.kind == "push":
            return Attempt(self._push(recipients[0], messages, delivery.retry_key), "push")
        return Attempt(
            self._with_retries(
                lambda: self.gateway.multicast(recipients, messages, delivery.retry_key)
            ),
            "multicast",
        )

    def _replies(self, delivery: Delivery, interrupted: bool) -> bool:
        """Whether a reply is tried by its token (else it is pushed, or not a reply at all)."""
        fresh = self.clock() - delivery.created_at < REPLY_TOKEN_AGE
        return delivery.kind == "reply" and bool(delivery.reply_token) and (fresh or interrupted)

    def _reply(
        self, delivery: Delivery, messages: list, recipients: list, interrupted: bool, marked: bool
    ) -> Attempt:
        # An earlier sender died holding this reply: it may have been answered already.
        lost = "interrupted" if interrupted else None
        if self._replies(delivery, interrupted):
            if not marked:
                # Not marked, not sent: the next attempt is as safe as this one would have been.
                held_back = SendResult(Outcome.RETRY, None, "not marked started")
                return Attempt(held_back, "reply", unsure=interrupted)
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

    def _mark_started(self, replies: list[Delivery]) -> set[int]:
        """Commit the write-ahead marks right before the replies leave; return those marked."""
        # Without one, a sender killed between its claim and the request would leave a reply
        # that looks maybe-sent: never pushed, so the member could get nothing at all.
        if not replies:
            return set()
        try:
            with self.db.unit_of_work() as session:
                return _mark(session, replies, self.clock())
        except Exception as exc:  # noqa: BLE001 - a database hiccup: try again later
            log.warning("%d repl(y/ies) not marked started: %s", len(replies), type(exc).__name__)
            return set()

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


def _mark(session: Session, replies: list[Delivery], now: datetime) -> set[int]:
    """Mark these replies started; return the ids still held by their claim (the others: not)."""
    return delivery_states.mark_replies_started(session, replies, now) if replies else set()
