"""Store what handling events decided: their replies, the events marked done, nothing kept of
those who did not consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage import deliveries, inbox, members
from storage.db import forget_after_commit

# Where an event and its reply leave traces, cleaned on disk for those we keep nothing about.
UNKEPT_TRACES = ["inbox_events", "deliveries", "conversations", "lanes"]


@dataclass(frozen=True)
class Answered:
    """One handled event: what to reply (maybe nothing) and how it ended."""

    row_id: int
    payload: dict
    messages: list[dict]
    outcome: str
    # The user who wrote privately: if they turn out not to consent, their traces are forgotten.
    private_sender: str | None = None


def record(
    session, answered: list[Answered], now: datetime, hold: timedelta | None = None
) -> list[int]:
    """Store the replies and mark the events done, one statement each for all of them; return
    each event's reply's delivery id (0 for none), in order.

    With `hold`, the replies are stored claimed by this process for sending (a batch's).
    """
    replying = [one for one in answered if one.messages]
    stored = deliveries.enqueue_replies_to_events(
        session, [(one.payload, one.messages[:5]) for one in replying], now, hold
    )
    ids = dict(zip((one.row_id for one in replying), stored, strict=True))
    if not inbox.finish_all(session, [(one.row_id, one.outcome) for one in answered], now):
        raise RuntimeError("event finished twice")
    senders = {one.private_sender for one in answered if one.private_sender}
    if any(not _consenting(session, user_id) for user_id in senders):
        # Someone we keep nothing about (no member row, or no consent): the stored event and
        # the reply to them are emptied once handled and sent; make that true on disk too.
        forget_after_commit(session, UNKEPT_TRACES)
    return [ids.get(one.row_id, 0) for one in answered]


def _consenting(session, user_id: str) -> bool:
    member = members.find(session, user_id)
    return member is not None and member.consented
