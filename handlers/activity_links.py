"""The activities a reflection can be about, and the activity counts summaries show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import activities, reflections
from storage.models.activities import Activity

RECENT_LIMIT = 5  # quick-reply buttons offered when picking an activity
RECENT_DAYS = timedelta(days=30)


@dataclass(frozen=True)
class ActivityRef:
    """What a reflection shows of an activity."""

    id: int
    title: str
    held_on: date
    criteria: tuple[int, ...] = ()  # the five criteria it serves, by number (1-5)


def _ref(activity: Activity) -> ActivityRef:
    return ActivityRef(activity.id, activity.title, activity.held_on, tuple(activity.criteria))


def recent(session: Session, member_id: int, now: datetime) -> list[ActivityRef]:
    """Return the member's activities of the last 30 days without a reflection, newest first."""
    logged = [a for a in activities.recent(session, member_id) if now - a.created_at < RECENT_DAYS]
    done = reflections.reflected_activities(session, [a.id for a in logged])
    return [_ref(a) for a in logged if a.id not in done][:RECENT_LIMIT]


def just_saved(
    session: Session, member_id: int, now: datetime, within: timedelta
) -> ActivityRef | None:
    """Return the member's latest activity if it was saved within `within` and has no reflection."""
    latest = activities.recent(session, member_id, limit=1)
    if not latest or now - latest[0].created_at >= within:
        return None
    if reflections.reflected_activities(session, [latest[0].id]):
        return None
    return _ref(latest[0])


def find(session: Session, member_id: int, activity_id: int) -> ActivityRef | None:
    """Return the member's activity with this id, or None if it is not theirs."""
    activity = activities.find_for_member(session, member_id, activity_id)
    return _ref(activity) if activity is not None else None


def count(session: Session, member_id: int, since: datetime | None = None) -> int:
    """Count the member's activities (held on or after the day of `since`, if given).

    By the day it was held, as the network summary counts: an activity logged late still
    belongs to the month it happened in. `since` is a local (bot time zone) moment.
    """
    stmt = select(func.count(Activity.id)).where(Activity.member_id == member_id)
    if since is not None:
        stmt = stmt.where(Activity.held_on >= since.date())
    return session.scalar(stmt) or 0


def in_network(
    session: Session, network: str, start: datetime, end: datetime
) -> tuple[int, set[int]]:
    """Return how many of a network's activities were held in the period, and who logged
    activities in it (the network is the one recorded when each activity was logged)."""
    held = select(func.count(Activity.id)).where(
        Activity.network == network, Activity.held_on >= start.date(), Activity.held_on < end.date()
    )
    loggers = select(Activity.member_id).where(
        Activity.network == network, Activity.created_at >= start, Activity.created_at < end
    )
    return session.scalar(held) or 0, set(session.scalars(loggers))


def logged_between(
    session: Session, after: datetime, until: datetime
) -> list[tuple[int, ActivityRef]]:
    """Return (member id, activity) for activities logged after `after` up to `until` included,
    oldest first."""
    stmt = (
        select(Activity)
        .where(Activity.created_at > after, Activity.created_at <= until)
        .order_by(Activity.created_at, Activity.id)
    )
    return [(activity.member_id, _ref(activity)) for activity in session.scalars(stmt)]
