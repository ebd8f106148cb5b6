"""Send stored deliveries by the gateway's rules: reply or push, retry with the same key, record."""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.gateway import LineGateway, Outcome, SendResult
from storage import deliveries
from storage.db import Database
from storage.models import Delivery
from storage.types import utcnow

log = logging.getLogger(__name__)

# LINE keeps a retry key for 24 hours; after that a retry could be sent twice, so we stop.
RETRY_WINDOW = timedelta(hours=24)
# A reply token is good for about a minute after the event; past this, push straight away.
REPLY_TOKEN_AGE = timedelta(seconds=50)
INLINE_ATTEMPTS = 3


class DeliverySender:
    """Claim a delivery, attempt it (a few quick retries), then record sent, retry-later or failed."""

    def __init__(
        self,
        db: Database,
        gateway: LineGateway,
        clock: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], None] = time.sleep,
        inline_backoff: float = 0.5,
        claim_lease: timedelta | None = None,
    ) -> None:
        self.db = db
        self.gateway = gateway
        self.clock = clock
        self.sleep = sleep
        self.inline_backoff = inline_backoff
        # Long enough to cover every inline attempt timing out, so no second sender steps in.
        self.claim_lease = claim_lease or timedelta(
            seconds=INLINE_ATTEMPTS * (gateway.timeout + 8) + 30
        )

    def send(self, delivery_id: int) -> str | None:
        """Send one delivery if it is pending and free; return its new status."""
        with self.db.unit_of_work() as session:
            delivery = deliveries.claim(session, delivery_id, self.clock(), self.claim_lease)
            if delivery is None:
                return None
            session.expunge(delivery)
        result, via = self._attempt(delivery)
        return self._record(delivery, result, via)

    def send_due(self, limit: int = 100) -> int:
        """Send every delivery whose (re)try is due; return how many were attempted."""
        with self.db.unit_of_work() as session:
            ids = deliveries.due_ids(session, self.clock(), limit)
        for delivery_id in ids:
            self.send(delivery_id)
        return len(ids)

    def _attempt(self, delivery: Delivery) -> tuple[SendResult, str]:
        messages = json.loads(delivery.messages)
        recipients = json.loads(delivery.recipients)
        if delivery.kind == "reply":
            fresh = self.clock() - delivery.created_at < REPLY_TOKEN_AGE
            if delivery.reply_token and fresh and delivery.attempts == 1:
                result = self._with_retries(
                    lambda: self.gateway.reply(delivery.reply_token, messages)
                )
                if result.outcome is not Outcome.BAD_REPLY_TOKEN:
                    return result, "reply"
            return self._with_retries(
                lambda: self.gateway.push(recipients[0], messages, delivery.retry_key)
            ), "push"
        if delivery.kind == "push":
            return self._with_retries(
                lambda: self.gateway.push(recipients[0], messages, delivery.retry_key)
            ), "push"
        return self._with_retries(
            lambda: self.gateway.multicast(recipients, messages, delivery.retry_key)
        ), "multicast"

    def _with_retries(self, call: Callable[[], SendResult]) -> SendResult:
        result = call()
        for attempt in range(1, INLINE_ATTEMPTS):
            if result.outcome is not Outcome.RETRY:
                break
            self.sleep(self.inline_backoff * 2 ** (attempt - 1) * random.uniform(0.8, 1.2))
            result = call()
        return result

    def _record(self, delivery: Delivery, result: SendResult, via: str) -> str:
        now = self.clock()
        with self.db.unit_of_work() as session:
            if result.outcome is Outcome.SENT:
                deliveries.mark_sent(session, delivery.id, now, via, result.request_id)
                status = deliveries.SENT
            elif result.outcome in (Outcome.RETRY, Outcome.RATE_LIMITED) and (
                now - delivery.created_at < RETRY_WINDOW
            ):
                deliveries.mark_retry(
                    session, delivery.id, now + self._delay(delivery, result), _reason(result)
                )
                status = deliveries.PENDING
            else:
                deliveries.mark_failed(session, delivery.id, _reason(result))
                status = deliveries.FAILED
        log.info(
            "delivery %s (%s via %s): %s%s",
            delivery.id,
            delivery.kind,
            via,
            status,
            f" after {result.outcome.value} {result.status or ''}".rstrip()
            if status != "sent"
            else "",
        )
        return status

    @staticmethod
    def _delay(delivery: Delivery, result: SendResult) -> timedelta:
        base = 60 if result.outcome is Outcome.RATE_LIMITED else 15
        return timedelta(seconds=min(base * 2 ** min(delivery.attempts, 8), 3600))


def _reason(result: SendResult) -> str:
    status = f"HTTP {result.status}: " if result.status else ""
    return f"{result.outcome.value}: {status}{result.detail}".strip()
