"""What a meeting will cost before it is confirmed: its reminders, recipients, messages and quota."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from handlers.flow import FlowState
from messages.catalog import text
from messages.meetings import when
from storage import meetings
from storage.models.meetings import Meeting
from storage.reminder_plan import DEFAULT_PLAN, due_times

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cost:
    recipients: int
    messages: int
    left: int | None  # what remains of this month's quota; None when unlimited
    known: bool = True  # False when LINE could not be asked

    @property
    def over(self) -> bool:
        return self.known and self.left is not None and self.messages > self.left


def plan_of(state: FlowState) -> str:
    config = state.ctx.config
    return getattr(config, "meeting_reminders", None) or DEFAULT_PLAN


def planned(plan: str, meeting: Meeting, now: datetime, zone) -> list[tuple[str, datetime]]:
    """The sends a meeting will make, as create() plans them."""
    sends = due_times(plan, meeting.starts_at, now, zone)
    if meeting.audience == "group" or meeting.organiser_id is None:
        sends = [(kind, due) for kind, due in sends if kind != "rsvp_summary"]
    return sends


def quota_left(state: FlowState) -> tuple[int | None, bool]:
    """Ask LINE (through the gateway) what remains this month: (left or None if unlimited, known)."""
    gateway = state.ctx.gateway
    if gateway is None:
        return None, False
    try:
        limit, used = gateway.quota()
    except Exception as exc:  # noqa: BLE001 - an unknown quota must not block scheduling
        log.warning("quota check failed: %s", type(exc).__name__)
        return None, False
    return (None if limit is None else max(limit - used, 0)), True


def cost(state: FlowState, meeting: Meeting, sends: list[tuple[str, datetime]]) -> Cost:
    """Count the messages: one per recipient per send (a group counts once), one per summary."""
    if meeting.audience == "group":
        recipients = 1
    else:
        recipients = len(meetings.invitees(state.ctx.session, meeting, without_declined=False)[0])
    total = sum(1 if kind == "rsvp_summary" else recipients for kind, _ in sends)
    left, known = quota_left(state)
    return Cost(recipients, total, left, known)


def notice_cost(state: FlowState, meeting: Meeting) -> Cost:
    """The cost of telling those invited about a change or a cancellation."""
    recipients = (
        1
        if meeting.audience == "group"
        else len(meetings.invitees(state.ctx.session, meeting, without_declined=False)[0])
    )
    left, known = quota_left(state)
    return Cost(recipients, recipients, left, known)


def describe(sends: list[tuple[str, datetime]], meeting: Meeting, state: FlowState) -> str:
    """One line per planned send, in the member's language."""
    language, zone = state.language, state.ctx.zone
    lines = []
    for kind, due in sends:
        minutes = round((meeting.starts_at - due).total_seconds() / 60)
        lines.append(
            text(f"meeting.plan.{kind}", language, when=when(due, zone, language), minutes=minutes)
        )
    return "\n".join(lines)


def cost_line(found: Cost, language: str) -> str:
    if not found.known:
        key = "meeting.cost.unknown"
    elif found.left is None:
        key = "meeting.cost.unlimited"
    else:
        key = "meeting.cost.limited"
    return text(
        key, language, recipients=found.recipients, messages=found.messages, left=found.left
    )
