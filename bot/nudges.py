"""Invite a reflection 3 days after an activity that has none: once, by day, to reachable members."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers import activity_links
from handlers.commands.reflect_start import reflect_button
from handlers.periods import short_date
from messages.builders import text_message
from messages.catalog import text
from storage import deliveries, reflections
from storage.daytime import is_daytime
from storage.models import Delivery, Member
from storage.models.members import reachable_clause

log = logging.getLogger(__name__)
NUDGE_AFTER = timedelta(days=3)
# Activities logged longer ago than this are never nudged (e.g. when the feature is first turned on).
TOO_OLD = NUDGE_AFTER + timedelta(days=7)
# A member with several activities waiting gets at most one nudge a day.
PER_MEMBER_GAP = timedelta(hours=20)
KEY = "reflect-nudge"


def _reachable(session: Session, member_ids: set[int]) -> dict[int, Member]:
    stmt = select(Member).where(Member.id.in_(member_ids), reachable_clause())
    return {member.id: member for member in session.scalars(stmt)}


def _nudged_lately(session: Session, member_id: int, now: datetime) -> bool:
    stmt = select(Delivery.id).where(
        Delivery.dedupe_key.like(f"{KEY}:m{member_id}:%"),
        Delivery.created_at > now - PER_MEMBER_GAP,
    )
    return session.scalars(stmt.limit(1)).first() is not None


def queue_reflection_nudges(session: Session, now: datetime, zone: tzinfo) -> int:
    """Store the nudges due now in the outbox (each activity's only once); return how many."""
    if not is_daytime(now, zone):
        return 0
    due = activity_links.logged_between(session, now - TOO_OLD, now - NUDGE_AFTER)
    done = reflections.reflected_activities(session, [activity.id for _, activity in due])
    reachable = _reachable(session, {member_id for member_id, _ in due})
    queued, nudged = 0, set()
    for member_id, activity in due:
        member = reachable.get(member_id)
        if activity.id in done or member is None or member_id in nudged:
            continue
        if _nudged_lately(session, member_id, now):
            continue
        language = member.language or "th"
        body = text(
            "nudge.reflect", language, name=member.display_name or "", title=activity.title,
            date=short_date(activity.held_on, zone, language),
        )  # fmt: skip
        message = text_message(body, [reflect_button(activity.id, language)])
        key = f"{KEY}:m{member_id}:a{activity.id}"
        if deliveries.enqueue_push(session, member.line_user_id, [message], now, dedupe_key=key):
            queued += 1
            nudged.add(member_id)
    return queued


def send_reflection_nudges(bot, now: datetime | None = None) -> int:
    """Queue the nudges due now and send them; the clock calls this (and `flask nudges send`)."""
    with bot.db.unit_of_work() as session:
        queued = queue_reflection_nudges(session, now or bot.clock(), bot.config.zone)
    if queued:
        bot.sender.send_due()
    log.info("reflection nudges queued: %s", queued)
    return queued
