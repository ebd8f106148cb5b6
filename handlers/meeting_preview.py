"""What a meeting will cost before it is confirmed: its reminders, recipients, messages and quota."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from handlers import quota_month
from handlers.flow import FlowState
from handlers.quota_month import MonthQuota
from messages.catalog import text
from messages.meetings import send_time, when
from storage import daytime, meetings
from storage.models.meetings import Meeting
from storage.reminder_plan import DEFAULT_PLAN, USEFUL_BEFORE_START, due_times


@dataclass(frozen=True)
class Cost:
    recipients: int
    messages: int
    # Each month (LINE's) the sends fall in: its quota and what this meeting costs in it.
    months: tuple[tuple[MonthQuota, int], ...] = ()
    # The organiser is in the audience but is not sent their own meeting: "(ไม่รวมคุณ)".
    without_you: bool = False

    @property
    def over_months(self) -> list[tuple[MonthQuota, int]]:
        """The months this would take over their quota (only those are refused)."""
        return [(q, needed) for q, needed in self.months if q.left is not None and needed > q.left]

    @property
    def over(self) -> bool:
        return bool(self.over_months)


def plan_of(state: FlowState) -> str:
    config = state.ctx.config
    return getattr(config, "meeting_reminders", None) or DEFAULT_PLAN


def planned(plan: str, meeting: Meeting, now: datetime, zone) -> list[tuple[str, datetime]]:
    """The sends a meeting will make, as create() plans them."""
    sends = due_times(plan, meeting.starts_at, now, zone)
    if meeting.audience == "group" or meeting.organiser_id is None:
        sends = [(kind, due) for kind, due in sends if kind != "rsvp_summary"]
    return sends


def month_quota(state: FlowState, moment: datetime) -> MonthQuota:
    """The quota of LINE's month holding `moment`, as every screen reckons it."""
    ctx = state.ctx
    return quota_month.month_quota(ctx.session, ctx.gateway, moment, ctx.clock(), ctx.zone,
                                   state.language)  # fmt: skip


def recipients_of(state: FlowState, meeting: Meeting, *, without_declined: bool = False) -> int:
    """How many messages one send of this meeting costs."""
    return quota_month.recipients_of(state.ctx.session, state.ctx.gateway, meeting,
                                     without_declined=without_declined)  # fmt: skip


def cost(state: FlowState, meeting: Meeting, sends: list[tuple[str, datetime]]) -> Cost:
    """Count the messages: one per recipient per send (a group per member), one per summary,
    and set them, month by month, against what LINE's quota has left in each."""
    recipients = recipients_of(state, meeting)
    now = state.ctx.clock()
    per_month: dict[datetime, int] = {}
    for kind, due in sends:
        month = quota_month.month_start(max(due, now))
        per_month[month] = per_month.get(month, 0) + (1 if kind == "rsvp_summary" else recipients)
    if not per_month:
        per_month[quota_month.month_start(now)] = 0
    months = tuple((month_quota(state, month), count) for month, count in sorted(per_month.items()))
    return Cost(recipients, sum(per_month.values()), months, _organiser_invited(state, meeting))


def _organiser_invited(state: FlowState, meeting: Meeting) -> bool:
    """True when the organiser belongs to the audience (and so is left out of the count)."""
    if meeting.audience == "group" or meeting.organiser_id is None:
        return False
    members = meetings.audience_members(state.ctx.session, meeting)
    return any(m.id == meeting.organiser_id for m in members)


def notice_cost(state: FlowState, meeting: Meeting) -> Cost:
    """The cost of telling those invited about a change or a cancellation (sent now)."""
    recipients = recipients_of(state, meeting)
    this_month = ((month_quota(state, state.ctx.clock()), recipients),)
    return Cost(recipients, recipients, this_month, _organiser_invited(state, meeting))


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
        if kind == "announcement" and not daytime.is_daytime(now, zone):
            # Sent at night all the same: say why (the meeting begins too early to wait).
            cutoff = (
                f"{daytime.next_morning(now, zone).astimezone(zone) + USEFUL_BEFORE_START:%H:%M}"
            )
            lines.append(text("meeting.plan.announcement_night", language, time=cutoff))
            continue
        lines.append(
            text(f"meeting.plan.{kind}", language, when=when(due, zone, language), minutes=minutes)
        )
    return "\n".join(lines)


def cost_line(found: Cost, language: str) -> str:
    """What it costs (month by month when it spans several), then each month's quota line."""
    said = text("meeting.cost.total_without_you" if found.without_you else "meeting.cost.total",
                language, recipients=found.recipients, messages=found.messages)  # fmt: skip
    if len(found.months) > 1:
        said += ": " + ", ".join(
            text("quota.cost_item", language, month=q.label(language), messages=count)
            for q, count in found.months
        )
    return "\n".join([said, *(q.line(language) for q, _ in found.months)])


def over_lines(found: Cost, language: str) -> str:
    """Why a meeting cannot be confirmed, naming each month over, and what is planned in them."""
    over = found.over_months
    months = ", ".join(q.label(language) for q, _ in over)
    lines = [text("meeting.quota.over", language, months=months)]
    lines += [
        text("quota.over_item", language, month=q.label(language), messages=needed, left=q.left)
        for q, needed in over
    ]
    for q, _ in over:
        if q.planned_lines:
            lines += ["", text("meeting.quota.planned", language, month=q.label(language),
                               planned=q.planned, lines="\n".join(q.planned_lines))]  # fmt: skip
    lines += ["", text("meeting.quota.advice", language)]
    return "\n".join(lines)
