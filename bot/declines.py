"""Each evening, one message to each organiser listing who declined their meetings that day.

Run by the clock on every tick; it acts only between DIGEST_AT and DIGEST_UNTIL (Bangkok time).
The day's declines are those answered from yesterday's DIGEST_AT to today's, still "no" now, for
meetings not yet started. One push per organiser per day at most: the delivery's dedupe key
(`declines:{organiser}:{date}`) makes a second clock, or a second tick, add nothing. A meeting
whose RSVP summary went out this evening is left out: that summary already names who declined.
It costs one message of the month's quota per organiser, on days with a decline only.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from messages.builders import main_menu, text_message
from messages.meeting_answers import declines_text
from storage import deliveries, meetings
from storage.models import Member
from storage.models.meetings import QUEUED, SCHEDULED, Meeting, Reminder, Rsvp
from storage.models.members import CONSENT_GIVEN

DIGEST_AT = time(18, 0)
DIGEST_UNTIL = time(20, 0)  # as the nudges: nothing between 20:00 and 08:00


def send_evening_declines(session: Session, zone: ZoneInfo, now: datetime) -> list[int]:
    """Store today's declines message for each organiser who has some; return the delivery ids."""
    local = now.astimezone(zone)
    if not DIGEST_AT <= local.time() < DIGEST_UNTIL:
        return []
    end = datetime.combine(local.date(), DIGEST_AT, zone)
    start = end - timedelta(days=1)
    summarised = set(
        session.scalars(
            select(Reminder.meeting_id).where(
                Reminder.kind == "rsvp_summary", Reminder.status == QUEUED,
                Reminder.due_at >= end, Reminder.due_at <= now,
            )
        )
    )  # fmt: skip
    stmt = (
        select(Meeting, Member.display_name, Member.id)
        .join(Rsvp, Rsvp.meeting_id == Meeting.id)
        .join(Member, Member.id == Rsvp.member_id)
        .where(Rsvp.answer == "no", Rsvp.answered_at >= start, Rsvp.answered_at < end)
        .where(Meeting.status == SCHEDULED, Meeting.starts_at > now)
        .where(Meeting.organiser_id.is_not(None), Member.consent_status == CONSENT_GIVEN)
        .order_by(Meeting.starts_at, Meeting.id, Rsvp.answered_at, Rsvp.id)
    )
    by_organiser: dict[int, dict[int, tuple[Meeting, list[str]]]] = defaultdict(dict)
    for meeting, name, member_id in session.execute(stmt):
        if meeting.id in summarised or member_id == meeting.organiser_id:
            continue
        entry = by_organiser[meeting.organiser_id].setdefault(meeting.id, (meeting, []))
        entry[1].append(name or f"#{member_id}")
    ids: list[int] = []
    for organiser_id, per_meeting in by_organiser.items():
        organiser = session.get(Member, organiser_id)
        chosen, _ = meetings.reachable(session, [organiser] if organiser else [])
        if not chosen:
            continue
        language = chosen[0].language
        body = declines_text(list(per_meeting.values()), zone, language)
        key = f"declines:{organiser_id}:{local.date().isoformat()}"
        ids += deliveries.enqueue_push(
            session, chosen[0].user_id, [text_message(body, main_menu(language))], now, key
        )
    return ids
