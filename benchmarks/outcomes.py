"""After the load: wait until every stored event is handled, and count LINE's answers per event."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from storage.db import Database
from storage.models import Delivery, InboxEvent

SENDING_PATHS = ("/v2/bot/message/reply", "/v2/bot/message/push")


@dataclass
class Drain:
    """How long the backlog took to clear after the load stopped, and what was left if it did not."""

    seconds: float
    events_left: int
    deliveries_left: int
    failed_events: int

    @property
    def done(self) -> bool:
        return self.events_left == 0 and self.deliveries_left == 0


def _counts(db: Database) -> tuple[int, int, int]:
    with db.sessions() as session:
        rows = session.execute(select(InboxEvent.status, func.count()).group_by(InboxEvent.status))
        statuses = {status: count for status, count in rows}
        deliveries = session.scalar(
            select(func.count()).select_from(Delivery).where(Delivery.status == "pending")
        )
    return statuses.get("pending", 0), deliveries or 0, statuses.get("failed", 0)


def wait_drained(url: str, timeout: float, interval: float = 0.1) -> Drain:
    """Poll the inbox and outbox until nothing is pending (or `timeout` passes)."""
    db = Database(url)
    began = time.perf_counter()
    try:
        while True:
            events, deliveries, failed = _counts(db)
            elapsed = time.perf_counter() - began
            if (events == 0 and deliveries == 0) or elapsed > timeout:
                return Drain(elapsed, events, deliveries, failed)
            time.sleep(interval)
    finally:
        db.dispose()


@dataclass
class Answers:
    """How many of the load's events the emulator saw answered once, never, or more than once."""

    events: int
    once: int
    never: int
    twice_or_more: int
    calls: int  # Messaging API calls made for these events, refused ones included

    @property
    def all_once(self) -> bool:
        return self.events > 0 and self.once == self.events


def count_answers(
    requests: list[dict], users: list[str], token_owner: dict[str, str] | None = None
) -> Answers:
    """Count the accepted replies and pushes each member (one per event) received."""
    owners = token_owner or {}
    wanted = set(users)
    answered: Counter = Counter()
    calls = 0
    for entry in requests:
        if entry.get("path") not in SENDING_PATHS:
            continue
        body = entry.get("body") or {}
        to = body.get("to") or owners.get(body.get("replyToken"))
        if to is not None and to not in wanted:
            continue
        calls += 1
        if entry.get("status") == 200 and to is not None:
            answered[to] += 1
    once = sum(1 for user in wanted if answered[user] == 1)
    never = sum(1 for user in wanted if answered[user] == 0)
    return Answers(len(wanted), once, never, len(wanted) - once - never, calls)
