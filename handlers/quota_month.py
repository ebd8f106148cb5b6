"""One account of LINE's monthly message quota: the limit, what was sent, what is planned.

Every screen that speaks of the quota (the meeting preview and its confirmation, a change
notice, the remind-non-responders button, the delivery report, the staff digest page) asks
`month_quota`, so they all say the same numbers. LINE is asked through the gateway a handler
is given: inside a unit of work that is the deferred gateway (handlers/deferred.py), which
never calls LINE with a transaction open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from handlers.periods import period_bounds, period_label
from messages.catalog import text
from messages.meetings import when
from storage import meetings, reminders, stories
from storage.meetings import NUDGE
from storage.models.meetings import SCHEDULED, Meeting, RecurringPrompt

log = logging.getLogger(__name__)

# LINE counts a month's messages in Japan time: its message statistics are all dated in UTC+9,
# so a push at 23:00 in Bangkok on the last day of a month counts against the next month.
LINE_MONTH_ZONE = ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True)
class MonthQuota:
    """LINE's quota for one month: its limit, what LINE says was sent, what is still planned."""

    start: datetime  # the month's first instant (LINE's zone)
    limit: int | None  # None: the plan has no monthly limit
    used: int  # LINE's count of messages sent (0 for a month still to come)
    planned: int  # messages the pending planned sends will cost in this month
    known: bool  # False when LINE could not be asked
    current: bool  # the month LINE is counting now
    planned_lines: tuple[str, ...] = ()  # what the planned sends are, largest first

    @property
    def left(self) -> int | None:
        """What remains after what was sent and what is planned (None: unlimited or unknown)."""
        if not self.known or self.limit is None:
            return None
        return max(self.limit - self.used - self.planned, 0)

    def label(self, language: str) -> str:
        """The month's name: "ธ.ค. 2569" / "Dec 2026"."""
        return period_label("month", self.start, language)

    def line(self, language: str) -> str:
        """The one line every screen shows for this month."""
        month = self.label(language)
        if not self.known:
            return text("quota.month.unknown", language, month=month)
        if self.limit is None:
            return text("quota.month.unlimited", language, month=month)
        key = "quota.month.current" if self.current else "quota.month.later"
        return text(key, language, month=month, left=self.left, limit=self.limit,
                    used=self.used, planned=self.planned)  # fmt: skip


def month_start(moment: datetime) -> datetime:
    """The first instant of LINE's month that holds `moment`."""
    return period_bounds("month", moment, LINE_MONTH_ZONE)[0]


def months_of(moments: list[datetime], now: datetime) -> list[datetime]:
    """The months (their starts) the moments fall in, in order; one already past counts as now."""
    return sorted({month_start(max(moment, now)) for moment in moments})


def month_quota(
    session: Session, gateway: Any, moment: datetime, now: datetime, zone: ZoneInfo, language: str
) -> MonthQuota:
    """LINE's quota for the month holding `moment`: limit, sent (LINE's count) and planned."""
    start, end = period_bounds("month", moment, LINE_MONTH_ZONE)
    current = start <= now < end
    limit, used, known = _ask_line(gateway)
    planned, lines = planned_in(session, gateway, start, end, now, zone, language)
    return MonthQuota(start, limit, used if current else 0, planned, known, current, tuple(lines))


def _ask_line(gateway: Any) -> tuple[int | None, int, bool]:
    if gateway is None:
        return None, 0, False
    try:
        limit, used = gateway.quota()
    except Exception as exc:  # noqa: BLE001 - an unknown quota is said so, never a crash
        log.warning("quota check failed: %s", type(exc).__name__)
        return None, 0, False
    return limit, int(used or 0), True


def group_size(gateway: Any, group_id: str | None) -> int:
    """How many members LINE counts in a group (a push to a group costs one message each)."""
    if gateway is None or not group_id:
        return 1
    try:
        return max(int(gateway.group_member_count(group_id)), 1)
    except Exception as exc:  # noqa: BLE001 - an unknown size must not block scheduling
        log.warning("group member count failed: %s", type(exc).__name__)
        return 1


def recipients_of(
    session: Session, gateway: Any, meeting: Meeting, *, without_declined: bool = False
) -> int:
    """How many messages one send of this meeting costs."""
    if meeting.audience == "group":
        return group_size(gateway, meeting.group_id)
    return len(meetings.invitees(session, meeting, without_declined=without_declined)[0])


def planned_in(
    session: Session, gateway: Any, start: datetime, end: datetime, now: datetime,
    zone: ZoneInfo, language: str,
) -> tuple[int, list[str]]:  # fmt: skip
    """Messages every pending planned send will cost between `start` and `end`.

    A send already due (overdue) goes out now, so it counts in the current month. Returns the
    total and one line per meeting, prompt or digest, largest first (what an organiser may drop).
    """
    current = start <= now < end
    per_owner: dict[tuple[str, int], int] = {}
    sizes: dict[tuple[str, int], int] = {}
    for reminder in reminders.pending_before(session, end):
        if max(reminder.due_at, now) < start:
            continue
        if reminder.meeting_id is not None:
            key = ("meeting", reminder.meeting_id)
            count = _meeting_send(session, gateway, reminder, sizes)
        else:
            key = ("prompt", reminder.prompt_id or 0)
            if key not in sizes:
                sizes[key] = _prompt_size(session, reminder.prompt_id)
            count = sizes[key]
        if count:
            per_owner[key] = per_owner.get(key, 0) + count
    if current:
        # A digest staff approved is sent by the clock this month (in the daytime, once).
        waiting = stories.digests_to_send(session)
        if waiting:
            per_owner[("digest", 0)] = len(stories.digest_recipients(session)) * len(waiting)
    lines = [
        _owner_line(session, kind, owner_id, count, zone, language)
        for (kind, owner_id), count in sorted(per_owner.items(), key=lambda item: -item[1])
    ]
    return sum(per_owner.values()), lines


def _meeting_send(session: Session, gateway: Any, reminder, sizes: dict) -> int:
    key = ("meeting", reminder.meeting_id)
    if key not in sizes:
        meeting = session.get(Meeting, reminder.meeting_id)
        live = meeting is not None and meeting.status == SCHEDULED
        sizes[key] = recipients_of(session, gateway, meeting, without_declined=True) if live else 0
    if not sizes[key]:
        return 0
    if reminder.kind == "rsvp_summary":
        return 1
    meeting = session.get(Meeting, reminder.meeting_id)
    if reminder.kind == NUDGE and meeting.audience != "group":
        return len(meetings.not_answered(session, meeting))
    return sizes[key]


def _prompt_size(session: Session, prompt_id: int | None) -> int:
    prompt = session.get(RecurringPrompt, prompt_id)
    if prompt is None or not prompt.active:
        return 0
    networks = prompt.networks.split(",") if prompt.networks else None
    return len(meetings.reachable(session, meetings.registered_in(session, networks))[0])


def _owner_line(
    session: Session, kind: str, owner_id: int, count: int, zone: ZoneInfo, language: str
) -> str:
    if kind == "meeting":
        meeting = session.get(Meeting, owner_id)
        return text("meeting.quota.planned_meeting", language, title=meeting.title,
                    when=when(meeting.starts_at, zone, language), messages=count)  # fmt: skip
    if kind == "digest":
        return text("quota.planned_digest", language, messages=count)
    return text("meeting.quota.planned_prompt", language, id=owner_id, messages=count)
