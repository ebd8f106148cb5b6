"""Handle stored webhook events off the request path: one lane per source, in LINE's order."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from bot.event_answers import Answered, record
from bot.holdback import HoldBack
from bot.inbox_batch import finish_batch, take_batch
from bot.inbox_failures import log_failure, record_failure
from bot.quota_notices import with_owed_notices
from bot.sender import DeliverySender
from handlers.context import Context
from handlers.deferred import DeferredGateway, LineAnswers, NeedsLine
from handlers.router import Router, parse_event
from storage import inbox, lanes, members
from storage.db import Database
from storage.types import utcnow

# One event's questions to LINE (a profile, a photo, the quota, up to 10 groups' membership).
MAX_LINE_QUESTIONS = 20


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
            batch = take_batch(self)
            handled = finish_batch(self, batch)
            total += handled
            if batch.looked and (batch.held or batch.alone):
                continue  # more may wait behind the lanes just handled
            wait = self.holdback.seconds_until_ready(self.clock())
            if wait is None:
                break
            time.sleep(max(wait, 0.001))
        self.sender.send_due()
        self.db.forget_erased()  # whatever a batch left to the next sweep: there is none
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
                return self.handle(session, payload, row.id, now, answers)
        except Exception as exc:  # noqa: BLE001 - one bad event must not stop the lane
            if failure is None:
                raise  # the lane itself could not be read: the caller gives it back
            # Everything the attempt wrote is rolled back (its session may be unusable, e.g. a
            # broken connection); the attempt is counted in a transaction of its own.
            log_failure(failure[2], exc)
            return record_failure(self.db, key, self.holder, *failure, exc, now)

    def handle(
        self, session, payload: dict, row_id: int, now: datetime, answers: LineAnswers | None
    ) -> int:
        """Handle one event inside the caller's unit of work; return its reply's delivery id."""
        return record(session, [self.answer(session, payload, row_id, now, answers)], now)[0]

    def answer(
        self, session, payload: dict, row_id: int, now: datetime, answers: LineAnswers | None
    ) -> Answered:
        """Decide what to say to one event, inside the caller's unit of work (nothing stored
        yet of the reply: see `event_answers.record`)."""
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
        private = user_id if user_id and not ctx.in_group else None
        return Answered(row_id, payload, messages, outcome, private)

    def _gateway_for(self, answers: LineAnswers | None) -> DeferredGateway | None:
        if self.sender.gateway is None:
            return None
        return DeferredGateway(self.sender.gateway, answers or LineAnswers())
