"""Repository of quota notices: which refused reminders an organiser has not yet been told of."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.deliveries import FAILED, QUOTA
from storage.models import Delivery
from storage.models.meetings import Meeting, Reminder
from storage.models.quota_notices import QuotaNotice
from storage.upsert import insert_ignore

# A meeting reminder's deliveries carry "meeting:{m}:reminder:{r}:{kind}:..." (reminders.key_prefix).
_MEETING_KEY = re.compile(r"^meeting:(\d+):reminder:(\d+):")
# A notice not told within this long is about a month gone by: it is no longer news.
STALE = timedelta(days=31)


def reminder_of(delivery: Delivery) -> int | None:
    """The meeting reminder a delivery was made for (None for replies, prompts, notices)."""
    found = _MEETING_KEY.match(delivery.dedupe_key or "")
    return int(found.group(2)) if found else None


def note(session: Session, reminder_id: int, now: datetime) -> bool:
    """Record that this reminder met the monthly limit; True only the first time."""
    return bool(
        insert_ignore(session, QuotaNotice, [{"reminder_id": reminder_id, "created_at": now}])
    )


def refused_count(session: Session, reminder_id: int, prefix: str) -> int:
    """How many recipients LINE refused for the quota among this reminder's deliveries."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = select(func.coalesce(func.sum(Delivery.recipient_count), 0)).where(
        Delivery.status == FAILED,
        Delivery.reason == QUOTA,
        Delivery.dedupe_key.like(f"{escaped}%", escape="\\"),
    )
    return int(session.scalar(stmt) or 0)


def mark_told(session: Session, reminder_id: int, now: datetime, via: str) -> None:
    notice = session.scalar(select(QuotaNotice).where(QuotaNotice.reminder_id == reminder_id))
    if notice is not None and notice.told_at is None:
        notice.told_at, notice.told_via = now, via


def untold_for(session: Session, organiser_id: int, now: datetime) -> list[tuple[QuotaNotice, Reminder, Meeting]]:  # fmt: skip
    """Notices this organiser has not been told of yet (recent ones), oldest first."""
    stmt = (
        select(QuotaNotice, Reminder, Meeting)
        .join(Reminder, Reminder.id == QuotaNotice.reminder_id)
        .join(Meeting, Meeting.id == Reminder.meeting_id)
        .where(Meeting.organiser_id == organiser_id, QuotaNotice.told_at.is_(None))
        .where(QuotaNotice.created_at >= now - STALE)
        .order_by(QuotaNotice.id)
    )
    return [tuple(row) for row in session.execute(stmt)]


def of_meeting(session: Session, meeting_id: int) -> list[QuotaNotice]:
    """The quota notices of one meeting's reminders (for its report)."""
    stmt = (
        select(QuotaNotice)
        .join(Reminder, Reminder.id == QuotaNotice.reminder_id)
        .where(Reminder.meeting_id == meeting_id)
        .order_by(QuotaNotice.id)
    )
    return list(session.scalars(stmt))
