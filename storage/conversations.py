"""Repository of conversations: the current one, a paused one, start, save, end."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from storage.models.conversations import Conversation

IDLE_LIMIT = timedelta(hours=24)
_CURRENT = select(Conversation).where(
    Conversation.line_user_id == bindparam("user_id"), Conversation.is_current.is_(True)
)
# Members' current conversations read ahead for a batch (`look_ahead`), each answered once.
_AHEAD = "conversations.ahead"


def current(session: Session, user_id: str) -> Conversation | None:
    """Return the conversation the member is in now, if any."""
    ahead = session.info.get(_AHEAD)
    if ahead and user_id in ahead:
        # Read ahead, and no conversation changed since (every change here forgets them all).
        conversation = ahead.pop(user_id)
        if conversation is None or (conversation in session and conversation.is_current):
            return conversation
    return session.scalars(_CURRENT, {"user_id": user_id}).first()


def look_ahead(session: Session, user_ids: list[str]) -> None:
    """Read these members' current conversations in one query; `current` answers each once."""
    wanted = list(dict.fromkeys(user_ids))
    if not wanted:
        return
    stmt = select(Conversation).where(
        Conversation.line_user_id.in_(wanted), Conversation.is_current.is_(True)
    )
    found = {conversation.line_user_id: conversation for conversation in session.scalars(stmt)}
    session.info[_AHEAD] = {user: found.get(user) for user in wanted}


def forget_ahead(session: Session) -> None:
    """Drop what `look_ahead` read: a conversation was started, paused, resumed or ended."""
    session.info.pop(_AHEAD, None)


def find(session: Session, user_id: str, flow: str) -> Conversation | None:
    """Return the member's conversation in `flow`, current or paused."""
    stmt = select(Conversation).where(
        Conversation.line_user_id == user_id, Conversation.flow == flow
    )
    return session.scalars(stmt).first()


def is_expired(conversation: Conversation, now: datetime) -> bool:
    """True once a conversation has been idle for 24 hours."""
    return now - conversation.updated_at >= IDLE_LIMIT


def start(
    session: Session, user_id: str, flow: str, step: str, data: dict[str, Any], now: datetime
) -> Conversation:
    """Begin `flow` afresh at `step`, making it the member's current conversation."""
    end(session, user_id, flow)
    pause_all(session, user_id)
    conversation = Conversation(
        line_user_id=user_id,
        flow=flow,
        step=step,
        data=json.dumps(data, ensure_ascii=False),
        history="[]",
        is_current=True,
        started_at=now,
        updated_at=now,
    )
    session.add(conversation)
    session.flush()
    return conversation


def resume(session: Session, conversation: Conversation, now: datetime) -> None:
    """Make a paused conversation the current one again."""
    pause_all(session, conversation.line_user_id)
    conversation.is_current = True
    conversation.updated_at = now


def pause_all(session: Session, user_id: str) -> None:
    """Set aside whatever the member was doing (it can be resumed later)."""
    forget_ahead(session)
    session.execute(
        update(Conversation)
        .where(Conversation.line_user_id == user_id, Conversation.is_current.is_(True))
        .values(is_current=False)
    )


def end(session: Session, user_id: str, flow: str) -> None:
    """Forget the member's conversation in `flow` (finished, cancelled or expired)."""
    forget_ahead(session)
    session.execute(
        delete(Conversation).where(Conversation.line_user_id == user_id, Conversation.flow == flow)
    )


def end_all(session: Session, user_id: str) -> int:
    """Forget every conversation of the member (they withdrew or deleted their data); return
    how many there were."""
    forget_ahead(session)
    result = session.execute(delete(Conversation).where(Conversation.line_user_id == user_id))
    return result.rowcount or 0
