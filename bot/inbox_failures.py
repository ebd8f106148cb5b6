"""A failed event: count the attempt on its own, then retry it later or fail it with an apology."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime, timedelta

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from messages.builders import say
from storage import deliveries, inbox, lanes
from storage.db import Database

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
# A lost database connection or a busy SQLite is not the event's fault: it gets more attempts
# (still a bound: on SQLite a broken query is an OperationalError too, and must not loop).
TRANSIENT_ATTEMPTS = 10


def log_failure(event_id: str, exc: BaseException) -> None:
    """Log where an event failed: the type and place only (its text may quote the member)."""
    where = traceback.extract_tb(exc.__traceback__)[-1]
    log.error("event %s failed: %s at %s:%s", event_id, type(exc).__name__, where.filename,
              where.lineno)  # fmt: skip


def transient(exc: BaseException) -> bool:
    """Whether the failure is the database's (connection lost, busy), not the event's."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError)


def record_failure(
    db: Database, key: str, holder: str, row_id: int, payload: dict, event_id: str,
    exc: Exception, now: datetime,
) -> int | None:  # fmt: skip
    """Count a failed attempt in a transaction of its own (the attempt's may be unusable, e.g. a
    broken connection); see `count_failure`."""
    with db.unit_of_work() as session:
        return count_failure(session, key, holder, row_id, payload, event_id, exc, now)


def count_failure(
    session, key: str, holder: str, row_id: int, payload: dict, event_id: str, exc: Exception,
    now: datetime, hold: timedelta | None = None,
) -> int | None:  # fmt: skip
    """Count a failed attempt (its own writes already rolled back); after the last, fail the
    event and apologise once.

    Return the apology's delivery id (0 for none) when the event is failed and the lane goes
    on, None when the event waits for another attempt (the lane is given back).
    """
    limit = TRANSIENT_ATTEMPTS if transient(exc) else MAX_ATTEMPTS
    status = inbox.record_failure(session, row_id, type(exc).__name__, limit, now)
    if status != inbox.FAILED:
        lanes.release(session, key, holder)
        return None  # leave it waiting; the next sweep tries again, in order
    try:
        with session.begin_nested():
            return apologise(session, payload, now, hold)
    except Exception as apology_error:  # noqa: BLE001 - the failure must still be kept
        log.error("apology for event %s not stored: %s", event_id,
                  type(apology_error).__name__)  # fmt: skip
        return 0


def apologise(session, payload: dict, now: datetime, hold: timedelta | None = None) -> int:
    """Store the polite "something went wrong" reply to a failed event (none in standby)."""
    if payload.get("mode") == "standby":
        return 0
    sorry = [say("error.sorry", "th")]
    return deliveries.enqueue_reply_to_event(session, payload, sorry, now, hold)
