"""Handle the next event of many lanes in one transaction, then send their replies together.

One event per lane per batch, so a lane's next event waits until this one's reply has gone out
(its lane stays taken until then): each member still gets answers in LINE's timestamp order.
Each event is handled in a savepoint of its own; the batch commits once, with every reply.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from bot.event_answers import Answered, record
from bot.inbox_failures import count_failure, log_failure, transient
from bot.sender import SEND_CONCURRENCY
from handlers.deferred import NeedsLine
from storage import conversations, inbox, lanes, members

log = logging.getLogger(__name__)
# Lanes one batch takes at most: as many replies as go out at once, so they are all sent (and
# marked started) right after the commit and their claim needs one lease, not one per chunk:
# after a crash they are sent by others within about 40 s, with their reply tokens still good.
BATCH_LANES = SEND_CONCURRENCY
# On SQLite a batch takes no more lanes once it has handled for this long: every webhook waits
# for the write lock it holds, and its 200 must not wait long. (Measured under the closed-loop
# bench: 10 ms and 8 lanes, 305 events/s handled; 15 ms and 16 lanes, 353/s; the ack p99 at 100
# events/s stayed near 10 ms.)
BATCH_SECONDS_SQLITE = 0.015
# Seconds between two cleanups on disk after erasures (the sweep after the last batch does it).
# Each one checkpoints SQLite's log (every webhook waits for it) or VACUUMs on PostgreSQL: once a
# second, as before, it set the p99 of a webhook's 200 at 91 ms on SQLite; once in 10 s, 35 ms.
FORGET_PAUSE = 10.0


@dataclass
class Batch:
    """What one batch did: events handled, replies to send, lanes held until they are sent."""

    handled: int = 0
    sends: list[int] = field(default_factory=list)
    answered: list[Answered] = field(default_factory=list)  # stored together, once all are
    held: list[str] = field(default_factory=list)
    # Lanes to go on one at a time (`process_lane`): an event that must ask LINE first, or every
    # lane of a batch whose transaction failed as a whole.
    alone: list[str] = field(default_factory=list)
    looked: bool = False  # some lane had events waiting
    # How long the replies stay claimed for this process: if it dies before sending them, they
    # are sent by whoever sends what is due once this runs out.
    hold: timedelta | None = None

    @property
    def lanes(self) -> list[str]:
        return self.held + self.alone


def take_batch(processor, limit: int = BATCH_LANES, exclude: frozenset = frozenset()) -> Batch:
    """Take up to `limit` free lanes and handle each one's next event, in one transaction."""
    holder, now = processor.holder, processor.clock()
    batch, keys = Batch(hold=processor.sender.hold_for(limit)), []
    try:
        with processor.db.unit_of_work() as session:
            # Sorted: workers sharing PostgreSQL take lane rows in one order, never deadlock.
            keys = sorted(inbox.claimable_lanes(session, limit, exclude))
            batch.looked = bool(keys)
            # Taken, and their next events read, with one statement each for the whole batch.
            taken = lanes.claim_all(session, keys, holder, now, processor.lease)
            keys = [key for key in keys if key in taken]
            waiting = inbox.next_pending_of(session, keys)
            payloads = _read_ahead(session, waiting)
            began, budget = time.monotonic(), _budget(processor.db.dialect)
            for index, key in enumerate(keys):
                # The rest wait for the next batch, in a moment. The first lane is always handled:
                # on a busy machine the look for lanes alone can outlast the budget, and a batch
                # that handled none made the sweep (and a drain) stop with events waiting.
                if index and time.monotonic() - began > budget:
                    lanes.release_all(session, keys[index:], holder)
                    break
                row = waiting.get(key)
                _handle_lane(processor, session, key, now, batch, row, payloads.get(key))
            # The replies stored and the events marked done: one statement each for the batch.
            stored = record(session, batch.answered, now, batch.hold)
            batch.sends += [delivery_id for delivery_id in stored if delivery_id]
    except Exception as exc:  # noqa: BLE001 - the lanes go on one at a time, as before batches
        if not keys:
            raise
        log.warning("batch of %d lanes rolled back: %s", len(keys), type(exc).__name__)
        return Batch(alone=keys, looked=True)
    return batch


def _budget(dialect: str) -> float:
    # PostgreSQL's webhooks never wait for a batch (row locks only): it may take all its lanes.
    return BATCH_SECONDS_SQLITE if dialect == "sqlite" else float("inf")


def _read_ahead(session, waiting: dict) -> dict[str, dict]:
    """Parse the events; read their senders' member rows and conversations, one query each."""
    payloads = {key: json.loads(row.payload or "{}") for key, row in waiting.items() if row}
    senders = [user for p in payloads.values() if (user := (p.get("source") or {}).get("userId"))]
    members.find_all(session, senders)
    conversations.look_ahead(session, senders)
    return payloads


def _handle_lane(processor, session, key: str, now, batch: Batch, row, payload) -> None:
    if row is None or processor.holdback.ready_at(row, now) is not None:
        # Nothing waiting, or the next event is too young: a member's earlier event sent in
        # another request may still be on its way. The sweep comes back.
        lanes.release(session, key, processor.holder)
        return
    try:
        with session.begin_nested():
            answered = processor.answer(session, payload, row.id, now, None)
    except NeedsLine:
        batch.alone.append(key)  # asked again with LINE's answer, outside this transaction
        return
    except Exception as exc:
        if transient(exc):
            raise  # the connection itself may be gone: the whole batch is rolled back
        args = (key, processor.holder, row.id, payload, row.webhook_event_id, exc, now)
        # Counted here unless the handler broke the connection too: then this raises, the batch
        # is rolled back, and its lanes go on alone (where the attempt is counted on its own).
        session.execute(select(1))  # raises if the transaction cannot go on
        delivery_id = count_failure(session, *args, batch.hold)
        log_failure(row.webhook_event_id, exc)
        if delivery_id is None:
            return  # to be tried again later; its lane was given back
        if delivery_id:
            batch.sends.append(delivery_id)
    else:
        batch.answered.append(answered)
    batch.handled += 1
    batch.held.append(key)


def finish_batch(processor, batch: Batch) -> int:
    """Send the batch's replies, give its lanes back, go on with the lanes left to handle alone.

    Return how many events were handled, those handled alone included.
    """
    handled, asked, released = batch.handled, [], False

    def release(session) -> None:
        lanes.release_all(session, batch.held, processor.holder)
        asked.append(session)

    try:
        if batch.sends:
            # The lanes go back in the transaction that records the replies' outcomes.
            processor.sender.send_held(batch.sends, also=release)
            released = bool(asked)  # and that transaction has committed
    finally:
        if batch.held and not released:
            # No reply was recorded (none to send, none still held, or sending failed).
            with processor.db.unit_of_work() as session:
                lanes.release_all(session, batch.held, processor.holder)
    for key in batch.alone:
        try:
            handled += processor.process_lane(key)
        except Exception as exc:  # noqa: BLE001 - one lane must not stop the others
            log.error("lane failed: %s", type(exc).__name__)
    # An erasure handled here is committed, answered and its lane released: only now can the
    # deleted rows be made unreadable in the database files too (at most once in FORGET_PAUSE: each
    # time costs a checkpoint of SQLite's log, or a VACUUM on PostgreSQL).
    processor.db.forget_erased(pause=FORGET_PAUSE)
    return handled
