"""Repository of activities: save a new or edited one, list a member's latest, delete, photo paths."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Member
from storage.models.activities import Activity, ActivityCriterion, ActivityPhoto

EDIT_WINDOW = timedelta(days=7)
RECENT_LIMIT = 10


@dataclass(frozen=True)
class Details:
    """What a member says about an activity (everything but who logged it and when)."""

    title: str
    held_on: date
    online: bool
    place: str | None
    participants: int
    criteria: tuple[int, ...]
    photos: tuple[Mapping[str, object], ...] = ()  # {"path", "content_type", "size"} in order


def add(session: Session, member: Member, details: Details, now: datetime) -> Activity:
    """Store a new activity, noting the member's network and organisation as they are now."""
    activity = Activity(
        member_id=member.id,
        network=member.network,
        organisation=member.organisation,
        created_at=now,
        updated_at=now,
    )
    _fill(session, activity, details)
    session.add(activity)
    session.flush()
    return activity


def update(session: Session, activity: Activity, details: Details, now: datetime) -> Activity:
    """Replace what the member said about `activity` (it keeps its network and logging time)."""
    _fill(session, activity, details)
    activity.updated_at = now
    session.flush()
    return activity


def _fill(session: Session, activity: Activity, details: Details) -> None:
    activity.title = details.title
    activity.held_on = details.held_on
    activity.online = details.online
    activity.place = None if details.online else details.place
    activity.participants = details.participants
    wanted = sorted(set(details.criteria))
    activity.criteria_rows = [r for r in activity.criteria_rows if r.criterion in wanted]
    kept = {r.criterion for r in activity.criteria_rows}
    activity.criteria_rows += [ActivityCriterion(criterion=n) for n in wanted if n not in kept]
    if activity.photos:
        # Positions are reused: the old rows must be gone before the new ones are written.
        activity.photos = []
        session.flush()
    activity.photos = [
        ActivityPhoto(
            path=str(photo["path"]),
            content_type=str(photo["content_type"]),
            size=int(photo["size"]),  # type: ignore[call-overload]
            position=position,
        )
        for position, photo in enumerate(details.photos)
    ]


def find_for_member(session: Session, member_id: int, activity_id: int) -> Activity | None:
    """Return the activity if it exists and belongs to the member (anyone else's is not found)."""
    activity = session.get(Activity, activity_id)
    if activity is None or activity.member_id != member_id:
        return None
    return activity


def recent(session: Session, member_id: int, limit: int = RECENT_LIMIT) -> list[Activity]:
    """Return the member's most recently logged activities, latest first."""
    stmt = (
        select(Activity)
        .where(Activity.member_id == member_id)
        .order_by(Activity.created_at.desc(), Activity.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def delete(session: Session, activity: Activity) -> list[str]:
    """Delete the activity with its criteria and photo rows; return the photo paths it had."""
    paths = [photo.path for photo in activity.photos]
    session.delete(activity)
    session.flush()
    return paths


def photo_paths(session: Session, member_id: int) -> set[str]:
    """Return every media path the member's activities refer to."""
    stmt = (
        select(ActivityPhoto.path)
        .join(Activity, Activity.id == ActivityPhoto.activity_id)
        .where(Activity.member_id == member_id)
    )
    return set(session.scalars(stmt))


def editable(activity: Activity, now: datetime) -> bool:
    """True while the activity may still be edited or deleted: 7 days after it was logged."""
    return now - activity.created_at < EDIT_WINDOW
