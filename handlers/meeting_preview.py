"""What a meeting will cost before it is confirmed: its reminders, recipients, messages and quota."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.flow import FlowState
from messages.catalog import text
from messages.meetings import send_time, when
from storage import meetings, reminders
from storage.models.meetings import SCHEDULED, Meeting, RecurringPrompt
from storage.reminder_plan import DEFAULT_PLAN, due_times

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cost:
    recipients: int
    messages: int
    left: int | None  # what remains of this month's quota after the sends already planned
    known: bool = True  # False when LINE could not be asked
    planned: int = 0  # messages other meetings and prompts will still send this month
    this_month: int | None = None  # of `messages`, those due before this month ends
    planned_lines: tuple[str, ...] = ()  # what the planned sends are, to choose what to drop

    @property
    def over(self) -> bool:
        needed = self.messages if self.this_month is None else self.this_month
        return self.known and self.left is not None and needed > self.left


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


def month_end(now: datetime, zone: ZoneInfo) -> datetime:
    """The first instant of the next local month: LINE's quota is counted per calendar month."""
    local = now.astimezone(zone)
    year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    return datetime(year, month, 1, tzinfo=zone)


def group_size(state: FlowState, group_id: str | None) -> int:
    """How many members LINE counts in a group (a push to a group costs one message each)."""
    gateway = state.ctx.gateway
    if gateway is None or not group_id:
        return 1
    try:
        return max(int(gateway.group_member_count(group_id)), 1)
    except Exception as exc:  # noqa: BLE001 - an unknown size must not block scheduling
        log.warning("group member count failed: %s", type(exc).__name__)
        return 1


def recipients_of(state: FlowState, meeting: Meeting, *, without_declined: bool = False) -> int:
    """How many messages one send of this meeting costs."""
    if meeting.audience == "group":
        return group_size(state, meeting.group_id)
    session = state.ctx.session
    return len(meetings.invitees(session, meeting, without_declined=without_declined)[0])


def already_planned(state: FlowState, end: datetime) -> tuple[int, list[str]]:
    """Messages every pending planned send (meetings and prompts) will cost before `end`.

    Returns the total and one line per meeting or prompt, largest first, so an organiser over
    the quota can see what to drop.
    """
    session, language, zone = state.ctx.session, state.language, state.ctx.zone
    per_owner: dict[tuple[str, int], int] = {}
    sizes: dict[tuple[str, int], int] = {}
    for reminder in reminders.pending_before(session, end):
        if reminder.meeting_id is not None:
            key = ("meeting", reminder.meeting_id)
            if key not in sizes:
                meeting = session.get(Meeting, reminder.meeting_id)
                live = meeting is not None and meeting.status == SCHEDULED
                sizes[key] = recipients_of(state, meeting, without_declined=True) if live else 0
            count = 1 if reminder.kind == "rsvp_summary" and sizes[key] else sizes[key]
        else:
            key = ("prompt", reminder.prompt_id or 0)
            if key not in sizes:
                prompt = session.get(RecurringPrompt, reminder.prompt_id)
                if prompt is None or not prompt.active:
                    sizes[key] = 0
                else:
                    networks = prompt.networks.split(",") if prompt.networks else None
                    found = meetings.reachable(session, meetings.registered_in(session, networks))
                    sizes[key] = len(found[0])
            count = sizes[key]
        if count:
            per_owner[key] = per_owner.get(key, 0) + count
    lines = []
    for (kind, owner_id), count in sorted(per_owner.items(), key=lambda item: -item[1]):
        if kind == "meeting":
            meeting = session.get(Meeting, owner_id)
            lines.append(
                text("meeting.quota.planned_meeting", language, title=meeting.title,
                     when=when(meeting.starts_at, zone, language), messages=count)
            )  # fmt: skip
        else:
            lines.append(
                text("meeting.quota.planned_prompt", language, id=owner_id, messages=count)
            )
    return sum(per_owner.values()), lines


def cost(state: FlowState, meeting: Meeting, sends: list[tuple[str, datetime]]) -> Cost:
    """Count the messages: one per recipient per send (a group per member), one per summary.

    What is left of the quota is LINE's figure less every send already planned this month.
    """
    recipients = recipients_of(state, meeting)
    total = sum(1 if kind == "rsvp_summary" else recipients for kind, _ in sends)
    left, known = quota_left(state)
    if left is None:
        return Cost(recipients, total, left, known)
    end = month_end(state.ctx.clock(), state.ctx.zone)
    this_month = sum(
        1 if kind == "rsvp_summary" else recipients for kind, due in sends if due < end
    )
    planned, lines = already_planned(state, end)
    return Cost(recipients, total, max(left - planned, 0), known, planned, this_month, tuple(lines))


def notice_cost(state: FlowState, meeting: Meeting) -> Cost:
    """The cost of telling those invited about a change or a cancellation."""
    recipients = recipients_of(state, meeting)
    left, known = quota_left(state)
    return Cost(recipients, recipients, left, known)


def describe(sends: list[tuple[str, datetime]], meeting: Meeting, state: FlowState) -> str:
    """One line per planned send, in the member's language."""
    language, zone, now = state.language, state.ctx.zone, state.ctx.clock()
    lines = []
    for kind, due in sends:
        minutes = round((meeting.starts_at - due).total_seconds() / 60)
        if kind == "announcement" and due > now:  # held for the morning (storage.daytime)
            held = send_time(due, now, zone, language)
            lines.append(text("meeting.plan.announcement_held", language, when=held))
            continue
        lines.append(
            text(f"meeting.plan.{kind}", language, when=when(due, zone, language), minutes=minutes)
        )
    return "\n".join(lines)


def cost_line(found: Cost, language: str) -> str:
    if not found.known:
        key = "meeting.cost.unknown"
    elif found.left is None:
        key = "meeting.cost.unlimited"
    elif found.planned:
        key = "meeting.cost.limited_planned"
    else:
        key = "meeting.cost.limited"
    return text(
        key, language, recipients=found.recipients, messages=found.messages, left=found.left,
        planned=found.planned,
    )  # fmt: skip


def over_lines(found: Cost, language: str) -> str:
    """Why a meeting cannot be confirmed, and (when other sends are planned) what to drop."""
    needed = found.messages if found.this_month is None else found.this_month
    message = text("meeting.quota.over", language, messages=needed, left=found.left)
    if found.planned_lines:
        message += "\n\n" + text(
            "meeting.quota.planned", language, planned=found.planned,
            lines="\n".join(found.planned_lines),
        )  # fmt: skip
    return message
