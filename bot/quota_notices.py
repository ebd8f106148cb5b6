"""Tell the organiser at once when LINE refuses their meeting's reminder for the monthly limit.

The sender calls `QuotaNotices` (its `on_quota` hook) with the refused deliveries. Once per
reminder, the organiser is sent a push: it costs one message, so with the quota truly gone it is
refused too. It is still worth trying: a multicast to 60 can be refused while one message remains.
A notice LINE refused (or an organiser the bot cannot push to) is not lost: it rides, free, on the
reply to the organiser's next message (`with_owed_notices`), and the delivery report says it.
The notice's own refusal is not reported again (its key is not a meeting reminder's).
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from messages.builders import text_message
from messages.catalog import text
from messages.meetings import when
from storage import deliveries, meetings, quota_notices, reminders
from storage.db import Database
from storage.models import Delivery, Member
from storage.models.meetings import Meeting, Reminder

log = logging.getLogger(__name__)
MAX_LINES = 5


def notice_line(
    session, reminder: Reminder, meeting: Meeting, zone: ZoneInfo, language: str
) -> str:
    """ "ประกาศนัด “ประชุม…” (30 พ.ย. 2569 13:30 น.): ส่งไม่ถึง 3 คน"."""
    count = quota_notices.refused_count(session, reminder.id, reminders.key_prefix(reminder))
    return text("meeting.quota_notice.line", language,
                kind=text(f"meeting.kind.{reminder.kind}", language), title=meeting.title,
                when=when(meeting.starts_at, zone, language), count=count)  # fmt: skip


class QuotaNotices:
    """The sender's on_quota hook: note each refused meeting reminder once and push its notice."""

    def __init__(self, db: Database, sender, zone: ZoneInfo) -> None:
        self.db, self.sender, self.zone = db, sender, zone

    def __call__(self, delivery_ids: list[int]) -> None:
        pushes: dict[int, int] = {}  # notice delivery -> reminder
        with self.db.unit_of_work() as session:
            now = self.sender.clock()
            refused = session.scalars(select(Delivery).where(Delivery.id.in_(delivery_ids)))
            for delivery in list(refused):
                reminder_id = quota_notices.reminder_of(delivery)
                if reminder_id is None or not quota_notices.note(session, reminder_id, now):
                    continue  # not a meeting's reminder, or its organiser is already being told
                for notice_id in self._push(session, reminder_id, now):
                    pushes[notice_id] = reminder_id
        for notice_id, reminder_id in pushes.items():
            if self.sender.send(notice_id) == deliveries.SENT:
                with self.db.unit_of_work() as session:
                    quota_notices.mark_told(session, reminder_id, self.sender.clock(), "push")

    def _push(self, session, reminder_id: int, now: datetime) -> list[int]:
        reminder = session.get(Reminder, reminder_id)
        meeting = session.get(Meeting, reminder.meeting_id) if reminder else None
        organiser = (
            session.get(Member, meeting.organiser_id) if meeting and meeting.organiser_id else None
        )
        chosen, _ = meetings.reachable(session, [organiser] if organiser else [])
        if not chosen:
            return []  # staff from a terminal, or an organiser who cannot be pushed to: the report says it
        language = chosen[0].language
        body = "\n".join([
            text("meeting.quota_notice.heading", language),
            notice_line(session, reminder, meeting, self.zone, language),
            text("meeting.quota_notice.advice", language),
        ])  # fmt: skip
        key = f"quota-notice:{reminder_id}"
        return deliveries.enqueue_push(session, chosen[0].user_id, [text_message(body)], now, key)


def with_owed_notices(session, member: Member | None, messages: list[dict], now: datetime, zone: ZoneInfo) -> list[dict]:  # fmt: skip
    """Put, first in a reply, what the organiser could not be told when the quota ran out.

    A reply costs no quota, so this reaches them even when every push is refused.
    """
    if member is None or not member.consented or len(messages) >= 5:
        return messages
    if not (member.has_role("coordinator") or member.has_role("staff")):
        return messages
    owed = quota_notices.untold_for(session, member.id, now)
    if not owed:
        return messages
    language = member.language or "th"
    lines = [text("meeting.quota_notice.late_heading", language)]
    lines += [notice_line(session, r, m, zone, language) for _, r, m in owed[:MAX_LINES]]
    lines.append(text("meeting.quota_notice.advice", language))
    for notice, _, _ in owed:
        notice.told_at, notice.told_via = now, "reply"
    return [text_message("\n".join(lines)[:4900]), *messages]
