"""Repository of reflections: save, find the one still editable, count for summaries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Member
from storage.models.reflections import Reflection

ANSWERS = ("set_out", "happened", "worked", "obstacles", "lesson")
EDIT_WINDOW = timedelta(hours=24)


def save(
    session: Session,
    member: Member,
    answers: dict[str, str | None],
    criteria: Iterable[str],
    activity_id: int | None,
    now: datetime,
) -> Reflection:
    """Store a new reflection with the member's network and organisation of today."""
    reflection = Reflection(
        member_id=member.id, activity_id=activity_id, network=member.network,
        organisation=member.organisation, criteria=",".join(criteria), created_at=now,
        **{name: answers.get(name) for name in ANSWERS},
    )  # fmt: skip
    session.add(reflection)
    session.flush()
    return reflection


def update(
    reflection: Reflection,
    answers: dict[str, str | None],
    criteria: Iterable[str],
    activity_id: int | None,
    now: datetime,
) -> None:
    """Replace a reflection's answers, tags and activity (an edit within the window)."""
    for name in ANSWERS:
        setattr(reflection, name, answers.get(name))
    reflection.criteria = ",".join(criteria)
    reflection.activity_id = activity_id
    reflection.edited_at = now


def is_editable(reflection: Reflection, now: datetime) -> bool:
    """True while the reflection is younger than 24 hours."""
    return now - reflection.created_at < EDIT_WINDOW


def latest_editable(session: Session, member_id: int, now: datetime) -> Reflection | None:
    """Return the member's newest reflection if it can still be edited."""
    stmt = (
        select(Reflection)
        .where(Reflection.member_id == member_id, Reflection.created_at > now - EDIT_WINDOW)
        .order_by(Reflection.created_at.desc(), Reflection.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def get_for_member(session: Session, member_id: int, reflection_id: int) -> Reflection | None:
    """Return the reflection if it is the member's own."""
    reflection = session.get(Reflection, reflection_id)
    return reflection if reflection is not None and reflection.member_id == member_id else None


def count(session: Session, member_id: int, since: datetime | None = None) -> int:
    """Count the member's reflections (since a moment, if given)."""
    stmt = select(func.count(Reflection.id)).where(Reflection.member_id == member_id)
    if since is not None:
        stmt = stmt.where(Reflection.created_at >= since)
    return session.scalar(stmt) or 0


def count_in_network(session: Session, network: str, start: datetime, end: datetime) -> int:
    """Count reflections written for `network` between start (inclusive) and end."""
    stmt = select(func.count(Reflection.id)).where(
        Reflection.network == network, Reflection.created_at >= start, Reflection.created_at < end
    )
    return session.scalar(stmt) or 0


def writers_in_network(session: Session, network: str, start: datetime, end: datetime) -> set[int]:
    """Return the ids of members who wrote a reflection for `network` in the period."""
    stmt = select(Reflection.member_id).where(
        Reflection.network == network, Reflection.created_at >= start, Reflection.created_at < end
    )
    return set(session.scalars(stmt))


def reflected_activities(session: Session, activity_ids: Iterable[int]) -> set[int]:
    """Return which of these activities already have a reflection."""
    ids = list(activity_ids)
    if not ids:
        return set()
    stmt = select(Reflection.activity_id).where(Reflection.activity_id.in_(ids))
    return set(session.scalars(stmt))


def lessons_of(session: Session, activity_ids: Iterable[int]) -> dict[int, str]:
    """Return each of these activities' lesson (the latest reflection's, if several)."""
    ids = list(activity_ids)
    if not ids:
        return {}
    stmt = (
        select(Reflection.activity_id, Reflection.lesson)
        .where(Reflection.activity_id.in_(ids))
        .order_by(Reflection.id)
    )
    return {activity_id: lesson for activity_id, lesson in session.execute(stmt)}
