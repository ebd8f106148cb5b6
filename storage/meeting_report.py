"""Gather a meeting's delivery report: per reminder sent, failed (why), waiting, left out; RSVPs."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from storage import meetings, reminders
from storage.deliveries import FAILED, SENT
from storage.models.meetings import QUEUED, WITHDRAWN, Meeting


@dataclass
class ReminderLine:
    kind: str
    due_at: datetime
    status: str
    reason: str | None = None
    recipients: int = 0
    sent: int = 0
    failed: int = 0
    waiting: int = 0
    failures: dict[str, int] = field(default_factory=dict)  # reason -> recipients
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> members


@dataclass
class Report:
    meeting: Meeting
    lines: list[ReminderLine]
    rsvps: dict[str, int]
    invited: int
    names: dict[str, list[str]] = field(default_factory=dict)  # answer or "waiting" -> names

    @property
    def queued(self) -> int:
        """Reminders handed to the outbox: queued is not delivered (see `delivered`)."""
        return sum(1 for line in self.lines if line.status == QUEUED)

    @property
    def delivered(self) -> int:
        """Messages LINE accepted, counted per recipient, over every reminder."""
        return sum(line.sent for line in self.lines)

    @property
    def failed(self) -> int:
        return sum(line.failed for line in self.lines)

    @property
    def waiting(self) -> int:
        """Messages queued for a recipient but not yet delivered (nor failed)."""
        return sum(line.waiting for line in self.lines)


def gather(session: Session, meeting: Meeting, *, with_names: bool = True) -> Report:
    """Count, for each reminder not withdrawn, what became of its deliveries."""
    lines = []
    for reminder in reminders.of_meeting(session, meeting.id):
        if reminder.status == WITHDRAWN:
            continue
        line = ReminderLine(reminder.kind, reminder.due_at, reminder.status, reminder.reason,
                            recipients=reminder.recipient_count or 0,
                            left_out=json.loads(reminder.left_out or "{}"))  # fmt: skip
        for delivery in reminders.deliveries_of(session, reminder):
            count = delivery.recipient_count
            if delivery.status == SENT:
                line.sent += count
            elif delivery.status == FAILED:
                line.failed += count
                reason = failure_reason(delivery)
                line.failures[reason] = line.failures.get(reason, 0) + count
            else:
                line.waiting += count
        lines.append(line)
    invited = meetings.invited_at_start(session, meeting)  # the organiser is not an invitee
    names = meetings.answers_by_name(session, meeting) if with_names else {}
    return Report(meeting, lines, meetings.rsvp_counts(session, meeting.id), invited, names)


def failure_reason(delivery) -> str:
    """Why a delivery failed: its stored code (quota, expired, rejected); for an older row
    without one, "quota" when LINE's monthly limit refused it, else LINE's error."""
    code = getattr(delivery, "reason", None)
    if code:
        return code
    error = delivery.last_error or "unknown"
    return "quota" if "monthly limit" in error.lower() else error
