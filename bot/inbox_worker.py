"""Handle stored webhook events off the request path: one lane per source, in LINE's order."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bot.holdback import HoldBack
from bot.quota_notices import with_owed_notices
from bot.sender import DeliverySender
from handlers.context import Context
from handlers.deferred import DeferredGateway, LineAnswers, NeedsLine
from handlers.router import Router, parse_event
from messages.builders import say
from storage import deliveries, inbox, lanes, members
from storage.db import Database, forget_after_commit
from storage.types import utcnow

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
# One event's questions to LINE (a profile, a photo, the quota, up to 10 groups' membership).
MAX_LINE_QUESTIONS = 20
# A lost database connection or a busy SQLite is not the event's fault: it gets more attempts
# (still a bound: on SQLite a broken query is an OperationalError too, and must not loop).
TRANSIENT_ATTEMPTS = 10
# Where an event and its reply leave traces, cleaned on disk for those we keep nothing about.
UNKEPT_TRACES = ["inbox_events", "deliveries", "conversations", "lanes"]


class InboxProcessor:
    """Take a lane, handle its waiting events one at a time, store and send each reply."""

    def __init__(
        self,
        db: Database,
        router: Router,
        sender: DeliverySender,
        zone,
        lease_seconds: float = 60.0,
        clock: Callable[[], datetime] = utcnow,
        networks: tuple = (),
        config=None,
        questionnaire=None,
        media=None,
        media_dir: Path | None = None,
        holdback_ms: float = 0,
    ) -> None:
        self.db = db
        self.holdback = HoldBack(holdback_ms)
        self.router = router
        self.sender = sender
        self.zone = zone
        self.lease = timedelta(seconds=lease_seconds)
        self.clock = clock
        self.networks = networks
        self.config = config
        self.questionnaire = questionnaire
        self.media = media
        self.media_dir = media_dir
        self.holder = f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def process_lane(self, key: str) -> int:
        """Handle every waiting event of one lane if we can take it; return how many."""
        handled, answers = 0, LineAnswers()
        try:
            while True:
                try:
                    step = self._handle_next(key, take=handled == 0, answers=answers)
                except NeedsLine as need:
                    # The unit of work is rolled back: ask LINE with no transaction open, then
                    # handle the same event again with the answer at hand.
                    if len(answers) >= MAX_LINE_QUESTIONS:
                        raise RuntimeError("a handler kept asking LINE new questions") from None
                    answers.fetch(self.sender.gateway, need.key)
                    continue
                if step is None:
                    break
                handled, answers = handled + 1, LineAnswers()
                if step:
                    self.sender.send(step)
        except BaseException:
            # Give the lane back at once, so the next sweep (here or elsewhere) can go on with it;
            # if even that fails, the lease runs out. The first error is the one to report.
            with contextlib.suppress(Exception), self.db.unit_of_work() as session:
                lanes.release(session, key, self.holder)
            raise
        # An erasure handled here is committed, answered and its lane released: only now can the
        # deleted rows be made unreadable in the database files too.
        self.db.forget_erased()
        return handled

    def drain(self) -> int:
        """Handle every waiting event in every free lane, then send what is due; return the count.

        Events still inside their hold-back are waited for (a fraction of a second).
        """
        total = 0
        while True:
            self.holdback.forget()
            with self.db.unit_of_work() as session:
                keys = inbox.pending_lanes(session, limit=10_000)
            handled = sum(self.process_lane(key) for key in keys)
            total += handled
            wait = self.holdback.seconds_until_ready(self.clock())
            if not handled and wait is None:
                break
            if not handled:
                time.sleep(max(wait, 0.001))
        self.sender.send_due()
        return total

    def _handle_next(
        self, key: str, take: bool = False, answers: LineAnswers | None = None
    ) -> int | None:
        """Handle the lane's next event; return a delivery id, 0 for no reply, None when done.

        The lane is taken (`take`) and given back (nothing left, or an event to retry later) in
        the same transaction that looks at its events: two fewer per lane than on their own.
        """
        now = self.clock()
        failure: tuple[int, dict, str] | None = None
        try:
            with self.db.unit_of_work() as session:
                hold = lanes.try_claim if take else lanes.renew
                if not hold(session, key, self.holder, now, self.lease):
                    return None  # another holder has the lane (or took it over: lease ran out)
                row = inbox.next_pending(session, key)
                if row is None or self.holdback.ready_at(row, now) is not None:
                    # Nothing waiting, or the next event is too young: a member's earlier event
                    # sent in another request may still be on its way. The sweep comes back.
                    lanes.release(session, key, self.holder)
                    return None
                failure = (row.id, {}, row.webhook_event_id)
                payload = json.loads(row.payload or "{}")
                failure = (row.id, payload, row.webhook_event_id)
                return self._handle(session, payload, row.id, now, answers)
        except Exception as exc:  # noqa: BLE001 - one bad event must not stop the lane
            if failure is None:
                raise  # the lane itself could not be read: the caller gives it back
            # Everything the attempt wrote is rolled back (its session may be unusable, e.g. a
            # broken connection); the attempt is counted in a transaction of its own.
            return self._record_failure(key, *failure, exc, now)

    def _record_failure(
        self, key: str, row_id: int, payload: dict, event_id: str, exc: Exception, now: datetime
    ) -> int | None:
        """Count a failed attempt; after the last, fail the event and apologise once.

        Return the apology's delivery id (0 for none) when the event is failed and the lane goes
        on, None when the event waits for another attempt (the lane is given back).
        """
        where = traceback.extract_tb(exc.__traceback__)[-1]
        # The type and place only: an exception's text may quote what the member wrote.
        log.error(
            "event %s failed: %s at %s:%s",
            event_id,
            type(exc).__name__,
            where.filename,
            where.lineno,
        )
        with self.db.unit_of_work() as session:
            limit = TRANSIENT_ATTEMPTS if _transient(exc) else MAX_ATTEMPTS
            status = inbox.record_failure(session, row_id, type(exc).__name__, limit, now)
            if status != inbox.FAILED:
                lanes.release(session, key, self.holder)
                return None  # leave it waiting; the next sweep tries again, in order
            try:
                with session.begin_nested():
                    return self._apologise(session, payload, now)
            except Exception as apology_error:  # noqa: BLE001 - the failure must still be kept
                log.error("apology for event %s not stored: %s", event_id,
                          type(apology_error).__name__)  # fmt: skip
                return 0

    def _handle(
        self, session, payload: dict, row_id: int, now: datetime, answers: LineAnswers | None
    ) -> int:
        event = parse_event(payload)
        source = payload.get("source") or {}
        user_id = source.get("userId")
        member = members.find(session, user_id) if user_id else None
        ctx = Context(
            session=session,
            member=member,
            language=member.language if member else "th",
            clock=self.clock,
            zone=self.zone,
            user_id=user_id,
            in_group=source.get("type") in ("group", "room"),
            gateway=self._gateway_for(answers),
            networks=self.networks,
            config=self.config,
            questionnaire=self.questionnaire,
            media=self.media,
            media_dir=self.media_dir,
        )
        if event is None:
            messages, outcome = [], f"ignored:unknown-type:{payload.get('type', '?')}"
        elif payload.get("mode") == "standby":
            messages, outcome = [], "ignored:standby"
        else:
            messages, outcome = self.router.handle(event, ctx)
            if payload.get("replyToken") and not ctx.in_group:
                # What could not be pushed for lack of quota goes free with this reply.
                messages = with_owed_notices(session, member, messages, now, self.zone)
        delivery_id = 0
        if messages:
            delivery_id = self._enqueue(session, payload, messages[:5], now)
        if not inbox.finish(session, row_id, outcome, now):
            raise RuntimeError("event finished twice")
        if user_id and not ctx.in_group and not _consenting(session, user_id):
            # Someone we keep nothing about (no member row, or no consent): the stored event and
            # the reply to them are emptied once handled and sent; make that true on disk too.
            forget_after_commit(session, UNKEPT_TRACES)
        return delivery_id

    def _gateway_for(self, answers: LineAnswers | None) -> DeferredGateway | None:
        if self.sender.gateway is None:
            return None
        return DeferredGateway(self.sender.gateway, answers or LineAnswers())

    def _apologise(self, session, payload: dict, now: datetime) -> int:
        if payload.get("mode") == "standby":
            return 0
        return self._enqueue(session, payload, [say("error.sorry", "th")], now)

    @staticmethod
    def _enqueue(session, payload: dict, messages: list[dict], now: datetime) -> int:
        source = payload.get("source") or {}
        to = source.get("groupId") or source.get("roomId") or source.get("userId")
        token = payload.get("replyToken")
        if not to and not token:
            return 0
        delivery = deliveries.enqueue_reply(session, token, to or "", messages, now)
        return delivery.id


def _consenting(session, user_id: str) -> bool:
    member = members.find(session, user_id)
    return member is not None and member.consented


def _transient(exc: Exception) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError)


class InboxWorker:
    """Run the processor on a small thread pool, woken by the webhook and by a periodic sweep."""

    def __init__(
        self, processor: InboxProcessor, threads: int = 4, poll_seconds: float = 2.0
    ) -> None:
        self.processor = processor
        self.poll_seconds = poll_seconds
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="inbox")
        self._wake = threading.Event()
        self._news = threading.Event()  # set with _wake when there is more to handle
        self._stop = threading.Event()
        self._active: set[str] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._sending_due = False

    def start(self) -> None:
        """Start the sweep thread (once); it first handles whatever was left by a previous run."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="inbox-sweep", daemon=True)
                self._thread.start()

    def notify(self) -> None:
        """Wake the sweep: new events were stored."""
        self._news.set()
        self._wake.set()

    def stop(self, wait: bool = True) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and wait:
            self._thread.join(timeout=10)
        self._pool.shutdown(wait=wait, cancel_futures=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self._sweep()
            except Exception as exc:  # noqa: BLE001 - the sweep must survive a database hiccup
                log.error("inbox sweep failed: %s", type(exc).__name__)
            self._sleep()

    def _sleep(self) -> None:
        """Wait for news, the next poll, or the moment a held-back event becomes ready."""
        deadline = time.monotonic() + self.poll_seconds
        while not self._stop.is_set():
            timeout = deadline - time.monotonic()
            held = self.processor.holdback.seconds_until_ready(self.processor.clock())
            if held is not None:
                timeout = min(timeout, held)
            if timeout <= 0 or not self._wake.wait(timeout):
                return
            self._wake.clear()
            if self._news.is_set():
                return
            # Only a lane noting a hold-back: look again at how long to sleep.

    def _sweep(self) -> None:
        self._news.clear()
        self.processor.holdback.forget()
        with self.processor.db.unit_of_work() as session:
            keys = inbox.pending_lanes(session)
        for key in keys:
            with self._lock:
                if key in self._active:
                    continue
                self._active.add(key)
            self._pool.submit(self._run_lane, key)
        with self._lock:
            if self._sending_due:
                return
            self._sending_due = True
        self._pool.submit(self._send_due)

    def _run_lane(self, key: str) -> None:
        handled = 0
        try:
            handled = self.processor.process_lane(key)
        except Exception as exc:  # noqa: BLE001
            log.error("lane failed: %s", type(exc).__name__)
            handled = 1  # look again soon, as after any change
        finally:
            with self._lock:
                self._active.discard(key)
            if handled:
                self._news.set()  # an event may have arrived while this lane was finishing
            self._wake.set()  # either way: a hold-back may now end sooner than the next poll

    def _send_due(self) -> None:
        try:
            self.processor.sender.send_due()
            # A disk cleanup deferred by busy readers is tried again on every sweep.
            self.processor.db.forget_erased()
        except Exception as exc:  # noqa: BLE001
            log.error("sending due deliveries failed: %s", type(exc).__name__)
        finally:
            with self._lock:
                self._sending_due = False
