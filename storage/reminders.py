"""Repository of reminders and recurring prompts: what is due, taking one once, what became of it."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import Delivery
from storage.models.meetings import PENDING, QUEUED, SKIPPED, WITHDRAWN, RecurringPrompt, Reminder
from storage.upsert import insert_ignore


def due_ids(session: Session, now: datetime, limit: int = 100) -> list[int]:
    """List pending reminders whose time has come, oldest first."""
    stmt = (
        select(Reminder.id)
        .where(Reminder.status == PENDING, Reminder.due_at <= now)
        .order_by(Reminder.due_at, Reminder.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def pending_before(session: Session, end: datetime) -> list[Reminder]:
    """Every planned send still to go out before `end` (overdue ones included), oldest first."""
    stmt = (
        select(Reminder)
        .where(Reminder.status == PENDING, Reminder.due_at < end)
        .order_by(Reminder.due_at, Reminder.id)
    )
    return list(session.scalars(stmt))


def take(session: Session, reminder_id: int, now: datetime) -> Reminder | None:
    """Mark a pending reminder queued and return it; None if another clock already took it.

    The caller creates the deliveries in the same transaction: both happen, or neither.
    """
    result = session.execute(
        update(Reminder)
        .where(Reminder.id == reminder_id, Reminder.status == PENDING)
        .values(status=QUEUED, queued_at=now)
    )
    if result.rowcount != 1:
        return None
    return session.get(Reminder, reminder_id, populate_existing=True)


def record(reminder: Reminder, recipients: int, left_out: dict[str, int]) -> None:
    """Keep how many the reminder went to and how many were left out, and why."""
    reminder.recipient_count = recipients
    reminder.left_out = json.dumps(left_out, sort_keys=True) if left_out else None


def skip(reminder: Reminder, reason: str) -> None:
    """Give up on a taken reminder without sending, keeping the reason (a code, e.g. "started")."""
    reminder.status = SKIPPED
    reminder.reason = reason[:200]


def of_meeting(session: Session, meeting_id: int) -> list[Reminder]:
    stmt = (
        select(Reminder)
        .where(Reminder.meeting_id == meeting_id)
        .order_by(Reminder.due_at, Reminder.id)
    )
    return list(session.scalars(stmt))


def key_prefix(reminder: Reminder) -> str:
    """The start of the dedupe key of every delivery made from this reminder."""
    owner = (
        f"meeting:{reminder.meeting_id}" if reminder.meeting_id else f"prompt:{reminder.prompt_id}"
    )
    return f"{owner}:reminder:{reminder.id}:{reminder.kind}:"


def deliveries_of(session: Session, reminder: Reminder) -> list[Delivery]:
    """The deliveries made from a reminder (found by their dedupe keys)."""
    prefix = key_prefix(reminder)
    stmt = (
        select(Delivery)
        .where(Delivery.dedupe_key.startswith(prefix, autoescape=True))
        .order_by(Delivery.id)
    )
    return list(session.scalars(stmt))


def add_prompt(
    session: Session, *, day: int, at: str, text_th: str, text_en: str | None,
    networks: list[str] | None, now: datetime,
) -> RecurringPrompt:  # fmt: skip
    """Store a monthly prompt; the clock plans its occurrences."""
    prompt = RecurringPrompt(
        day_of_month=day, at_time=at, text_th=text_th, text_en=text_en,
        networks=",".join(networks) if networks else None, active=True, created_at=now,
    )  # fmt: skip
    session.add(prompt)
    session.flush()
    return prompt


def active_prompts(session: Session) -> list[RecurringPrompt]:
    stmt = (
        select(RecurringPrompt).where(RecurringPrompt.active.is_(True)).order_by(RecurringPrompt.id)
    )
    return list(session.scalars(stmt))


def all_prompts(session: Session) -> list[RecurringPrompt]:
    return list(session.scalars(select(RecurringPrompt).order_by(RecurringPrompt.id)))


def last_planned(session: Session, prompt_id: int) -> datetime | None:
    """When the prompt's latest planned occurrence is (or was) due."""
    return session.scalar(select(func.max(Reminder.due_at)).where(Reminder.prompt_id == prompt_id))


def has_pending(session: Session, prompt_id: int) -> bool:
    stmt = select(func.count(Reminder.id)).where(
        Reminder.prompt_id == prompt_id, Reminder.status == PENDING
    )
    return bool(session.scalar(stmt))


def plan_occurrence(session: Session, prompt_id: int, due: datetime, now: datetime) -> bool:
    """Plan one occurrence of a prompt; two clocks planning the same one insert a single row."""
    row = {
        "prompt_id": prompt_id,
        "kind": "recurring",
        "due_at": due,
        "status": PENDING,
        "plan_key": f"prompt:{prompt_id}:{due.astimezone(UTC):%Y%m%dT%H%MZ}",
        "created_at": now,
    }
    return bool(insert_ignore(session, Reminder, [row]))


def stop_prompt(session: Session, prompt_id: int) -> bool:
    """Stop a prompt and withdraw its planned occurrence; False if there is no such prompt."""
    prompt = session.get(RecurringPrompt, prompt_id)
    if prompt is None:
        return False
    prompt.active = False
    session.execute(
        update(Reminder)
        .where(Reminder.prompt_id == prompt_id, Reminder.status == PENDING)
        .values(status=WITHDRAWN, reason="prompt_stopped")
    )
    return True
