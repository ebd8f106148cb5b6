"""The bot's own traces of a member: conversations, inbox receipts, outbox rows and lanes."""

from __future__ import annotations

import json

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage import conversations, deliveries, inbox
from storage.erasure import Fact, Subject, describer, eraser
from storage.models import Conversation, Delivery, InboxEvent, Lane

# After every feature's rows (they may read a conversation), before the member row.
LAST = 900


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def withdraw_pending_pushes(session: Session, line_user_id: str) -> int:
    """Take the user out of every push and multicast not sent yet; return deliveries changed."""
    pattern = _like(json.dumps(line_user_id))
    rows = session.scalars(
        select(Delivery).where(
            Delivery.status == deliveries.PENDING,
            Delivery.kind != "reply",
            Delivery.recipients.like(pattern, escape="\\"),
        )
    ).all()
    for row in rows:
        others = [to for to in json.loads(row.recipients) if to != line_user_id]
        if others:
            row.recipients = json.dumps(others)
            row.recipient_count = len(others)
        else:
            session.delete(row)
    return len(rows)


@eraser("conversations", order=LAST)
def erase_conversations(session: Session, subject: Subject) -> int:
    """Forget every conversation, finished or not."""
    return conversations.end_all(session, subject.line_user_id)


@eraser("deliveries", order=LAST)
def erase_deliveries(session: Session, subject: Subject) -> int:
    """Drop unsent pushes to the user, and every stored message that names them."""
    changed = withdraw_pending_pushes(session, subject.line_user_id)
    pattern = _like(subject.line_user_id)
    rows = session.scalars(
        select(Delivery).where(
            or_(
                Delivery.recipients.like(pattern, escape="\\"),
                Delivery.messages.like(pattern, escape="\\"),
                Delivery.dedupe_key.like(pattern, escape="\\"),
            )
        )
    ).all()
    for row in rows:
        if row.kind != "multicast":
            session.delete(row)
            continue
        # A multicast is kept for the others (and its dedupe key); only the user leaves it.
        remaining = [to for to in json.loads(row.recipients) if to != subject.line_user_id]
        if remaining != json.loads(row.recipients):
            row.recipients = json.dumps(remaining)
            row.recipient_count = len(remaining)
        if row.status != deliveries.PENDING and subject.line_user_id in row.messages:
            row.messages = "[]"
    return changed + len(rows)


@eraser("inbox", order=LAST, tables=("inbox_events",))
def erase_inbox(session: Session, subject: Subject) -> int:
    """Strip stored events that carry the user id; waiting ones are stripped once handled."""
    pattern = _like(subject.line_user_id)
    result = session.execute(
        update(InboxEvent)
        .where(
            InboxEvent.status != inbox.PENDING,
            or_(
                InboxEvent.payload.like(pattern, escape="\\"),
                InboxEvent.lane_key.like(pattern, escape="\\"),
                InboxEvent.lane_key == inbox.user_lane(subject.line_user_id),
            ),
        )
        .values(payload=None, lane_key=None)
    )
    return result.rowcount or 0


def _idle(subject: Subject):
    """A lane no worker holds (a lease that ran out by the subject's time counts as idle)."""
    if subject.now is None:
        return Lane.holder.is_(None)
    return or_(Lane.holder.is_(None), Lane.lease_until < subject.now)


@eraser("lanes", order=LAST)
def erase_lanes(session: Session, subject: Subject) -> int:
    """Remove the user's idle lane (the one being worked on goes when it is released)."""
    result = session.execute(
        delete(Lane).where(
            or_(
                Lane.key.like(_like(subject.line_user_id), escape="\\"),
                Lane.key == inbox.user_lane(subject.line_user_id),
            ),
            _idle(subject),
        )
    )
    return result.rowcount or 0


@describer("conversations", order=LAST)
def describe_conversations(session: Session, subject: Subject) -> list[Fact]:
    """Count the conversations the member left unfinished."""
    count = session.scalar(
        select(func.count())
        .select_from(Conversation)
        .where(Conversation.line_user_id == subject.line_user_id)
    )
    return [Fact("mydata.conversations", {"count": count})] if count else []
